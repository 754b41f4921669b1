import type { BrowserContext, Frame, Page } from '@playwright/test';
import { crossCheckFloodFile } from '../fixtures/intacct/hostile/profile-files';
import { builtProfile } from '../unit/package/built-profile';
import { MAX_REVIVALS } from '../../utils/background/overlay-revival';
import { BUILT_IN_PROFILES } from '../../utils/profiles/registry';
import { expect, openIntacctPage, openPermissionsWindow, openPopup, openSetting, test } from './harness';

// What a hostile page, reply or profile file could still do after the first hardening round (issue 15),
// in the built extension in Chromium: switch the overlay off with a forged WXT event, pile up exports and
// report tabs, hang the popup with a profile file, pass a file off as a built-in profile, make Fill type
// into a password box.

const SCREENS = 'test-results/screens';

/** The event WXT's content-script context listens for on the document; the extension id makes it "unique", not secret. */
function startedEvent(extensionId: string): string {
  return `${extensionId}:overlay:wxt:content-script-started`;
}

/**
 * Dispatches a forged start event from the page's own script (the main world), as a hostile page would.
 * Says whether the overlay was gone right after it: the background brings it back within tens of
 * milliseconds, faster than a test can poll for its absence from outside the page.
 */
async function forgeStart(frame: Frame, extensionId: string): Promise<{ switchedOff: boolean }> {
  return frame.evaluate((name) => {
    const host = document.querySelector('ish-overlay-host');
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'overlay', messageId: 'forged-by-the-page' } }));
    return { switchedOff: host !== null && !host.isConnected && document.querySelector('ish-overlay-host') === null };
  }, startedEvent(extensionId));
}

test('a forged WXT start event switches the overlay off only until the background injects it again', async ({ page, extensionId }) => {
  // Anything WXT announces to the page with window.postMessage, the page records.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { announced: string[] }).announced = seen;
    addEventListener('message', (e) => {
      if (JSON.stringify(e.data ?? '').includes('content-script-started')) seen.push(JSON.stringify(e.data));
    });
  });
  const frame = await openIntacctPage(page, 'ws-user-form');
  const overlay = frame.getByTestId('ish-overlay');
  await expect(overlay).toBeVisible();
  expect(await frame.evaluate(() => (window as unknown as { announced: string[] }).announced)).toEqual([]);

  expect(await forgeStart(frame, extensionId)).toEqual({ switchedOff: true });
  await expect(overlay).toBeVisible({ timeout: 5000 });
  await expect(overlay).toHaveAttribute('data-page-kind', 'ws-user-form');
  await expect(frame.locator('[data-testid="ish-finding"][data-subject="User type"]')).toHaveAttribute('data-status', 'wrong');
  expect(await frame.locator('ish-overlay-host').count()).toBe(1);
});

test(`a page that forges the event every time gets the overlay back ${MAX_REVIVALS} times, then no more: no loop`, async ({ page, extensionId }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  // Count each overlay that appears, and forge the event as soon as one does.
  await frame.evaluate((name) => {
    const w = window as unknown as { mounts: number };
    w.mounts = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of Array.from(r.addedNodes)) {
          if (node instanceof Element && node.localName === 'ish-overlay-host') {
            w.mounts++;
            setTimeout(() => document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'overlay', messageId: 'forged' } })), 50);
          }
        }
      }
    }).observe(document.body, { childList: true });
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'overlay', messageId: 'forged' } }));
  }, startedEvent(extensionId));
  await expect.poll(() => frame.evaluate(() => (window as unknown as { mounts: number }).mounts), { timeout: 10_000 }).toBe(MAX_REVIVALS);
  await page.waitForTimeout(2000);
  expect(await frame.evaluate(() => (window as unknown as { mounts: number }).mounts)).toBe(MAX_REVIVALS);
  await expect(frame.getByTestId('ish-overlay')).toHaveCount(0);

  // Loading the page again starts afresh.
  await page.reload();
  const again = page.frame({ name: 'iamain' });
  if (!again) throw new Error('no iamain frame');
  await expect(again.getByTestId('ish-overlay')).toBeVisible();
});

const reportPages = (context: BrowserContext, extensionId: string): Page[] =>
  context.pages().filter((p) => p.url() === `chrome-extension://${extensionId}/report.html`);

