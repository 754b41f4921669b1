#!/usr/bin/env bash
# The demo and the end-to-end tests drive Debian's Chromium (Playwright cannot download a browser here).
# On a fresh machine it is installed once; as a non-root user, say how.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium (once; about 20 s)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "Chromium is needed at $browser: run 'sudo apt-get install -y --no-install-recommends chromium' (or set CHROMIUM_PATH)." >&2
exit 1
