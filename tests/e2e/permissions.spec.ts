import { createHash } from 'node:crypto';
import type { Frame } from '@playwright/test';
import { completedDownloadTexts, expect, openIntacctPage, test } from './harness';

function finding(frame: Frame, subject: string) {
  return frame.locator(`[data-testid="ish-finding"][data-subject="${subject}"]`);
}

test('the role’s subscriptions show a missing module and an excess one, and ticking the missing box clears it live', async ({ page }) => {
  const frame = await openIntacctPage(page, 'role-subscriptions');
  await expect(finding(frame, 'Cash Management')).toHaveAttribute('data-status', 'missing');
  await expect(finding(frame, 'Accounts Receivable')).toHaveAttribute('data-status', 'excess');
  await expect(frame.getByTestId('ish-summary')).toContainText('1 missing');
  await page.screenshot({ path: 'test-results/screens/permissions-role-subscriptions.png' });

  await frame.getByRole('checkbox', { name: 'Cash Management' }).check();
  await expect(finding(frame, 'Cash Management')).toHaveAttribute('data-status', 'ok');
  await expect(frame.getByTestId('ish-summary')).not.toContainText('missing');
});

test('the permissions window flags a right left off, and ticking it clears the finding live', async ({ page }) => {
  const frame = await openIntacctPage(page, 'role-permissions');
  await expect(finding(frame, 'General Ledger › Accounts')).toHaveAttribute('data-status', 'missing');
  await frame.getByRole('checkbox', { name: 'Accounts Delete', exact: true }).check();
  await expect(finding(frame, 'General Ledger › Accounts')).toHaveAttribute('data-status', 'ok');
  await page.screenshot({ path: 'test-results/screens/permissions-role-window.png' });
});

test('"Export audit" saves the pack: a JSON whose findings match the page, a CSV, the report and their checksums', async ({ page, context }) => {
  const frame = await openIntacctPage(page, 'role-permissions');
  await expect(finding(frame, 'General Ledger › Accounts')).toHaveAttribute('data-status', 'missing');
  const onPage = await frame
    .locator('[data-testid="ish-finding"]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')}|${e.getAttribute('data-subject')}`).sort());

  const reportPage = context.waitForEvent('page');
  await frame.getByTestId('ish-export').click();
  const report = await reportPage;
  await expect(report.frameLocator('#report').getByText('Expensify').first()).toBeVisible();
  await expect(report.frameLocator('#report').getByText('General Ledger › Accounts').first()).toBeVisible();
  await report.screenshot({ path: 'test-results/screens/permissions-report.png' });

  await expect.poll(async () => (await completedDownloadTexts(context)).length, { timeout: 10_000 }).toBe(4);
  const contents = await completedDownloadTexts(context);
  const json = contents.find((text) => text.trimStart().startsWith('{'));
  const csv = contents.find((text) => text.startsWith('Company,'));
  const sums = contents.find((text) => /^[0-9a-f]{64} {2}audit\.json\n/.test(text));
  expect(json).toBeTruthy();
  const exported = JSON.parse(json!) as { rows: { status: string; subject: string }[] };
  expect(exported.rows.map((f) => `${f.status}|${f.subject}`).sort()).toEqual(onPage);
  expect(csv).toContain('General Ledger › Accounts');
  // Each line of SHA256SUMS is the digest of one of the other three files.
  const digests = new Set(contents.map((text) => createHash('sha256').update(text).digest('hex')));
  for (const line of sums!.trim().split('\n')) expect(digests.has(line.slice(0, 64)), line).toBe(true);
});

test('choosing "All" in a section of the Permissions window clears that section’s findings live', async ({ page }) => {
  const frame = await openIntacctPage(page, 'role-permissions');
  const reports = finding(frame, 'General Ledger › Reports');
  await expect(reports).toHaveAttribute('data-status', 'wrong');
  await expect(finding(frame, 'General Ledger › Financial reports')).toHaveAttribute('data-status', 'missing');
  // The page's own script ticks every box of the section when its "All" radio is chosen.
  await frame.locator('#sc_reports_all').check();
  await expect(reports).toHaveAttribute('data-status', 'ok');
  await expect(finding(frame, 'General Ledger › Financial reports')).toHaveAttribute('data-status', 'ok');
});

test('another role’s subscriptions are checked against the integration, but said to be someone else’s', async ({ page }) => {
  const frame = await openIntacctPage(page, 'role-subscriptions');
  await expect(finding(frame, 'Cash Management')).toHaveAttribute('data-status', 'missing');
  await expect(frame.getByTestId('ish-caution')).toHaveCount(0);
  // The same page for another role, as Intacct would show it after the admin picked "AP Clerk".
  await frame.evaluate(() => {
    const line = Array.from(document.querySelectorAll('h2, .subtitle')).find((el) => /Role:/.test(el.textContent ?? ''));
    if (line) line.textContent = 'Role: AP Clerk';
  });
  await expect(frame.getByTestId('ish-caution')).toContainText('This is the role “AP Clerk”, not Expensify’s role “Expensify”');
});