test('exports: one per tab every few seconds, and every export shows in the one report tab', async ({ context, page, extensionId }) => {
  test.setTimeout(60_000);
  const win = await openPermissionsWindow(context, page);
  const result = win.getByTestId('ish-export-result');
  await win.getByTestId('ish-export').click();
  await expect(result).toContainText('Saved audit.json, audit.csv, report.html, SHA256SUMS', { timeout: 10_000 });
  await expect.poll(() => reportPages(context, extensionId).length).toBe(1);
  const report = reportPages(context, extensionId)[0]!;
  const firstDigest = await report.frameLocator('#report').locator('.digest').first().textContent();

  // Pressed again at once: the background refuses, and says when the next export can be made.
  await win.getByTestId('ish-export').click();
  await expect(result).toContainText(/one export every 5 seconds\. Try again in [1-5] seconds?\./);
  await win.getByTestId('ish-overlay').screenshot({ path: `${SCREENS}/hardening-export-throttled.png` });

  // After the interval, another change and export: the same report tab shows the new report.
  await win.waitForTimeout(5000);
  await win.getByRole('checkbox', { name: 'Accounts Delete', exact: true }).check();
  await win.getByTestId('ish-export').click();
  await expect(result).toContainText('Saved audit.json', { timeout: 10_000 });
  await expect.poll(() => report.frameLocator('#report').locator('.digest').first().textContent()).not.toBe(firstDigest);
  expect(reportPages(context, extensionId)).toHaveLength(1);

  // Closed, the next export opens a new one.
  await report.close();
  await win.waitForTimeout(5000);
  await win.getByTestId('ish-export').click();
  await expect(result).toContainText('Saved audit.json', { timeout: 10_000 });
  await expect.poll(() => reportPages(context, extensionId).length).toBe(1);
});

async function importProfile(popup: Page, json: string): Promise<void> {
  await openSetting(popup, 'custom-profile');
  await popup.getByTestId('ish-profile-import').setInputFiles({ name: 'profile.json', mimeType: 'application/json', buffer: Buffer.from(json, 'utf8') });
}

test('a hostile 256 kB profile file is refused in under a second with 100 problems listed and the rest counted', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.setViewportSize({ width: 560, height: 900 });
  const file = crossCheckFloodFile();
  const started = Date.now();
  await importProfile(popup, file);
  await expect(popup.getByTestId('ish-import-more')).toHaveText(/^and \d{2},\d{3} more$/, { timeout: 1000 });
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(popup.getByTestId('ish-import-problem')).toHaveCount(100);
  await expect(popup.getByTestId('ish-import-problem').first()).toContainText('and 40 more).');
  await expect(popup.getByTestId('ish-integration')).toHaveValue('expensify');
  await popup.getByTestId('ish-import').screenshot({ path: `${SCREENS}/hardening-import-flood.png` });
});

test('an imported profile is marked "(imported)" first in the popup and the overlay; one named like a built-in, or beginning with one’s name, is refused', async ({ context, page, extensionId }) => {
  const popup = await openPopup(context, extensionId, 'package');
  await popup.setViewportSize({ width: 560, height: 900 });
  // The package link says where it leads.
  await expect(popup.getByTestId('ish-package-host')).toHaveText('www.expensify.com');
  await popup.getByTestId('ish-package').screenshot({ path: `${SCREENS}/hardening-package-host.png` });

  await importProfile(popup, JSON.stringify({ ...builtProfile(), name: 'Expensify' }));
  await expect(popup.getByTestId('ish-import-problem')).toContainText('is the name of the built-in profile "Expensify"');
  await expect(popup.locator('[data-testid="ish-integration"] option')).toHaveText(BUILT_IN_PROFILES.map((p) => p.name));
  // Issue 23: a name that begins with a built-in's, padded with a filler letter, is refused too.
  await importProfile(popup, JSON.stringify({ ...builtProfile(), name: '\u3164Expensify — the built-in Expensify profile of Intacct Setup Helper, verified by Sage' }));
  await expect(popup.getByTestId('ish-import-problem')).toContainText('begins with the name of the built-in profile "Expensify"');
  await expect(popup.locator('[data-testid="ish-integration"] option')).toHaveText(BUILT_IN_PROFILES.map((p) => p.name));

  await importProfile(popup, JSON.stringify(builtProfile()));
  await expect(popup.getByTestId('ish-integration')).toHaveValue('acme-expenses');
  await expect(popup.locator('[data-testid="ish-integration"] option:checked')).toHaveText('(imported) Acme Expenses');
  await popup.screenshot({ path: `${SCREENS}/hardening-popup-imported.png`, fullPage: true });

  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.locator('.ish-title')).toHaveText('Setup helper · (imported) Acme Expenses');
});

test('Fill leaves a password box alone, even where the page draws the User ID as one', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  await frame.evaluate(() => {
    (document.querySelector('[name="_obj__LOGINID"]') as HTMLInputElement).type = 'password';
  });
  await frame.getByTestId('ish-fill').click();
  await expect(frame.getByTestId('ish-fill-result')).toContainText('click Save yourself');
  await expect(frame.getByLabel('User type')).toHaveValue(/business/i);
  await expect(frame.locator('[name="_obj__LOGINID"]')).toHaveValue('');
});
