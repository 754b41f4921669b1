import { defineUnlistedScript } from '#imports';
import { startDetectionLoop } from '@/utils/frame-scripts/detection-loop';
import { detectPage } from '@/utils/pages/detect';

// Injected by the background into a frame whose first look said it could be a setup page: the full
// reading (accessible names, layout, rows, page names) and every detector. It reports the frame's page
// kind as it changes; the background shows the overlay in a recognized frame. Once per document.
const RUNNING = Symbol.for('intacct-setup-helper/recognizer');

export default defineUnlistedScript(() => {
  const world = globalThis as typeof globalThis & { [RUNNING]?: boolean };
  if (world[RUNNING]) return;
  world[RUNNING] = true;
  startDetectionLoop(() => detectPage(document, location.href));
});
