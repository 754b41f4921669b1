import { browser, type Browser } from 'wxt/browser';
import { isIntacctUrl } from '@/utils/hosts';
import { parseMessage } from '@/utils/messages/protocol';
import { withoutQuery, type RecognizedFrames } from '@/utils/storage/frames';

/**
 * How often one frame's overlay is brought back after a forged start event, until the frame reports its
 * page again (a new document, or another kind): a page that keeps forging gets its overlay back this many
 * times and then loses it, rather than looping.
 */
export const MAX_REVIVALS = 3;

export class RevivalBudget {
  private readonly used = new Map<string, number>();

  constructor(private readonly max = MAX_REVIVALS) {}

  /** Takes one revival of this frame if any is left. */
  take(tabId: number, frameId: number): boolean {
    const key = `${tabId}:${frameId}`;
    const used = this.used.get(key) ?? 0;
    if (used >= this.max) return false;
    this.used.set(key, used + 1);
    return true;
  }

  /** The frame reported its page afresh: a new document or kind starts with a full budget. */
  reset(tabId: number, frameId: number): void {
    this.used.delete(`${tabId}:${frameId}`);
  }

  forgetTab(tabId: number): void {
    for (const key of [...this.used.keys()]) if (key.startsWith(`${tabId}:`)) this.used.delete(key);
  }
}

export interface OverlayLostDeps {
  /** What the background recorded of the tab's frames (the detector's reports). */
  frames: () => Promise<RecognizedFrames>;
  showOverlay: (tabId: number, frameId: number) => void;
  budget: RevivalBudget;
}

/**
 * The background's answer to an overlay that lost its context: inject it again into that one frame if the
 * frame is still recorded as a setup page at the same address and its budget allows. Only our own overlay
 * on an Intacct page may ask. Returns whether it was injected again.
 */
export async function handleOverlayLost(raw: unknown, sender: Browser.runtime.MessageSender, deps: OverlayLostDeps): Promise<boolean> {
  if (!parseMessage('ish/overlay-lost', raw) || sender.id !== browser.runtime.id || !isIntacctUrl(sender.url)) return false;
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) return false;
  const record = (await deps.frames()).tabs[String(tabId)]?.find((f) => f.frameId === frameId);
  // Still a setup page, and still the document the detector reported (not one the frame has left).
  if (!record || record.url !== withoutQuery(sender.url ?? '')) return false;
  if (!deps.budget.take(tabId, frameId)) {
    console.warn('Intacct Setup Helper: the page keeps stopping the guide; it stays off on this page until the page is loaded again.');
    return false;
  }
  deps.showOverlay(tabId, frameId);
  return true;
}
