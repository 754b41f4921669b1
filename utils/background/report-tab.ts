import { browser, type Browser } from 'wxt/browser';
import { reportTabItem } from '@/utils/storage/session-items';

/**
 * Shows the report just stored in one report tab: the one already open if there is one (the report page
 * shows each new report as it is stored, see entrypoints/report/main.ts), otherwise a new tab next to the
 * Intacct tab. Exports never pile up report tabs.
 */
export async function showReport(beside: Browser.tabs.Tab): Promise<void> {
  const url = browser.runtime.getURL('/report.html');
  const known = await reportTabItem.getValue();
  if (known !== null) {
    try {
      const tab = await browser.tabs.get(known);
      // The report page forgets itself when it is closed or left; an address, where the browser shows
      // it, must still be the report's.
      if (tab.url === undefined || tab.url.split('#')[0] === url) {
        await browser.tabs.update(known, { active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
        return;
      }
    } catch {
      // Closed: open a new one.
    }
  }
  const created = await browser.tabs.create({ url, ...(beside.index !== undefined ? { index: beside.index + 1 } : {}) });
  await reportTabItem.setValue(created.id ?? null);
}
