import { FINDING_STATUSES } from '@/utils/audit/finding';
import { RightsRowSchema, type RightsRow } from '@/utils/audit/rights';
import { z } from '@/utils/zod';
import { AuditIdSchema } from '@/utils/audit/history';

/**
 * The message that asks the background (which holds the downloads permission) to save an evidence pack:
 * from the overlay for a page's audit, from the popup for the whole-user audit. The background adds what
 * it knows better than the sender: the profile's version and sources, the reviewer, the extension's
 * version and, where the page could not tell, the company.
 */

/** Caps that keep a hostile message cheap; senders clip page text to them (toExportMessage) so a long name never voids an export. */
export const EXPORT_LIMITS = {
  id: 300,
  subject: 2000,
  text: 5000,
  group: 500,
  stepId: 64,
  findings: 20000,
  company: 200,
  subjectName: 500,
  options: 50,
  optionKey: 64,
  optionValue: 256,
  pageKind: 40,
  note: 2000,
  rights: 20000,
  rightsPerRow: 50,
  module: 500,
  object: 2000,
  right: 200,
} as const;
const L = EXPORT_LIMITS;

export const FindingDataSchema = z.object({
  id: z.string().max(L.id),
  subject: z.string().max(L.subject),
  status: z.enum(FINDING_STATUSES),
  found: z.string().max(L.text),
  expected: z.string().max(L.text),
  message: z.string().max(L.text),
  fix: z.string().max(L.text),
  group: z.string().max(L.group),
  stepId: z.string().max(L.stepId).optional(),
});

/** A finding as plain data: what crosses a message, an export and the audit history (no page element). */
export type FindingData = z.infer<typeof FindingDataSchema>;

export const ExportAuditSchema = z.object({
  type: z.literal('ish/export-audit'),
  /** `compare`: the changes since the audit `baselineId`, with the current rows. */
  mode: z.enum(['audit', 'compare']),
  auditId: AuditIdSchema,
  baselineId: AuditIdSchema.optional(),
  /** As the sender saw it; empty when the page could not tell (a Permissions window of its own). */
  company: z.string().max(L.company),
  subject: z.object({ kind: z.enum(['role', 'user']), name: z.string().max(L.subjectName) }).nullable(),
  profileId: z.string().min(1).max(64),
  optionValues: z
    .record(z.string().max(L.optionKey), z.string().max(L.optionValue))
    .refine((values) => Object.keys(values).length <= L.options, 'too many options'),
  view: z.enum(['permissions-window', 'subscriptions', 'api']),
  pageKind: z.string().max(L.pageKind).optional(),
  method: z.enum(['getUserPermissions', 'readByQuery']).optional(),
  /** When the rights were read (ms since the epoch). */
  auditedAt: z.number().int().nonnegative(),
  /** The source's own note, e.g. why the one-record reads were used. */
  note: z.string().max(L.note),
  findings: z.array(FindingDataSchema).max(L.findings),
  rights: z.array(RightsRowSchema).max(L.rights),
});
export type ExportAudit = z.infer<typeof ExportAuditSchema>;


/** `text` cut to `max` characters with an ellipsis, never between the halves of a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

export type ExportRequest = Omit<ExportAudit, 'type' | 'findings' | 'rights'>;

/**
 * The export message for an audit: plain data only (no page element), each text clipped to the schema's
 * caps. Page text has no length limit (a 10,000-character object name), and a message over a cap is
 * ignored by the background, so without clipping one long name would silently void the export.
 */
export function toExportMessage(
  request: ExportRequest,
  findings: readonly FindingData[],
  rights: readonly RightsRow[],
): ExportAudit {
  const c = clipText;
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.optionValues).slice(0, L.options)) options[c(key, L.optionKey)] = c(value, L.optionValue);
  return {
    type: 'ish/export-audit',
    mode: request.mode,
    auditId: request.auditId,
    ...(request.baselineId !== undefined ? { baselineId: request.baselineId } : {}),
    company: c(request.company, L.company),
    subject: request.subject ? { kind: request.subject.kind, name: c(request.subject.name, L.subjectName) } : null,
    profileId: request.profileId,
    optionValues: options,
    view: request.view,
    ...(request.pageKind !== undefined ? { pageKind: c(request.pageKind, L.pageKind) } : {}),
    ...(request.method !== undefined ? { method: request.method } : {}),
    auditedAt: request.auditedAt,
    note: c(request.note, L.note),
    findings: findings.slice(0, L.findings).map((f) => ({
      id: c(f.id, L.id),
      subject: c(f.subject, L.subject),
      status: f.status,
      found: c(f.found, L.text),
      expected: c(f.expected, L.text),
      message: c(f.message, L.text),
      fix: c(f.fix, L.text),
      group: c(f.group, L.group),
      ...(f.stepId !== undefined ? { stepId: c(f.stepId, L.stepId) } : {}),
    })),
    rights: rights.slice(0, L.rights).map((r) => ({
      module: c(r.module, L.module),
      object: c(r.object, L.object),
      rights: r.rights.slice(0, L.rightsPerRow).map((right) => c(right, L.right)),
    })),
  };
}
