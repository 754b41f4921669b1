import { defineContentScript } from '#imports';
import { INTACCT_HOSTS } from '@/utils/hosts';
import { snapshotPage, snapshotText } from '@/utils/pages/structure-snapshot';

// "Copy page structure": injected by the popup into the one frame the admin chose; it answers with the
// frame's structure and none of its data (utils/pages/structure-snapshot.ts).
export default defineContentScript({
  registration: 'runtime',
  // No window.postMessage announcement to the page (README, known issues).
  noScriptStartedPostMessage: true,
  matches: INTACCT_HOSTS,
  main(): string {
    return snapshotText(snapshotPage(document, location.href));
  },
});
