import { z } from '@/utils/zod';

/**
 * Sent by an overlay whose WXT context was invalidated while the extension still runs and no newer overlay
 * took its place: a page script forged WXT's start event (issue 15). The background decides whether to
 * inject it again.
 */
export const OverlayLostSchema = z.strictObject({ type: z.literal('ish/overlay-lost') });
export type OverlayLost = z.infer<typeof OverlayLostSchema>;
