import type { Finding } from '@/utils/audit/finding';
import type { AuditMeta } from '@/utils/export/audit-export';
import { z } from '@/utils/zod';

/** Caps that keep a hostile message cheap; the overlay clips page text to them (toExportMessage) so a long name never voids an export. */
export const EXPORT_LIMITS = {
  id: 300,
  subject: 2000,
  text: 5000,
  group: 500,
  stepId: 64,
  findings: 20000,
  company: 200,
  subjectName: 500,
  integration: 200,
  options: 50,
  option: 500,
  date: 40,
  pageKind: 40,
} as const;
const L = EXPORT_LIMITS;

const FindingDataSchema = z.object({
  id: z.string().max(L.id),
  subject: z.string().max(L.subject),
  status: z.enum(['ok', 'missing', 'wrong', 'excess']),
  found: z.string().max(L.text),
  expected: z.string().max(L.text),
  message: z.string().max(L.text),
  fix: z.string().max(L.text),
  group: z.string().max(L.group),
  stepId: z.string().max(L.stepId).optional(),
});

/** The overlay asks the background to save the audit it shows (the background holds the downloads permission). */
export const ExportAuditSchema = z.object({
  type: z.literal('ish/export-audit'),
  meta: z.object({
    company: z.string().max(L.company),
    subject: z.object({ kind: z.enum(['role', 'user']), name: z.string().max(L.subjectName) }).nullable(),
    integration: z.string().max(L.integration),
    options: z.array(z.object({ label: z.string().max(L.option), value: z.string().max(L.option) })).max(L.options),
    date: z.string().max(L.date),
    pageKind: z.string().max(L.pageKind),
  }),
  findings: z.array(FindingDataSchema).max(L.findings),
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

/**
 * The export message for what the overlay shows: plain data only (no page element), each text clipped to
 * the schema's caps. Page text has no length limit (a 10,000-character object name), and a message over a
 * cap is ignored by the background, so without clipping one long name would silently void the export.
 */
export function toExportMessage(meta: AuditMeta, findings: readonly Finding[]): ExportAudit {
  const c = clipText;
  return {
    type: 'ish/export-audit',
    meta: {
      company: c(meta.company, L.company),
      subject: meta.subject ? { kind: meta.subject.kind, name: c(meta.subject.name, L.subjectName) } : null,
      integration: c(meta.integration, L.integration),
      options: meta.options.slice(0, L.options).map((o) => ({ label: c(o.label, L.option), value: c(o.value, L.option) })),
      date: c(meta.date, L.date),
      pageKind: c(meta.pageKind, L.pageKind),
    },
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
  };
}
