import { defineUnlistedScript } from '#imports';
import { startDetectionLoop } from '@/utils/pages/detection-loop';
import { mightBeSetupPage } from '@/utils/pages/first-look';

// TEMPORARY while the recognizer split lands: detection inlined.
type DetectPage = typeof import('@/utils/pages/detect').detectPage;

export default defineUnlistedScript(() => {
  let detectPage: DetectPage | undefined;
  startDetectionLoop(() => {
    if (!mightBeSetupPage(document, location.href)) return null;
    if (detectPage) return detectPage(document, location.href);
    return import('@/utils/pages/detect').then((m) => {
      detectPage = m.detectPage;
      return m.detectPage(document, location.href);
    });
  });
});
