import { defineUnlistedScript } from '#imports';
import { startDetectionLoop } from '@/utils/pages/detection-loop';
import { isNestedFrame, mightBeSetupPage } from '@/utils/pages/first-look';

// Runs in every frame of every Intacct application page (the manifest entry is in wxt.config.ts), so it
// holds detection only: no React, no profiles, no zod, no WebExtension polyfill, no WXT content-script
// context, and no extension API call on an ordinary page (issue #10). The detectors' code is evaluated only
// where the first look says the page could be a setup page: on an ordinary page even evaluating it would
// cost more script time than the look itself. Pages the admin taught are the taught detector's
// (entrypoints/taught-detector.ts), which the background registers for their paths only. The overlay is
// injected by the background into the one frame that is a setup page.
type DetectPage = typeof import('@/utils/pages/detect').detectPage;

export default defineUnlistedScript(() => {
  // Setup pages are windows of their own or Intacct's iamain frame, never a frame inside a page.
  if (isNestedFrame()) return;
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
