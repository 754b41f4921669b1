import { z } from '@/utils/zod';
import { PAGE_KINDS } from '@/utils/pages/kinds';

export const FrameRecordSchema = z.object({
  frameId: z.number().int().nonnegative(),
  kind: z.enum(PAGE_KINDS),
  url: z.string(),
  at: z.number(),
});
export type FrameRecord = z.infer<typeof FrameRecordSchema>;

/** tabId → the recognized frames of that tab. Session storage: it is about open tabs only. */
export const RecognizedFramesSchema = z.object({
  lastTabId: z.number().int().nullable(),
  tabs: z.record(z.string(), z.array(FrameRecordSchema)),
});
export type RecognizedFrames = z.infer<typeof RecognizedFramesSchema>;

export const EMPTY_FRAMES: RecognizedFrames = { lastTabId: null, tabs: {} };

/**
 * Intacct's URLs carry the UI session (`.sess`) in the query: it is never stored
 * (docs/intacct.md#secrets-and-sessions).
 */
export function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return '';
  }
}

/** Pure update: what the background stores after a frame reports its kind. */
export function applyPageReport(
  state: RecognizedFrames,
  tabId: number,
  frameId: number,
  kind: FrameRecord['kind'] | null,
  url: string,
  at: number,
): RecognizedFrames {
  const key = String(tabId);
  // A new top document means every frame of the tab was replaced.
  const kept = frameId === 0 ? [] : (state.tabs[key] ?? []).filter((f) => f.frameId !== frameId);
  const frames = kind ? [...kept, { frameId, kind, url: withoutQuery(url), at }] : kept;
  const tabs = { ...state.tabs };
  if (frames.length) tabs[key] = frames;
  else delete tabs[key];
  return { lastTabId: kind ? tabId : state.lastTabId, tabs };
}

export function forgetTab(state: RecognizedFrames, tabId: number): RecognizedFrames {
  const tabs = { ...state.tabs };
  delete tabs[String(tabId)];
  return { lastTabId: state.lastTabId === tabId ? null : state.lastTabId, tabs };
}

export function parseRecognizedFrames(value: unknown): RecognizedFrames {
  const parsed = RecognizedFramesSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_FRAMES;
}
