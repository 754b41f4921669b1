import { isPageKind } from '@/utils/pages/kinds';
import { pageSpec } from '@/utils/pages/registry';
import { FINDING_STATUSES } from '@/utils/audit/finding';
import type { RightsChange } from '@/utils/audit/drift';
import type { RightsRow } from '@/utils/audit/rights';
import { isImportedProfile, profileName } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import { corroborationFor, type Corroboration } from './corroboration';

/**
 * The audit as evidence: everything an auditor asks of an access review (whose rights, checked against
 * what, by whom, when, with which tool), built once and written as JSON, CSV and a printable report
 * (pack.ts). Plain data: every text in a row came from an Intacct page or reply or is built around it,
 * so the writers treat all of it as hostile.
 */

export const EVIDENCE_FORMAT = 'intacct-setup-helper/audit-evidence';
export const EVIDENCE_FORMAT_VERSION = 1;

/**
 * Every verdict a row can carry. `not-found` is a check whose field the page does not show: it is never a
 * pass and not a wrong right either, so summaries count it apart.
 */
// The statuses an export counts are the findings' own.
export const EVIDENCE_STATUSES = FINDING_STATUSES;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export type StatusCounts = Record<EvidenceStatus, number>;

export const STATUS_WORDS: Record<EvidenceStatus, string> = {
  ok: 'OK',
  missing: 'Missing',
  wrong: 'Wrong',
  excess: 'Excess',
  'not-found': 'Not found',
};

export interface EvidenceRow {
  id: string;
  subject: string;
  status: EvidenceStatus;
  found: string;
  expected: string;
  message: string;
  fix: string;
  group: string;
  stepId?: string;
}

export interface EvidenceSubject {
  kind: 'role' | 'user';
  name: string;
}

/** Which view of Intacct the rows come from. */
export type EvidenceView = 'permissions-window' | 'subscriptions' | 'api';
export type ApiMethod = 'getUserPermissions' | 'readByQuery';

export interface EvidenceSource {
  view: EvidenceView;
  /** The page kind, for page audits ("role-permissions"). */
  pageKind?: string;
  /** How the rights were learned, for whole-user audits. */
  method?: ApiMethod;
  /** One sentence for people. */
  description: string;
}

export interface EvidenceProfile {
  id: string;
  /** As the admin saw it: "Acme Expenses (imported)" for a profile imported from a file. */
  name: string;
  /** Imported from a file rather than built into the extension. */
  imported: boolean;
  vendor: string;
  version: string;
  /** SHA-256 of the profile as the extension held it: two audits with the same value used the same requirements. */
  fingerprint: string;
  /** Where the vendor publishes the requirements the rows are checked against. */
  sources: { title: string; citation: string; url: string | null }[];
}

export interface EvidenceBaseline {
  auditId: string;
  auditedAt: string;
  reviewer: string;
  summary: string;
}

export interface Evidence {
  format: typeof EVIDENCE_FORMAT;
  formatVersion: typeof EVIDENCE_FORMAT_VERSION;
  kind: 'audit' | 'compare';
  auditId: string;
  company: string;
  subject: EvidenceSubject | null;
  integration: EvidenceProfile;
  options: { label: string; value: string }[];
  reviewer: string;
  /** When the rights were read, local time with its UTC offset (ISO 8601). */
  auditedAt: string;
  /** The browser's time zone (IANA name), for the offset above. */
  timeZone: string;
  exportedAt: string;
  extension: { name: string; version: string };
  source: EvidenceSource;
  caveats: string[];
  corroboration: Corroboration[];
  summary: { line: string; counts: StatusCounts };
  rows: EvidenceRow[];
  rights: RightsRow[];
  /** For kind `compare`: the earlier audit and what changed since. */
  comparison?: { baseline: EvidenceBaseline; line: string; changes: RightsChange[] };
}

export const EXTENSION_NAME = 'Intacct Setup Helper';
export const NO_REVIEWER = 'not given';
export const UNKNOWN_COMPANY_WORDS = 'not known (neither the page nor the Intacct tab named it)';

// ---- counts and summary -------------------------------------------------------------------------------

export function countStatuses(rows: readonly { status: string }[]): StatusCounts {
  const counts: StatusCounts = { ok: 0, missing: 0, wrong: 0, excess: 0, 'not-found': 0 };
  for (const row of rows) if (row.status in counts) counts[row.status as EvidenceStatus]++;
  return counts;
}

