import type { RightsChange } from '@/utils/audit/drift';
import type { Finding } from '@/utils/audit/finding';
import type { RightsRow } from '@/utils/audit/rights';
import type { ConnectionCode, ExplainedResult } from '@/utils/intacct/explain';
import type { ConnectionState } from '@/utils/storage/connection';
import { z } from '@/utils/zod';

// Messages the popup sends to the background, which holds the host permission and makes the gateway
// calls. Strict objects: a message with an unknown key is not ours and is ignored. Lengths are generous
// caps, not Intacct's rules: they only keep a hostile message from costing much.
const Id = z.string().max(256);
const Secret = z.string().max(1024);
const Options = z.record(z.string().max(64), z.string().max(256));

export const TestConnectionMessageSchema = z.strictObject({
  type: z.literal('ish/test-connection'),
  profileId: z.string().min(1).max(64),
  options: Options,
  companyId: Id,
  userId: Id,
  userPassword: Secret,
  senderId: Id,
  senderPassword: Secret,
  locationId: Id.optional(),
});
export type TestConnectionMessage = z.infer<typeof TestConnectionMessageSchema>;

/** The session comes from the last successful test of this company and profile (kept in the background). */
export const CheckPermissionsMessageSchema = z.strictObject({
  type: z.literal('ish/check-permissions'),
  profileId: z.string().min(1).max(64),
  options: Options,
  companyId: Id,
  // Every request carries the sender credentials, session-signed ones too (docs/intacct.md#request-envelope).
  senderPassword: Secret,
});
export type CheckPermissionsMessage = z.infer<typeof CheckPermissionsMessageSchema>;

export const ConnectionMessageSchema = z.discriminatedUnion('type', [
  TestConnectionMessageSchema,
  CheckPermissionsMessageSchema,
]);
export type ConnectionMessage = z.infer<typeof ConnectionMessageSchema>;

export type TestConnectionReply =
  | { kind: 'tested'; result: ExplainedResult; state: ConnectionState | null; canCheckPermissions: boolean }
  | { kind: 'error'; message: string };

/** An audit as the popup names it: enough to export it and to say when it was. */
export interface AuditStamp {
  id: string;
  /** ms since the epoch. */
  at: number;
  reviewer: string;
}

export type CheckPermissionsReply =
  | {
      kind: 'findings';
      source: 'getUserPermissions' | 'readByQuery';
      /** Plain data: no page element (Finding.target) ever crosses a message. */
      findings: Finding[];
      notChecked: string[];
      note: string;
      rights: RightsRow[];
      /** This audit, kept in the company's audit history. */
      audit: AuditStamp & { company: string; userId: string };
      /** The last earlier audit of the same user in this company, and what changed since; null for the first. */
      baseline: (AuditStamp & { summary: string }) | null;
      changes: RightsChange[];
    }
  | { kind: 'failed'; code: ConnectionCode; result: ExplainedResult }
  | { kind: 'error'; message: string };
