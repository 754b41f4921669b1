#!/usr/bin/env bash
# `npm test`: builds what the end-to-end tests load, runs the unit tests, the Chromium suite (Playwright)
# and the Firefox suite (puppeteer-core), and ends with one plain line "N passed, N failed" summed over
# all three (CI reads only that line and the exit code).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/ensure-firefox.sh || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p .reports
rm -f .reports/unit.json .reports/e2e.json .reports/firefox.json

# Both browsers: the manifest tests read the Chrome and the Firefox build, each browser suite loads its own.
{ npx wxt build >/dev/null && npx wxt build -b firefox >/dev/null; } || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/unit.json
unit_rc=$?
npx playwright test
e2e_rc=$?
npx vitest run --config vitest.firefox.config.ts --reporter=default --reporter=json --outputFile.json=.reports/firefox.json
firefox_rc=$?

node scripts/sum-results.mjs --vitest .reports/unit.json --playwright .reports/e2e.json --vitest .reports/firefox.json
sum_rc=$?
if [ $unit_rc -ne 0 ] || [ $e2e_rc -ne 0 ] || [ $firefox_rc -ne 0 ] || [ $sum_rc -ne 0 ]; then exit 1; fi
