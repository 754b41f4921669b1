import { RightsRowSchema } from '@/utils/audit/rights';
import { GATEWAY_CODES } from '@/utils/intacct/codes';
import { TRANSPORT_FAILURE_KINDS } from '@/utils/intacct/diagnosis';
import { PAGE_KINDS } from '@/utils/pages/kinds';
import { ConnectionStateSchema } from '@/utils/intacct/connection-state';
import { z } from '@/utils/zod';
import { AuditIdSchema } from '@/utils/audit/history';
import { ExportAuditSchema, FindingDataSchema } from './export-audit';

/**
 * Every message between the extension's scripts, in one map: who sends it, what it holds and what the
 * answer holds, as zod schemas the receiver parses with (a message that does not parse is not ours and is
 * ignored) and the sender parses the answer with (an answer that does not parse is "no answer"). The types
 * the scripts use are derived from the map, so a message cannot be typed twice.
 *
 * Strict objects where the receiver holds a privilege (the gateway, downloads): a message with a key it
 * does not know is not ours. Lengths are generous caps, not Intacct's rules: they only keep a hostile
 * message from costing much.
 */

const Id = z.string().max(256);
const Secret = z.string().max(1024);
const Options = z.record(z.string().max(64), z.string().max(256));
const Failure = z.object({ ok: z.literal(false), message: z.string().max(5000) });
const ErrorReply = z.object({ kind: z.literal('error'), message: z.string().max(5000) });
const NoReply = z.undefined();

// --- from the scripts in Intacct's frames -------------------------------------------------------------

/** The all-frames detector's first look says the frame could be a setup page: inject the recognizer there. */
const MaybeSetupSchema = z.object({ type: z.literal('ish/maybe-setup') });

/** The recognizer: this frame's page kind changed (null: no longer a setup page). */
const PageReportSchema = z.object({
  type: z.literal('ish/page'),
  kind: z.enum(PAGE_KINDS).nullable(),
  url: z.string().max(4096),
});

/**
 * An overlay whose WXT context was invalidated while the extension still runs and no newer overlay took
 * its place: a page script forged WXT's start event (issue 15). The background decides whether to inject
 * it again.
 */
const OverlayLostSchema = z.strictObject({ type: z.literal('ish/overlay-lost') });

/** "Compare with last audit" on a page: the rights the page grants now and the audit to compare with. */
const ShowComparisonSchema = ExportAuditSchema.extend({
  type: z.literal('ish/show-comparison'),
  mode: z.literal('compare'),
  baselineId: AuditIdSchema,
});

// --- from the popup: the gateway calls the background makes with its host permission ------------------

const TestConnectionMessageSchema = z.strictObject({
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

/** The session comes from the last successful test of this company and profile (kept in the background). */
const CheckPermissionsMessageSchema = z.strictObject({
  type: z.literal('ish/check-permissions'),
  profileId: z.string().min(1).max(64),
  options: Options,
  companyId: Id,
  // Every request carries the sender credentials, session-signed ones too (docs/intacct.md#request-envelope).
  senderPassword: Secret,
});

// --- answers -------------------------------------------------------------------------------------------

const ConnectionCodeSchema = z.enum([...GATEWAY_CODES, ...TRANSPORT_FAILURE_KINDS]);

/** What the popup shows after a test (utils/intacct/explain.ts builds it): no password, session or XML. */
const ExplainedResultSchema = z.object({
  code: ConnectionCodeSchema,
  ok: z.boolean(),
  title: z.string(),
  sentence: z.string(),
  severity: z.enum(['success', 'warning', 'error']),
  fix: z.object({ id: z.string(), number: z.number(), title: z.string(), menuPath: z.string() }).nullable(),
  errors: z.array(z.object({ errorno: z.string(), description: z.string(), description2: z.string(), correction: z.string() })),
  httpStatus: z.number().optional(),
});

const TestConnectionReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tested'), result: ExplainedResultSchema, state: ConnectionStateSchema.nullable(), canCheckPermissions: z.boolean() }),
  ErrorReply,
]);

/** An audit as the popup names it: enough to export it and to say when it was. */
const AuditStampSchema = z.object({ id: AuditIdSchema, at: z.number(), reviewer: z.string() });

const RightsChangeSchema = z.object({
  module: z.string(),
  object: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.array(z.string()),
  after: z.array(z.string()),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});

