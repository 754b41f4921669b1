import type { Frame, Page } from '@playwright/test';
import { POD_HOST } from '../fixtures/intacct/catalog';
import { pageUrl } from '../fixtures/intacct/router';
import { expect, openIntacctPage, openPopup, openSetting, test } from './harness';

const SCREENS = 'test-results/screens';

function finding(frame: Frame | Page, subject: string) {
  return frame.locator(`[data-testid="ish-finding"][data-subject="${subject}"]`);
}

/** The Intacct tab the popup speaks of: one that showed a setup page, then moved on to `name`. */
async function intacctTabAt(page: Page, name: string): Promise<void> {
  const frame = await openIntacctPage(page, 'ws-user-list');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  await page.goto(pageUrl(name));
}

test('a check whose field is not on the page shows as not found and is counted, never passed', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(finding(frame, 'Email address')).toHaveAttribute('data-status', 'missing');
  // The page drops its Email address field, as a tenant's page might.
  await frame.evaluate(() => document.querySelector('#_obj__EMAIL')?.closest('tr')?.remove());
  await expect(finding(frame, 'Email address')).toHaveAttribute('data-status', 'not-found');
  await expect(finding(frame, 'Email address')).toContainText('Not found');
  await expect(finding(frame, 'Email address')).toContainText('could not find a field labelled “Email address”');
  await expect(frame.getByTestId('ish-summary')).toContainText('1 not found on this page');
  await expect(frame.getByTestId('ish-summary')).not.toContainText('pass');
  await page.screenshot({ path: `${SCREENS}/not-found.png` });
});

test('teach a page the helper does not know, point at a field it cannot find, and both stay after a reload', async ({ page, context, extensionId }) => {
  await intacctTabAt(page, 'partner-credentials');
  await page.waitForTimeout(800);
  await expect(page.locator('ish-overlay-host')).toHaveCount(0);

  const popup = await openPopup(context, extensionId);
  const unknown = popup.getByTestId('ish-unknown-frame');
  await expect(unknown).toHaveAttribute('data-path', '/ia/acct/editor.phtml');
  await unknown.getByTestId('ish-teach-kind').selectOption('sender-form');
  await popup.screenshot({ path: `${SCREENS}/teach-popup.png`, fullPage: true });
  await unknown.getByTestId('ish-teach').click();
  await expect(popup.getByTestId('ish-teach-status')).toContainText('Web Services sender information page');
  await expect(popup.getByTestId('ish-taught-page')).toHaveAttribute('data-page-kind', 'sender-form');

  // Taught: the guide shows at once, and again after a reload, from the detector itself.
  await expect(page.getByTestId('ish-overlay')).toHaveAttribute('data-page-kind', 'sender-form');
  await page.reload();
  const overlay = page.getByTestId('ish-overlay');
  await expect(overlay).toHaveAttribute('data-page-kind', 'sender-form');
  // Its Sender ID field has another name here: not found, until the admin points at it.
  await expect(finding(page, 'Sender ID')).toHaveAttribute('data-status', 'not-found');
  await finding(page, 'Sender ID').getByTestId('ish-point-at').click();
  await expect(page.getByTestId('ish-picking')).toContainText('Sender ID');
  await page.screenshot({ path: `${SCREENS}/teach-picking.png` });
  const saves: number = await page.evaluate(() => {
    (window as unknown as { clicks: number }).clicks = 0;
    document.querySelector('input[name="PARTNERCODE"]')?.addEventListener('click', () => (window as unknown as { clicks: number }).clicks++);
    return 0;
  });
  await page.locator('input[name="PARTNERCODE"]').click();
  // Checked now: "Expensify" is not the lowercase sender ID Intacct needs.
  await expect(finding(page, 'Sender ID')).toHaveAttribute('data-status', 'wrong');
  await expect(page.getByTestId('ish-picking')).toHaveCount(0);
  // The click that named the field never reached the page.
  expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(saves);
  await page.screenshot({ path: `${SCREENS}/teach-pointed.png` });

  await page.reload();
  await expect(finding(page, 'Sender ID')).toHaveAttribute('data-status', 'wrong');
  // Any pod host: the rule holds the path, never the host or the session.
  await page.goto(`https://www-p07.intacct.com/ia/acct/editor.phtml?.op=7001&.it=xmlpartner&.do=edit&.sess=other`);
  await expect(page.getByTestId('ish-overlay')).toHaveAttribute('data-page-kind', 'sender-form');

  await popup.reload();
  await openSetting(popup, 'taught');
  await expect(popup.getByTestId('ish-taught-field')).toContainText('partner code');
  await popup.getByTestId('ish-taught-rules').getByTestId('ish-taught-remove').first().click();
  await expect(popup.getByTestId('ish-taught-page')).toHaveCount(0);
});

test('Copy page structure gives the frame’s structure and none of its values, emails or session', async ({ page, context, extensionId }) => {
  await intacctTabAt(page, 'partner-credentials');
  const popup = await openPopup(context, extensionId);
  await popup.getByTestId('ish-unknown-frame').getByTestId('ish-copy-structure').click();
  const text = await popup.getByTestId('ish-structure-text').inputValue();
  const structure = JSON.parse(text) as { path: string; queryKeys: string[]; title: string };
  expect(structure.path).toBe('/ia/acct/editor.phtml');
  expect(structure.queryKeys).toEqual(['.do', '.it', '.op']);
  expect(structure.title).toBe('Sage Intacct - Partner Credentials');
  await expect(popup.getByTestId('ish-unknown-frame')).toContainText('“Partner Credentials”');
  expect(text).toContain('"Partner code:');
  for (const secret of ['Expensify', 'jane.doe', 'demo-co.example', '.sess', 'demo', '7001', 'xmlpartner']) expect(text, secret).not.toContain(secret);
  await popup.screenshot({ path: `${SCREENS}/copy-structure.png`, fullPage: true });
});

test('a taught-rules file that is not valid is refused with each problem, and nothing is lost', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await openSetting(popup, 'taught');
  await popup.getByTestId('ish-taught-import').setInputFiles({
    name: 'rules.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'intacct-setup-helper/taught-rules', version: 1, pages: [{ kind: 'nowhere' }], fields: [] })),
  });
  await expect(popup.getByTestId('ish-taught-problem').first()).toContainText('pages.0');
  await expect(popup.getByTestId('ish-taught-page')).toHaveCount(0);
  expect(POD_HOST).toContain('intacct.com');
});
