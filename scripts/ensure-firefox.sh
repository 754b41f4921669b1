#!/usr/bin/env bash
# The Firefox suite drives Debian's firefox-esr (puppeteer-core downloads no browser here) and makes a
# throwaway certificate for its demo gateway proxy with openssl. On a fresh machine both are installed
# once; as a non-root user, say how.
set -euo pipefail
browser="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
missing=()
[ -x "$browser" ] || missing+=(firefox-esr)
command -v openssl >/dev/null || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} (once; about 30 s)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "The Firefox suite needs ${missing[*]}: run 'sudo apt-get install -y --no-install-recommends ${missing[*]}' (or set FIREFOX_PATH)." >&2
exit 1
