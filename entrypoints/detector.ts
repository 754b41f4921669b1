import { defineUnlistedScript } from '#imports';
import { startFirstLook } from '@/utils/frame-scripts/detection-loop';
import { changeMatters, look } from '@/utils/pages/first-look';

// Runs in every frame of every Intacct application page, at any depth (the manifest entry is in
// wxt.config.ts), so it holds only the first look: plain string searches, no reading model, no React,
// no zod, no WebExtension polyfill, no WXT content-script context, and no extension API call on an
// ordinary page (issue #10). Where the look says the frame could be a setup page, it asks the background
// once, and the background injects the recognizer (entrypoints/recognizer.ts) into that frame alone.
export default defineUnlistedScript(() => {
  startFirstLook(() => look(document, location.href), changeMatters);
});
