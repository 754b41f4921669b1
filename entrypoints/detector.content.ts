import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { detectPage } from '@/utils/pages/detect';
import type { PageKind } from '@/utils/pages/kinds';
import type { PageReport } from '@/utils/messages/page';
import { INTACCT_MATCHES, INTACCT_SHELL } from '@/utils/hosts';

// Runs in every frame of every Intacct page, so it holds detection only: no React, no profiles. The
// overlay is injected by the background into the one frame that is a setup page (issue #2 measured the
// naive all-in-one script at 320 kB and 1.3× page load).
const REDETECT_DELAY_MS = 250;

export default defineContentScript({
  matches: INTACCT_MATCHES,
  excludeMatches: INTACCT_SHELL,
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    let reported: PageKind | null = null;
    const send = (kind: PageKind | null): void => {
      // Without the query: Intacct's `.sess` (the UI session) is in it, and it is never sent or stored (reference §6).
      const report: PageReport = { type: 'ish/page', kind, url: location.origin + location.pathname };
      browser.runtime.sendMessage(report).catch(() => {
        // The extension was reloaded or updated under this page: nothing to tell any more.
      });
    };
    const check = (): void => {
      const kind = detectPage(document, location.href);
      // Ordinary pages never send anything: the admin's day is mostly not setup pages.
      if (kind === reported) return;
      reported = kind;
      send(kind);
    };
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
  },
});
