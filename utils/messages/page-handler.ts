import { browser, type Browser } from 'wxt/browser';
import { isIntacctUrl } from '@/utils/hosts';
import { applyPageReport, type RecognizedFrames } from '@/utils/storage/frames';
import { PageReportSchema } from './page';

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
  const parsed = PageReportSchema.safeParse(raw);
  if (!parsed.success || sender.id !== browser.runtime.id || !isIntacctUrl(sender.url)) return false;
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) return false;
  const { kind, url } = parsed.data;
  const at = (deps.now ?? Date.now)();
  deps.update((state) => applyPageReport(state, tabId, frameId, kind, url, at));
  if (kind) deps.showOverlay(tabId, frameId);
  return true;
}
