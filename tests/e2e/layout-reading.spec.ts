import { expect, openIntacctPage, openPopup, test } from './harness';
import { shellUrl } from '../fixtures/intacct/router';

/*
 * What only a browser can read (issue #20): labels tied to their fields by where they are drawn, a setup
 * page in a frame inside Intacct's page frame, and a page the helper is not sure of, named in the popup.
 */

const finding = (frame: import('@playwright/test').Frame, subject: string) => frame.locator(`[data-testid="ish-finding"][data-subject="${subject}"]`);

test('fields labelled only by where their labels are drawn are read as a person reads the screen', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form-visual');
  await expect(frame.getByTestId('ish-overlay')).toHaveAttribute('data-page-kind', 'ws-user-form');
  // In document order each label follows its field; on screen it sits to its left or above it.
  await expect(finding(frame, 'User type')).toHaveAttribute('data-status', 'wrong');
  await expect(finding(frame, 'Admin privileges')).toHaveAttribute('data-status', 'ok');
  await expect(finding(frame, 'Status')).toHaveAttribute('data-status', 'ok');
  await expect(finding(frame, 'Email address')).toHaveAttribute('data-status', 'ok');
  await expect(frame.locator('[data-testid="ish-finding"][data-status="not-found"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/layout-ws-user-form-visual.png' });
});

test('a setup page in a frame inside the page frame gets its guide there', async ({ page }) => {
  await page.goto(shellUrl('module-frame'));
  const inner = page.frameLocator('iframe#iamain').frameLocator('iframe#modcontent');
  // The default integration exports vendor bills: the T&E page is recognized, with no checks of its own.
  await expect(inner.getByTestId('ish-overlay')).toHaveAttribute('data-page-kind', 'te-configuration', { timeout: 10_000 });
  await expect(page.frameLocator('iframe#iamain').locator('ish-overlay-host')).toHaveCount(0);
});

test('a page the helper is not sure of is named in the popup, ready to teach in one click', async ({ page, context, extensionId }) => {
  const frame = await openIntacctPage(page, 'te-configuration');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  // The same page without any name: its fields alone are one sign of the two a setup page needs.
  await frame.evaluate(() => {
    document.title = 'Sage Intacct';
    for (const el of Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, legend, caption, .crumbs, nav'))) el.remove();
  });
  await expect(frame.locator('ish-overlay-host')).toHaveCount(0, { timeout: 5_000 });
  const popup = await openPopup(context, extensionId);
  const looks = popup.getByTestId('ish-looks-like');
  await expect(looks).toHaveAttribute('data-page-kind', 'te-configuration');
  await expect(looks).toContainText('Looks like the Time & Expenses configuration page');
  await expect(popup.getByTestId('ish-teach-kind')).toHaveValue('te-configuration');
  await popup.getByTestId('ish-teach').click();
  await expect(popup.getByTestId('ish-teach-status')).toContainText('Time & Expenses configuration');
  await popup.screenshot({ path: 'test-results/screens/popup-looks-like.png' });
});
