import { RightsRowSchema, type RightsRow } from '@/utils/audit/rights';
import { modulesOf } from '@/utils/audit/drift';
import { normalizeName } from '@/utils/reading/text';
import { z } from '@/utils/zod';
import { FINDING_STATUSES } from './finding';

/**
 * Every audit the admin took, per company, in storage.local: what a later audit compares with. It holds
 * no secrets — whose rights, what they were, who reviewed, when — and is capped, oldest dropped first;
 * the admin can delete a company's history from the popup.
 */

/** Audit ids are made by the extension (crypto.randomUUID); nothing else is accepted as one. */
export const AuditIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

/** An id for a new audit: random, so two audits never share one, and nothing a page could choose. */
export function newAuditId(): string {
  return crypto.randomUUID();
}

const COMPANY_MAX = 200;
const SUBJECT_MAX = 500;
const PAGE_KIND_MAX = 40;
const RIGHTS_MAX = 20000;

/** Audits kept per company. */
export const HISTORY_PER_COMPANY = 20;
/** Companies kept; the one audited longest ago goes first. */
export const HISTORY_COMPANIES = 20;

const CountsSchema = z.object(
  Object.fromEntries(FINDING_STATUSES.map((s) => [s, z.number().int().nonnegative()])) as Record<
    (typeof FINDING_STATUSES)[number],
    z.ZodNumber
  >,
);

export const AuditRecordSchema = z.object({
  id: AuditIdSchema,
  /** ms since the epoch. */
  at: z.number().int().nonnegative(),
  reviewer: z.string().max(200),
  subject: z.object({ kind: z.enum(['role', 'user']), name: z.string().max(SUBJECT_MAX) }).nullable(),
  profileId: z.string().max(64),
  view: z.enum(['permissions-window', 'subscriptions', 'api']),
  pageKind: z.string().max(PAGE_KIND_MAX).optional(),
  summary: z.string().max(500),
  counts: CountsSchema,
  rights: z.array(RightsRowSchema).max(RIGHTS_MAX),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditHistorySchema = z.record(z.string().max(COMPANY_MAX), z.array(AuditRecordSchema));
/** Company ID → its audits, oldest first. */
export type AuditHistory = z.infer<typeof AuditHistorySchema>;

/** A stored history that no longer parses (an older version, a hand edit) is dropped record by record, not wholesale. */
export function parseHistory(value: unknown): AuditHistory {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: AuditHistory = {};
  for (const [company, records] of Object.entries(value as Record<string, unknown>)) {
    if (company.length > COMPANY_MAX || !Array.isArray(records)) continue;
    const kept = records.flatMap((r) => {
      const parsed = AuditRecordSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
    if (kept.length) out[company] = kept;
  }
  return out;
}

/** The history with `record` added (once: the same id twice is one audit), capped per company and in companies. */
export function withAudit(history: AuditHistory, company: string, record: AuditRecord): AuditHistory {
  const mine = (Object.prototype.hasOwnProperty.call(history, company) ? history[company] : undefined) ?? [];
  if (mine.some((r) => r.id === record.id)) return history;
  const next: AuditHistory = { ...history, [company]: [...mine, record].sort((a, b) => a.at - b.at).slice(-HISTORY_PER_COMPANY) };
  const companies = Object.keys(next);
  if (companies.length <= HISTORY_COMPANIES) return next;
  const latest = (c: string): number => Math.max(...(next[c] ?? []).map((r) => r.at));
  const keep = new Set(companies.sort((a, b) => latest(b) - latest(a)).slice(0, HISTORY_COMPANIES));
  return Object.fromEntries(Object.entries(next).filter(([c]) => keep.has(c)));
}

export function withoutCompany(history: AuditHistory, company: string): AuditHistory {
  return Object.fromEntries(Object.entries(history).filter(([c]) => c !== company));
}

export function auditsOf(history: AuditHistory, company: string): AuditRecord[] {
  return (Object.prototype.hasOwnProperty.call(history, company) ? history[company] : undefined) ?? [];
}

export function findAudit(history: AuditHistory, company: string, id: string): AuditRecord | undefined {
  return auditsOf(history, company).find((r) => r.id === id);
}

function sameSubject(a: AuditRecord['subject'], b: AuditRecord['subject']): boolean {
  if (!a || !b) return false;
  return a.kind === b.kind && a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

/**
 * The latest audit to compare with: the same company, role or user and kind of view (a Permissions
 * window with a Permissions window, the API with the API), other than `exceptId`, and, where `rights` is
 * given, one that saw at least one of the same modules (a window shows one application at a time).
 */
export function lastAuditOf(
  history: AuditHistory,
  company: string,
  want: { subject: AuditRecord['subject']; view: AuditRecord['view']; exceptId?: string; rights?: readonly RightsRow[] },
): AuditRecord | undefined {
  const modules = want.rights ? new Set(modulesOf(want.rights).map(normalizeName)) : null;
  const candidates = auditsOf(history, company).filter(
    (r) =>
      r.id !== want.exceptId &&
      r.view === want.view &&
      sameSubject(r.subject, want.subject) &&
      (!modules || modulesOf(r.rights).some((m) => modules.has(normalizeName(m)))),
  );
  return candidates[candidates.length - 1];
}
