import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { shellUrl } from '../fixtures/intacct/router';
import { extensionId, launchIntacct } from './launch';
import { SECTION_LABELS, type Section } from '../../components/popup/sections';

export { completedDownloadTexts, fixturePage, openIntacctPage } from './launch';

export const test = base.extend<{ context: BrowserContext; extensionId: string }>({
  // One browser per test: the extension's storage starts empty, as for a new admin.
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const launched = await launchIntacct({ withExtension: true, headless: true });
    await use(launched.context);
    await launched.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionId(context));
  },
});

export { expect };

/** The popup as a page of its own, on a section (`popup.html#settings`) or on Setup, where it opens. */
export async function openPopup(context: BrowserContext, id: string, section?: Section): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html${section ? `#${section}` : ''}`);
  return popup;
}

/** The admin's click on a section's tab; resolves once its panel shows. */
export async function showSection(popup: Page, section: Section): Promise<void> {
  await popup.getByRole('tab', { name: new RegExp(`^${SECTION_LABELS[section]}`) }).click();
  await expect(popup.locator(`[data-testid="ish-section"][data-section="${section}"]`)).toBeVisible();
}

/** The admin's way to a Permissions window: the role's Subscriptions page in Intacct, then its Permissions link. */
export async function openPermissionsWindow(context: BrowserContext, page: Page): Promise<Page> {
  await page.goto(shellUrl('role-subscriptions'));
  const frame = page.frame({ name: 'iamain' });
  if (!frame) throw new Error('the demo shell has no iamain frame');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  const opened = context.waitForEvent('page');
  await frame.locator('a[href*=".app=gl"]').click();
  const win = await opened;
  await expect(win.getByTestId('ish-overlay')).toBeVisible();
  return win;
}

/** Unfolds one of Settings' folded parts ("custom-profile", "taught", "reviewer"), on Settings first. */
export async function openSetting(popup: Page, setting: 'custom-profile' | 'taught' | 'reviewer'): Promise<void> {
  const details = popup.locator(`[data-testid="ish-setting"][data-setting="${setting}"]`);
  if (!(await details.isVisible())) await showSection(popup, 'settings');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
}