/** utils/intacct/permission-check.ts's result, as the background answers it: findings are plain data. */
const CheckPermissionsReplySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('findings'),
    source: z.enum(['getUserPermissions', 'readByQuery']),
    findings: z.array(FindingDataSchema),
    notChecked: z.array(z.string()),
    note: z.string(),
    rights: z.array(RightsRowSchema),
    /** This audit, kept in the company's audit history. */
    audit: AuditStampSchema.extend({ company: z.string(), userId: z.string() }),
    /** The last earlier audit of the same user in this company, and what changed since; null for the first. */
    baseline: AuditStampSchema.extend({ summary: z.string() }).nullable(),
    changes: z.array(RightsChangeSchema),
  }),
  z.object({ kind: z.literal('failed'), code: ConnectionCodeSchema, result: ExplainedResultSchema }),
  ErrorReply,
]);

/** Where the evidence pack went, or why there is none. */
const ExportReplySchema = z.union([
  z.object({ ok: z.literal(true), folder: z.string(), files: z.array(z.string()), jsonDigest: z.string() }),
  Failure,
]);

const ShowComparisonReplySchema = z.union([z.object({ ok: z.literal(true) }), Failure]);

/** Every message: its schema, its answer's, and which script sends it to which. */
export const PROTOCOL = {
  'ish/maybe-setup': { from: 'detector', to: 'background', request: MaybeSetupSchema, reply: NoReply },
  'ish/page': { from: 'recognizer', to: 'background', request: PageReportSchema, reply: NoReply },
  'ish/overlay-lost': { from: 'overlay', to: 'background', request: OverlayLostSchema, reply: NoReply },
  'ish/export-audit': { from: 'overlay or popup', to: 'background', request: ExportAuditSchema, reply: ExportReplySchema },
  'ish/show-comparison': { from: 'overlay', to: 'background', request: ShowComparisonSchema, reply: ShowComparisonReplySchema },
  'ish/test-connection': { from: 'popup', to: 'background', request: TestConnectionMessageSchema, reply: TestConnectionReplySchema },
  'ish/check-permissions': { from: 'popup', to: 'background', request: CheckPermissionsMessageSchema, reply: CheckPermissionsReplySchema },
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type MessageOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['reply']>;

/** `raw` as message `type`, or null when it is not one (the receiver then leaves it to other listeners). */
export function parseMessage<T extends MessageType>(type: T, raw: unknown): MessageOf<T> | null {
  const parsed = PROTOCOL[type].request.safeParse(raw);
  return parsed.success ? (parsed.data as MessageOf<T>) : null;
}

/** An answer to message `type`, or null when it is not one: the sender says the extension did not answer. */
export function parseReply<T extends MessageType>(type: T, raw: unknown): ReplyOf<T> | null {
  const parsed = PROTOCOL[type].reply.safeParse(raw);
  return parsed.success ? (parsed.data as ReplyOf<T>) : null;
}

/** Sends a message through `send` (browser.runtime.sendMessage; tests pass a fake) and parses its answer. */
export async function ask<T extends MessageType>(
  type: T,
  message: MessageOf<T>,
  send: (message: MessageOf<T>) => Promise<unknown>,
): Promise<ReplyOf<T> | null> {
  try {
    return parseReply(type, await send(message));
  } catch {
    // The background is gone (the extension reloaded) or threw: no answer.
    return null;
  }
}

export type MaybeSetup = MessageOf<'ish/maybe-setup'>;
export type PageReport = MessageOf<'ish/page'>;
export type OverlayLost = MessageOf<'ish/overlay-lost'>;
export type ShowComparison = MessageOf<'ish/show-comparison'>;
export type ShowComparisonReply = ReplyOf<'ish/show-comparison'>;
export type ExportReply = ReplyOf<'ish/export-audit'>;
export type TestConnectionMessage = MessageOf<'ish/test-connection'>;
export type TestConnectionReply = ReplyOf<'ish/test-connection'>;
export type CheckPermissionsMessage = MessageOf<'ish/check-permissions'>;
export type CheckPermissionsReply = ReplyOf<'ish/check-permissions'>;
export type ConnectionMessage = TestConnectionMessage | CheckPermissionsMessage;
export type AuditStamp = z.infer<typeof AuditStampSchema>;
