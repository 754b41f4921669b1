import { defineContentScript } from '#imports';
import { INTACCT_HOSTS, isShellPath } from '@/utils/hosts';
import type { FrameProbe } from '@/utils/messages/frame-probe';
import { guessPage } from '@/utils/pages/detect';
import { readPageSignals } from '@/utils/pages/signals';
import { EFFECTIVE_TAUGHT_RULES_KEY, asTaughtPages, matchTaughtPage, pageSignature } from '@/utils/pages/taught';
import { nativeLocalStorage } from '@/utils/messages/native-runtime';
import { scrub } from '@/utils/pages/structure-snapshot';

// Injected by the popup into every frame of the Intacct tab when it opens: which page each frame is, and
// a structure-only signature for one the admin may teach. Never registered by URL.

export default defineContentScript({
  registration: 'runtime',
  // No window.postMessage announcement to the page (README, known issues).
  noScriptStartedPostMessage: true,
  matches: INTACCT_HOSTS,
  async main(): Promise<FrameProbe> {
    // The light reader the detector uses: this runs in every frame of the tab each time the popup opens.
    const stored: Record<string, unknown> | undefined = await nativeLocalStorage()?.get(EFFECTIVE_TAUGHT_RULES_KEY).catch(() => ({}));
    const taught = asTaughtPages(stored?.[EFFECTIVE_TAUGHT_RULES_KEY]);
    const signals = readPageSignals(document, location.href);
    const guess = guessPage(document, location.href);
    const builtIn = guess.kind;
    const kind = builtIn ?? matchTaughtPage(signals, location.href, taught);
    return {
      url: location.origin + location.pathname,
      kind,
      builtIn: builtIn !== null,
      // Only a real lead: one strong sign (a name or the content) of a setup page, not a stray word.
      closest: kind === null && guess.closest && guess.closest.score >= 2 ? guess.closest : null,
      shell: isShellPath(location.pathname),
      title: scrub(document.title.replace(/^\s*sage intacct\s*[-–|:]\s*/i, '')).slice(0, 200),
      signature: pageSignature(signals, location.href),
    };
  },
});
