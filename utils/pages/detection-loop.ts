import type { PageReport } from '@/utils/messages/page';
import { nativeRuntime } from '@/utils/messages/native-runtime';
import type { PageKind } from './kinds';

/**
 * The detection loop an all-frames script runs in a frame: one pass when the page has parsed, another at
 * most every `throttleMs` while its DOM changes, and a report to the background only when the answer
 * changes. Nothing touches the extension API until there is something to report: on an ordinary page,
 * merely reaching `chrome.runtime` costs more script time than the whole detection (issue #10).
 */
export interface DetectionLoop {
  /** Re-detects now (after something the loop cannot observe changed, such as the taught rules). */
  check(): void;
}

export function startDetectionLoop(detect: () => PageKind | null | Promise<PageKind | null>, throttleMs = 250): DetectionLoop {
  let reported: PageKind | null = null;
  let leaving = false;
  const send = (kind: PageKind | null): void => {
    const runtime = nativeRuntime();
    if (!runtime) return;
    // Without the query: Intacct's `.sess` (the UI session) is in it, and it is never sent or stored (reference §6).
    const report: PageReport = { type: 'ish/page', kind, url: location.origin + location.pathname };
    try {
      runtime.sendMessage(report)?.catch?.(() => {
        // The extension was reloaded or updated under this page: nothing to tell any more.
      });
    } catch {
      // The same, on a browser that throws synchronously.
    }
  };
  const apply = (kind: PageKind | null): void => {
    // Ordinary pages never send anything: the admin's day is mostly not setup pages.
    if (kind === reported) return;
    reported = kind;
    send(kind);
    // Only a frame that reported a setup page has anything to take back when it goes.
    if (kind && !leaving) {
      leaving = true;
      addEventListener('pagehide', () => {
        if (reported) send(null);
      });
    }
  };
  const check = (): void => {
    const answer = detect();
    if (answer instanceof Promise) answer.then(apply, () => undefined);
    else apply(answer);
  };
  check();
  // Throttled rather than debounced: a page that changes every 100 ms is still read again, four times a
  // second at most, instead of never.
  let timer: ReturnType<typeof setTimeout> | undefined;
  new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      check();
    }, throttleMs);
  }).observe(document, { childList: true, subtree: true });
  return { check };
}
