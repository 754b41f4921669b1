import { z } from '@/utils/zod';

/**
 * The last connection test's outcome for a company and integration, as storage keeps it and the background
 * answers it. Its own module, free of the extension API, so the message protocol and the tests that read
 * it load without WXT's storage.
 */
export const ConnectionStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected'), at: z.number() }),
  /** code: a GatewayCode or a transport failure kind (timeout, network, http, refused). */
  z.object({ status: z.literal('failing'), code: z.string().min(1).max(64), at: z.number() }),
]);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;
