import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  attributeOf,
  downloads,
  findingSelector,
  inOverlay,
  intacctTab,
  launchFirefox,
  openIntacctPage,
  poll,
  textOf,
  waitFor,
  type FirefoxSession,
  screenshotFile,
} from './launch';

let session: FirefoxSession;
beforeEach(async () => {
  session = await launchFirefox();
});
afterEach(async () => session?.close());

it('the permissions window re-audits live: ticking the right left off clears its finding', async () => {
  const page = await intacctTab(session);
  const frame = await openIntacctPage(page, 'role-permissions');
  const accounts = findingSelector('General Ledger › Accounts');
  await waitFor(frame, accounts);
  expect(await attributeOf(frame, accounts, 'data-status')).toBe('missing');
  await frame.click('input[aria-label="Accounts Delete"]');
  await poll(async () => (await attributeOf(frame, accounts, 'data-status')) === 'ok', 'the Accounts finding to turn ok');
  await page.screenshot({ path: screenshotFile('live-permissions.png') });
});

it('"Fill recommended values" fills the Web Services user form on the click, and the checks follow', async () => {
  const page = await intacctTab(session);
  const frame = await openIntacctPage(page, 'ws-user-form');
  await waitFor(frame, findingSelector('User type'));
  expect(await attributeOf(frame, findingSelector('User type'), 'data-status')).toBe('wrong');
  // Nothing is filled before the admin asks.
  expect(await frame.$eval('#_obj__LOGINID', (el) => (el as HTMLInputElement).value)).toBe('');

  await frame.click(inOverlay('[data-testid="ish-fill"]'));
  await poll(async () => (await textOf(frame, inOverlay('[data-testid="ish-fill-result"]'))).includes('click Save yourself'), 'the fill result');
  expect(await frame.$eval('#_obj__LOGINID', (el) => (el as HTMLInputElement).value)).toBe('xmlgateway_expensify');
  expect(await frame.$eval('#_obj__USERTYPE', (el) => (el as HTMLSelectElement).value)).toBe('Business');
  await poll(async () => (await attributeOf(frame, findingSelector('User type'), 'data-status')) === 'ok', 'User type to turn ok');
  expect(await attributeOf(frame, findingSelector('Admin privileges'), 'data-status')).toBe('ok');
  // The email is the admin's to give: left empty, still asked for.
  expect(await frame.$eval('#_obj__EMAIL', (el) => (el as HTMLInputElement).value)).toBe('');
  expect(await attributeOf(frame, findingSelector('Email address'), 'data-status')).not.toBe('ok');
  await page.screenshot({ path: screenshotFile('fill.png') });
});

it('"Export audit" saves the JSON and CSV audit files with the rows the page shows, and opens the report', async () => {
  const page = await intacctTab(session);
  const frame = await openIntacctPage(page, 'role-permissions');
  await waitFor(frame, findingSelector('General Ledger › Accounts'));
  const onPage = await frame.$$eval(inOverlay('[data-testid="ish-finding"]'), (els) =>
    els.map((e) => `${e.getAttribute('data-status')}|${e.getAttribute('data-subject')}`).sort(),
  );
  expect(onPage.length).toBeGreaterThan(1);
  const pagesBefore = (await session.browser.pages()).length;

  await frame.click(inOverlay('[data-testid="ish-export"]'));
  const files = await downloads(session, 2);
  // Told apart by content, so a pack of more files (audit.json, audit.csv, report…) still passes.
  const texts = [...files.values()];
  const json = texts.map((t) => { try { return JSON.parse(t) as unknown; } catch { return null; } }).find(
    (v): v is { rows: { status: string; subject: string }[] } => !!v && typeof v === 'object' && Array.isArray((v as { rows?: unknown }).rows),
  );
  expect(json, `a JSON audit among ${[...files.keys()].join(', ')}`).toBeTruthy();
  expect(json!.rows.map((f) => `${f.status}|${f.subject}`).sort()).toEqual(onPage);
  const csv = texts.find((t) => !t.trimStart().startsWith('{') && t.includes('General Ledger › Accounts') && t.includes(','));
  expect(csv, `a CSV audit naming the audited rows among ${JSON.stringify([...files].map(([n, t]) => [n, t.slice(0, 200)]))}`).toBeTruthy();
  for (const row of onPage) expect(csv).toContain(row.split('|')[1]!);
  // The printable report opens in a tab of its own.
  await poll(async () => (await session.browser.pages()).length > pagesBefore, 'the report tab');
});
