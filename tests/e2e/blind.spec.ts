import { test, expect } from '@playwright/test';
import { loadAllRounds } from '../fixtures/intacct/blind/cases';
import { openBlindBrowser, type BlindBrowser } from './blind-run';

/*
 * Every blind round stays a regression test once its first run is recorded (README, "Blind rounds"): each
 * page written from the reference by someone who had not read the code must keep being read right.
 */
const cases = loadAllRounds();

test.describe.configure({ mode: 'serial' });

let browser: BlindBrowser;
test.beforeAll(async () => {
  browser = await openBlindBrowser();
});
test.afterAll(async () => {
  await browser?.launched.close();
});

for (const c of cases) {
  test(`blind round ${c.round}: ${c.id} ${c.kind ? `is read as ${c.kind}` : 'gets no panel'}`, async () => {
    const result = await browser.run(c);
    expect(result.reason).toBe('');
  });
}
