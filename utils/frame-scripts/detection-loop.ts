import type { MaybeSetup, PageReport } from '@/utils/messages/protocol';
import { nativeRuntime } from '@/utils/messages/native-runtime';
import type { PageKind } from '@/utils/pages/kinds';

/**
 * The loops the light scripts run in a frame: one pass when the page has parsed, another at most every
 * `throttleMs` while its DOM changes. Nothing touches the extension API until there is something to send:
 * on an ordinary page, merely reaching `chrome.runtime` costs more script time than the whole look
 * (issue #10).
 */
export interface DetectionLoop {
  /** Re-detects now (after something the loop cannot observe changed, such as the taught rules). */
  check(): void;
  stop(): void;
}

function send(message: PageReport | MaybeSetup): void {
  const runtime = nativeRuntime();
  if (!runtime) return;
  try {
    runtime.sendMessage(message)?.catch?.(() => {
      // The extension was reloaded or updated under this page: nothing to tell any more.
    });
  } catch {
    // The same, on a browser that throws synchronously.
  }
}

/** Runs `look` now and, throttled rather than debounced, after DOM changes: a page that changes every 100 ms is still looked at four times a second at most. */
function observe(look: () => void, throttleMs: number): () => void {
  look();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      look();
    }, throttleMs);
  });
  observer.observe(document, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}

/**
 * The all-frames detector's loop: the first look until it says the frame could be a setup page, then one
 * message asking the background for the recognizer, and nothing more (the recognizer watches from there).
 * After a look that said no, only a change that could alter the answer (`matters`) brings another.
 */
export function startFirstLook(look: () => { reason: string | null; waiting: boolean }, matters: (records: readonly MutationRecord[], waiting: boolean) => boolean, throttleMs = 250): void {
  let asked = false;
  let waiting = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (timer !== undefined || !matters(records, waiting)) return;
    timer = setTimeout(() => {
      timer = undefined;
      once();
    }, throttleMs);
  });
  const once = (): void => {
    if (asked) return;
    const seen = look();
    waiting = seen.waiting;
    if (seen.reason === null) return;
    asked = true;
    observer.disconnect();
    send({ type: 'ish/maybe-setup' });
  };
  once();
  if (!asked) observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** The recognizer's loop: a report to the background only when the frame's page kind changes. */
export function startDetectionLoop(detect: () => PageKind | null, throttleMs = 250): DetectionLoop {
  let reported: PageKind | null = null;
  let leaving = false;
  const report = (kind: PageKind | null): void => {
    // Without the query: Intacct's `.sess` (the UI session) is in it, and it is never sent or stored.
    send({ type: 'ish/page', kind, url: location.origin + location.pathname });
  };
  const check = (): void => {
    const kind = detect();
    // Ordinary pages never send anything: the admin's day is mostly not setup pages.
    if (kind === reported) return;
    reported = kind;
    report(kind);
    // Only a frame that reported a setup page has anything to take back when it goes.
    if (kind && !leaving) {
      leaving = true;
      addEventListener('pagehide', () => {
        if (reported) report(null);
      });
    }
  };
  const stop = observe(check, throttleMs);
  return { check, stop };
}
