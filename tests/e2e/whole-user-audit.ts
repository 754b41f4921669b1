import { expect, type BrowserContext, type Page } from '@playwright/test';
import { openIntacctPage } from './launch';
import { openSetting, showSection } from './popup-nav';

// The admin's path to a whole-user audit in the popup, shared by the e2e specs and `npm run evidence`.

/** Any passwords will do for the demo gateway (tests/fixtures/intacct/gateway.ts). */
export const DEMO_USER_PASSWORD = 'user-pw-demo-5e1f';
export const DEMO_SENDER_PASSWORD = 'sender-pw-demo-8c2d';

/** The popup's Connection section after the admin opened a setup page in Intacct (so the company ID is known), at its real width. */
export async function popupAfterIntacct(context: BrowserContext, page: Page, extensionId: string): Promise<Page> {
  const frame = await openIntacctPage(page, 'company-security');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html#connection`);
  await popup.setViewportSize({ width: 560, height: 900 });
  await expect(popup.getByTestId('ish-conn-company')).toHaveValue('DEMOCO');
  return popup;
}

/** Types the reviewer's name once (the popup stores it) and waits until it is stored. */
export async function setReviewer(popup: Page, name: string): Promise<void> {
  await openSetting(popup, 'reviewer');
  await popup.getByTestId('ish-reviewer').fill(name);
  await popup.getByTestId('ish-reviewer').blur();
}

/** Signs in with the demo credentials, then runs the whole-user audit and waits for its findings. */
export async function auditWholeUser(popup: Page, user = 'xmlgateway_expensify'): Promise<void> {
  if ((await popup.getByTestId('ish-check-permissions').count()) === 0) {
    await showSection(popup, 'connection');
    await popup.getByTestId('ish-conn-user').fill(user);
    await popup.getByTestId('ish-conn-user-password').fill(DEMO_USER_PASSWORD);
    await popup.getByTestId('ish-conn-sender').fill('democo_sender');
    await popup.getByTestId('ish-conn-sender-password').fill(DEMO_SENDER_PASSWORD);
    await popup.getByTestId('ish-conn-test').click();
    await expect(popup.getByTestId('ish-conn-result')).toHaveAttribute('data-code', 'ok', { timeout: 20_000 });
  }
  await startWholeUserAudit(popup);
  await expect(popup.getByTestId('ish-probe')).toBeVisible({ timeout: 20_000 });
}

/** After a successful connection test: on to the Audit section, the way the admin goes, and its Audit button. */
export async function startWholeUserAudit(popup: Page): Promise<void> {
  const show = popup.getByTestId('ish-show-audit');
  if (await show.isVisible()) {
    await show.click();
    // The way on lands on the button that starts the audit.
    await expect(popup.getByTestId('ish-check-permissions')).toBeFocused();
  } else {
    await showSection(popup, 'audit');
  }
  await popup.getByTestId('ish-check-permissions').click();
}

/** Clicks an export button and returns the pack folder the popup names. */
export async function exportFromPopup(popup: Page, testId: 'ish-export-evidence' | 'ish-export-comparison'): Promise<string> {
  await popup.getByTestId(testId).click();
  const result = popup.getByTestId('ish-export-result');
  await expect(result).toContainText('Saved audit.json, audit.csv, report.html, SHA256SUMS', { timeout: 20_000 });
  const folder = /Downloads\/([^/]+)\//.exec((await result.textContent()) ?? '')?.[1];
  if (!folder) throw new Error('the popup named no folder');
  return folder;
}
