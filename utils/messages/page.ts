import { z } from '@/utils/zod';
import { PAGE_KINDS } from '@/utils/pages/kinds';

/** Sent by the recognizer when a frame's page kind changes (null: no longer a setup page). */
export const PageReportSchema = z.object({
  type: z.literal('ish/page'),
  kind: z.enum(PAGE_KINDS).nullable(),
  url: z.string().max(4096),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/**
 * Sent by the all-frames detector when its first look says the frame could be a setup page: the
 * background then injects the recognizer (the full reading) into that frame only.
 */
export const MaybeSetupSchema = z.object({ type: z.literal('ish/maybe-setup') });
export type MaybeSetup = z.infer<typeof MaybeSetupSchema>;
