import { browser, type Browser } from 'wxt/browser';
import { isIntacctUrl } from '@/utils/hosts';
import { applyPageReport, type RecognizedFrames } from '@/utils/storage/frames';
import { parseMessage } from '@/utils/messages/protocol';

/** Our own light scripts on an Intacct page, with the tab and frame they run in; null for anything else. */
function ourFrame(sender: Browser.runtime.MessageSender): { tabId: number; frameId: number } | null {
  if (sender.id !== browser.runtime.id || !isIntacctUrl(sender.url)) return null;
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  return tabId === undefined || frameId === undefined ? null : { tabId, frameId };
}

/**
 * The all-frames detector's first look said a frame could be a setup page: inject the recognizer there
 * (the full reading, which reports the page's kind). Returns whether the message was taken.
 */
export function handleMaybeSetup(raw: unknown, sender: Browser.runtime.MessageSender, recognize: (tabId: number, frameId: number) => void): boolean {
  if (!parseMessage('ish/maybe-setup', raw)) return false;
  const frame = ourFrame(sender);
  if (!frame) return false;
  recognize(frame.tabId, frame.frameId);
  return true;
}

export interface PageReportDeps {
  /** Records a change of the recognized frames (the background serializes these on storage). */
  update: (change: (state: RecognizedFrames) => RecognizedFrames) => void;
  /** Injects the overlay into that one frame. */
  showOverlay: (tabId: number, frameId: number) => void;
  now?: () => number;
}

/**
 * The background's answer to the all-frames detector's page report: record the frame's kind for the popup,
 * and show the overlay in a recognized frame. Only our own content scripts on Intacct pages may report a
 * page; anything else (wrong shape, another extension, a non-Intacct page, no tab or frame) is ignored.
 * Returns whether the report was taken.
 */
export function handlePageReport(raw: unknown, sender: Browser.runtime.MessageSender, deps: PageReportDeps): boolean {
  const report = parseMessage('ish/page', raw);
  const frame = report ? ourFrame(sender) : null;
  if (!report || !frame) return false;
  const { tabId, frameId } = frame;
  const { kind, url } = report;
  const at = (deps.now ?? Date.now)();
  deps.update((state) => applyPageReport(state, tabId, frameId, kind, url, at));
  if (kind) deps.showOverlay(tabId, frameId);
  return true;
}
