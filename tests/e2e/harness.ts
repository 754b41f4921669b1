import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { shellUrl } from '../fixtures/intacct/router';
import { extensionId, launchIntacct } from './launch';
import type { Section } from '../../components/popup/sections';

export { completedDownloadTexts, fixturePage, openIntacctPage } from './launch';
export { openSetting, showSection } from './popup-nav';

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

