import { defineUnlistedScript } from '#imports';
import { nativeLocalStorage } from '@/utils/messages/native-runtime';
import { startDetectionLoop } from '@/utils/frame-scripts/detection-loop';
import { detectPage } from '@/utils/pages/detect';
import { readPageSignals } from '@/utils/pages/signals';
import { EFFECTIVE_TAUGHT_RULES_KEY, asTaughtPages, matchTaughtPage, type TaughtPage } from '@/utils/pages/taught';

// Registered by the background (utils/background/taught-pages.ts) only for the paths of pages the admin
// or the organization taught, beside the all-frames detector: it reports a page that only a taught rule
// recognizes, and leaves pages a built-in detector knows to the recognizer.
export default defineUnlistedScript(async () => {
  const local = nativeLocalStorage();
  if (!local) return;
  let taught: TaughtPage[] = [];
  try {
    taught = asTaughtPages((await local.get(EFFECTIVE_TAUGHT_RULES_KEY))[EFFECTIVE_TAUGHT_RULES_KEY]);
  } catch {
    return;
  }
  if (!taught.length) return;
  startDetectionLoop(() => {
    if (detectPage(document, location.href)) return null;
    return matchTaughtPage(readPageSignals(document, location.href), location.href, taught);
  });
});
