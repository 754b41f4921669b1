import { defineBackground } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { PageReportSchema } from '@/utils/messages/page';
import { applyPageReport, forgetTab, parseRecognizedFrames, type RecognizedFrames } from '@/utils/storage/frames';
import { recognizedFramesItem } from '@/utils/storage/items';
import { isIntacctUrl } from '@/utils/hosts';
import { registerConnectionHandlers } from '@/utils/background/connection';
import { handleExportAudit } from '@/utils/export/audit-download';

export default defineBackground(() => {
  // Frames report in bursts (a frameset loads several at once): serialize read-modify-write on storage.
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (state: RecognizedFrames) => RecognizedFrames): void => {
    queue = queue
      .then(async () => recognizedFramesItem.setValue(change(parseRecognizedFrames(await recognizedFramesItem.getValue()))))
      .catch((error: unknown) => console.warn('Intacct Setup Helper: could not record the page', error));
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const parsed = PageReportSchema.safeParse(raw);
    // Only our own content scripts on Intacct pages may report a page.
    if (!parsed.success || sender.id !== browser.runtime.id || !isIntacctUrl(sender.url)) return;
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || frameId === undefined) return;
    const { kind } = parsed.data;
    update((state) => applyPageReport(state, tabId, frameId, kind, parsed.data.url, Date.now()));
    if (kind) {
      browser.scripting
        .executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/content-scripts/overlay.js'] })
        .catch((error: unknown) => console.warn('Intacct Setup Helper: could not show the guide', error));
    }
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    handleExportAudit(raw, sender).catch((error: unknown) => console.warn('Intacct Setup Helper: export failed', error));
  });

  browser.tabs.onRemoved.addListener((tabId) => update((state) => forgetTab(state, tabId)));

  // The popup's connection test and permission check (the gateway calls need the host permission).
  registerConnectionHandlers();
});
