// `npm run blind`: every blind round (tests/fixtures/intacct/blind/round-N), black-box on the built
// extension in Chromium. Prints each failure, then `round-N: passed/cases` per round and the total.
// BLIND_ROUND=N runs one round. It measures; it fails (exit 1) only if a round cannot be loaded.
import { loadRound, roundDirs } from '../tests/fixtures/intacct/blind/cases';
import { openBlindBrowser, type CaseResult } from '../tests/e2e/blind-run';
import type { BlindCase } from '../tests/fixtures/intacct/blind/cases';

const only = process.env.BLIND_ROUND;
const dirs = roundDirs().filter((d) => !only || d.endsWith(`round-${only}`));
if (dirs.length === 0) {
  console.log('no blind round found under tests/fixtures/intacct/blind/');
  process.exit(1);
}
const browser = await openBlindBrowser();
const results: Array<CaseResult & { setup: boolean }> = [];
try {
  for (const dir of dirs) {
    for (const c of loadRound(dir) as BlindCase[]) {
      const result = { ...(await browser.run(c)), setup: c.kind !== null };
      results.push(result);
      console.log(`${result.pass ? 'pass' : 'FAIL'}  round-${result.round} ${result.id}${result.pass ? '' : ` — ${result.reason}`}`);
    }
  }
} finally {
  await browser.launched.close();
}
console.log('');
for (const round of [...new Set(results.map((r) => r.round))]) {
  const of = results.filter((r) => r.round === round);
  const passed = (list: typeof of): string => `${list.filter((r) => r.pass).length}/${list.length}`;
  console.log(`round-${round}: ${passed(of)} (setup pages ${passed(of.filter((r) => r.setup))}, ordinary pages ${passed(of.filter((r) => !r.setup))})`);
}
console.log(`all rounds: ${results.filter((r) => r.pass).length}/${results.length}`);
