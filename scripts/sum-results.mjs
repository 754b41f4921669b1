// Sums the suites' JSON reports into the one line CI reads: "N passed, N failed".
//   node scripts/sum-results.mjs --vitest unit.json --playwright e2e.json --vitest firefox.json
// Each report is named with the runner that wrote it. A missing or unreadable report counts as a
// failure, never as zero tests.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`no test report at ${file}`);
    failed += 1;
    return null;
  }
}

const COUNT = {
  vitest(report) {
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  },
  playwright(report) {
    const s = report.stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    skipped += s.skipped ?? 0;
    failed += (report.errors ?? []).length;
  },
};

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error('usage: sum-results.mjs (--vitest|--playwright) REPORT ...');
  failed += 1;
}
for (let i = 0; i + 1 < args.length; i += 2) {
  const runner = COUNT[args[i].replace(/^--/, '')];
  if (!runner) {
    console.error(`unknown runner ${args[i]}`);
    failed += 1;
    continue;
  }
  const report = read(args[i + 1]);
  if (report) runner(report);
}
if (passed + failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
