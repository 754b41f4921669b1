import { defineUnlistedScript } from '#imports';
import { detectPage } from '@/utils/pages/detect';
import type { PageKind } from '@/utils/pages/kinds';
import type { PageReport } from '@/utils/messages/page';
import { nativeLocalStorage, nativeRuntime } from '@/utils/messages/native-runtime';
import { TAUGHT_RULES_KEY, asTaughtPages, type TaughtPage } from '@/utils/pages/taught';

// Runs in every frame of every Intacct application page (the manifest entry is in wxt.config.ts), so it
// holds detection only: no React, no profiles, no WebExtension polyfill and no WXT content-script context
// (each costs start-up work and bytes on every frame an admin opens; issue #10). The overlay is injected by
// the background into the one frame that is a setup page.
const REDETECT_DELAY_MS = 250;

export default defineUnlistedScript(() => {
  const runtime = nativeRuntime();
  if (!runtime) return;
  let reported: PageKind | null = null;
  // Pages the admin taught, read once and only where no built-in detector recognized the page.
  let taught: TaughtPage[] | undefined;
  let loading = false;
  const loadTaught = (): void => {
    const local = nativeLocalStorage();
    if (loading || !local) return;
    loading = true;
    local
      .get(TAUGHT_RULES_KEY)
      .then((stored) => {
        taught = asTaughtPages(stored[TAUGHT_RULES_KEY]);
        if (taught.length) check();
      })
      .catch(() => {
        taught = [];
      });
  };
  const send = (kind: PageKind | null): void => {
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
  function check(): void {
    const kind = detectPage(document, location.href, taught ?? []);
    if (kind === null && taught === undefined) loadTaught();
    // Ordinary pages never send anything: the admin's day is mostly not setup pages.
    if (kind === reported) return;
    reported = kind;
    send(kind);
  }
  // document_idle: the page has parsed, so one pass sees its headings and labels; the overlay then
  // appears within the budget after DOMContentLoaded (issue #6) without waiting for images and frames.
  check();
  let timer: ReturnType<typeof setTimeout> | undefined;
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(check, REDETECT_DELAY_MS);
  }).observe(document, { childList: true, subtree: true });

  addEventListener('pagehide', () => {
    if (reported) send(null);
  });
});
