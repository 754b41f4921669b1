import { defineBackground } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { handleMaybeSetup, handlePageReport } from '@/utils/background/page-reports';
import { forgetTab, parseRecognizedFrames, type RecognizedFrames } from '@/utils/storage/frames';
import { pageComparisonItem, recognizedFramesItem } from '@/utils/storage/session-items';
import { registerConnectionHandlers } from '@/utils/background/connection';
import { handleExportAudit } from '@/utils/background/export-audit';
import { handleShowComparison } from '@/utils/background/show-comparison';
import { RevivalBudget, handleOverlayLost } from '@/utils/background/overlay-revival';
import { keepOrganizationPolicyCopy } from '@/utils/managed/read';
import { keepTaughtPagesInForce } from '@/utils/background/taught-pages';

export default defineBackground(() => {
  // Frames report in bursts (a frameset loads several at once): serialize read-modify-write on storage.
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (state: RecognizedFrames) => RecognizedFrames): void => {
    queue = queue
      .then(async () => recognizedFramesItem.setValue(change(parseRecognizedFrames(await recognizedFramesItem.getValue()))))
      .catch((error: unknown) => console.warn('Intacct Setup Helper: could not record the page', error));
  };

  const showOverlay = (tabId: number, frameId: number): void => {
    browser.scripting
      .executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/content-scripts/overlay.js'] })
      .catch((error: unknown) => console.warn('Intacct Setup Helper: could not show the guide', error));
  };

  // The full reading goes only where the first look asked for it (issue #10's budget for every other frame).
  const recognize = (tabId: number, frameId: number): void => {
    browser.scripting
      .executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/recognizer.js'] })
      .catch((error: unknown) => console.warn('Intacct Setup Helper: could not read the page', error));
  };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    handleMaybeSetup(raw, sender, recognize);
  });

  const revivals = new RevivalBudget();
  // Returns nothing: the detector expects no answer, and other listeners may answer other messages.
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const taken = handlePageReport(raw, sender, { update, showOverlay });
    if (taken && sender.tab?.id !== undefined && sender.frameId !== undefined) revivals.reset(sender.tab.id, sender.frameId);
  });

  // An overlay a page script switched off (a forged WXT start event) comes back, a bounded number of times.
  // Read after the queued frame updates, so a report that just arrived is seen.
  const frames = async (): Promise<RecognizedFrames> => {
    await queue;
    return parseRecognizedFrames(await recognizedFramesItem.getValue());
  };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    void handleOverlayLost(raw, sender, { frames, showOverlay, budget: revivals });
  });

  // Answers only its own messages (a promise of where the pack went); undefined lets others answer theirs.
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => handleExportAudit(raw, sender));

  // "Compare with last audit" on a page: kept for the popup, which shows the earlier audit (never the page).
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) =>
    handleShowComparison(raw, sender, { keep: (comparison) => pageComparisonItem.setValue(comparison) }),
  );

  browser.tabs.onRemoved.addListener((tabId) => {
    update((state) => forgetTab(state, tabId));
    revivals.forgetTab(tabId);
  });

  // The popup's connection test and permission check (the gateway calls need the host permission).
  registerConnectionHandlers();

  // The organization's policy, copied for the overlay and the popup (utils/managed/read.ts says why).
  keepOrganizationPolicyCopy();

  // Pages the admin or the organization taught: the taught detector on their paths only.
  keepTaughtPagesInForce();
});