/** "1 missing, 2 excess", "3 not found on the page", or "All 7 checks pass" only when every check passed. */
export function summaryOf(rows: readonly { status: string }[]): string {
  const c = countStatuses(rows);
  const parts = (['missing', 'wrong', 'excess'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  if (c['not-found'] > 0) parts.push(`${c['not-found']} not found on the page`);
  if (parts.length) return parts.join(', ');
  return rows.length ? `All ${rows.length} checks pass` : 'Nothing was checked';
}

// ---- dates ----------------------------------------------------------------------------------------------

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * `ms` as local ISO 8601 with its offset ("2026-11-25T14:03:12+01:00"): what an auditor reads as the
 * admin's own clock, still one exact instant. `offsetMinutes` is east of UTC (Berlin in winter: 60).
 */
export function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.abs(offsetMinutes) / 60)}:${pad(Math.abs(offsetMinutes) % 60)}`
  );
}

/** The browser's offset at `ms`, east of UTC (daylight saving moves it). */
export function localOffsetMinutes(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** "25 Nov 2026, 14:03:12 (UTC+01:00, Europe/Berlin)", read off the ISO text itself (no second clock). */
export function readableTime(iso: string, timeZone = ''): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi, s, off] = m;
  const utc = off === 'Z' ? 'UTC' : `UTC${off}`;
  return `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo} ${y}, ${h}:${mi}:${s} (${utc}${timeZone ? `, ${timeZone}` : ''})`;
}

/** "3 Nov", with the year when it is not `now`'s: how the overlay names an earlier audit. */
export function shortDate(iso: string, nowIso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const sameYear = nowIso.slice(0, 4) === y;
  return `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo}${sameYear ? '' : ` ${y}`}`;
}

// ---- what the evidence says about itself -------------------------------------------------------------

/** The chosen options in the words the helper's option picker uses. */
export function describeOptions(profile: IntegrationProfile, values: OptionValues): { label: string; value: string }[] {
  return profile.options.map((option) => {
    const chosen = (Object.prototype.hasOwnProperty.call(values, option.id) ? values[option.id] : undefined) ?? option.default;
    return { label: option.label, value: option.choices.find((c) => c.value === chosen)?.label ?? chosen };
  });
}

/** How the evidence names the page its rows came from (the page kind's spec says it). */
function pageWords(pageKind: string | undefined): string {
  return (isPageKind(pageKind) ? pageSpec(pageKind).evidenceSource : undefined) ?? 'the Intacct page';
}

export function describeSource(source: Omit<EvidenceSource, 'description'>): string {
  if (source.view === 'api') {
    return source.method === 'readByQuery'
      ? 'One-record reads (readByQuery) through the XML gateway, because Intacct refused getUserPermissions.'
      : 'getUserPermissions through the XML gateway: the user’s effective rights in every application, in one reply.';
  }
  return `What ${pageWords(source.pageKind)} showed, read by the extension in the admin’s browser.`;
}

/**
 * What the rows cannot prove, said on the report rather than guessed around. Role-based companies: the
 * API reports effective rights (docs/intacct.md#getuserpermissions), which Intacct does not say are the union of the
 * user's roles (docs/intacct.md#what-getuserpermissions-covers).
 */
export function caveatsFor(
  source: Omit<EvidenceSource, 'description'>,
  profile: IntegrationProfile,
  values: OptionValues,
  modules: readonly string[],
  note: string,
): string[] {
  const caveats: string[] = [];
  if (source.view === 'api') {
    const model = Object.prototype.hasOwnProperty.call(values, 'permissionModel')
      ? values.permissionModel
      : profile.options.find((o) => o.id === 'permissionModel')?.default;
    const roles =
      'getUserPermissions is documented as the user’s effective rights. In a role-based company these should be the union of the roles assigned to the user and to its user groups, but Intacct does not state that (docs/intacct.md#what-getuserpermissions-covers): the rows are what the API reported, not any one role’s grid. To see which role grants a right, open each role’s Permissions.';
    if (model === 'role-based') caveats.push(`This company grants rights through roles. ${roles}`);
    else if (model === undefined) caveats.push(`If this company grants rights through roles: ${roles}`);
    if (source.method === 'readByQuery') {
      caveats.push(
        `${note ? `${note} ` : ''}A read proves List/View access to that object only; it says nothing of Add, Edit or Delete, and nothing about rights the integration does not need.`,
      );
    } else {
      caveats.push(
        'getUserPermissions lists only granted rights and Intacct publishes no full list of verbs per permission: “All” is read as more than List and View on every permission of the application.',
      );
    }
  } else {
    caveats.push(
      modules.length
        ? `Only what this page showed: ${modules.join(', ')}. Other applications are not in this audit.`
        : 'The page showed no application.',
    );
    if (source.view === 'subscriptions') caveats.push('A Subscriptions page shows which applications are subscribed; their rights are in each application’s Permissions window.');
  }
  if (profile.permissionsComplete === false) {
    caveats.push(`${profile.vendor}’s published list of permissions is not complete, so rights it does not name are not called excess.`);
  }
  return caveats;
}

export interface AssembleInput {
  kind: 'audit' | 'compare';
  auditId: string;
  company: string;
  subject: EvidenceSubject | null;
  profile: IntegrationProfile;
  profileFingerprint: string;
  optionValues: OptionValues;
  reviewer: string;
  auditedAtMs: number;
  exportedAtMs: number;
  /** Offset east of UTC at a given instant; the browser's by default. */
  offsetAt?: (ms: number) => number;
  timeZone: string;
  extensionVersion: string;
  source: Omit<EvidenceSource, 'description'>;
  note: string;
  rows: readonly EvidenceRow[];
  rights: readonly RightsRow[];
  comparison?: { baseline: EvidenceBaseline; changes: RightsChange[]; line: string };
}

/** Copies field by field: nothing a caller left on an object (a page element, a password) reaches a file. */
function plainRow(r: EvidenceRow): EvidenceRow {
  return {
    id: r.id,
    subject: r.subject,
    status: r.status,
    found: r.found,
    expected: r.expected,
    message: r.message,
    fix: r.fix,
    group: r.group,
    ...(r.stepId !== undefined ? { stepId: r.stepId } : {}),
  };
}

export function assembleEvidence(input: AssembleInput): Evidence {
  const offsetAt = input.offsetAt ?? localOffsetMinutes;
  const rows = input.rows.map(plainRow);
  const rights = input.rights.map((r) => ({ module: r.module, object: r.object, rights: [...r.rights] }));
  const modules = [...new Set(rights.map((r) => r.module))];
  const p = input.profile;
  return {
    format: EVIDENCE_FORMAT,
    formatVersion: EVIDENCE_FORMAT_VERSION,
    kind: input.kind,
    auditId: input.auditId,
    company: input.company.trim() || UNKNOWN_COMPANY_WORDS,
    subject: input.subject ? { kind: input.subject.kind, name: input.subject.name } : null,
    integration: {
      id: p.id,
      name: profileName(p),
      imported: isImportedProfile(p),
      vendor: p.vendor,
      version: p.version ?? `built into ${EXTENSION_NAME} ${input.extensionVersion}`,
      fingerprint: input.profileFingerprint,
      sources: [p.source, ...(p.moreSources ?? [])].map((s) => ({ title: s.title, citation: s.citation, url: s.url ?? null })),
    },
    options: describeOptions(p, input.optionValues),
    reviewer: input.reviewer.trim() || NO_REVIEWER,
    auditedAt: isoWithOffset(input.auditedAtMs, offsetAt(input.auditedAtMs)),
    timeZone: input.timeZone,
    exportedAt: isoWithOffset(input.exportedAtMs, offsetAt(input.exportedAtMs)),
    extension: { name: EXTENSION_NAME, version: input.extensionVersion },
    source: { ...input.source, description: describeSource(input.source) },
    caveats: caveatsFor(input.source, p, input.optionValues, modules, input.note),
    corroboration: corroborationFor(p),
    summary: { line: summaryOf(rows), counts: countStatuses(rows) },
    rows,
    rights,
    ...(input.comparison
      ? {
          comparison: {
            baseline: { ...input.comparison.baseline },
            line: input.comparison.line,
            changes: input.comparison.changes.map((c) => ({ ...c, before: [...c.before], after: [...c.after], added: [...c.added], removed: [...c.removed] })),
          },
        }
      : {}),
  };
}

/** "Role Expensify", "User xmlgateway_expensify". */
export function subjectWords(subject: EvidenceSubject | null): string {
  if (!subject) return 'not shown';
  return `${subject.kind === 'role' ? 'Role' : 'User'} ${subject.name}`;
}
