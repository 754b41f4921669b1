import { describeChange } from '@/utils/audit/drift';
import { subjectWords, type Evidence } from './evidence';

/**
 * The evidence as a spreadsheet: one row per check (or, for a comparison, per change), the audit's
 * context repeated on each so rows survive sorting and filtering.
 */

/**
 * One cell, RFC 4180-quoted. A leading = + - @ (or tab / CR, which some spreadsheets skip before reading a
 * formula) gets a ' so a role named "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const AUDIT_CSV_HEADER = [
  'Company',
  'Role or user',
  'Integration',
  'Profile',
  'Options',
  'Reviewer',
  'Audited at',
  'Time zone',
  'Extension',
  'Source',
  'Audit summary',
  'Module',
  'Subject',
  'Status',
  'Found',
  'Expected',
  'Message',
  'Fix',
  'Check id',
] as const;

export const COMPARE_CSV_HEADER = [
  'Company',
  'Role or user',
  'Integration',
  'Reviewer',
  'Audited at',
  'Time zone',
  'Extension',
  'Compared with the audit of',
  'Its reviewer',
  'Module',
  'Object',
  'Change',
  'What changed',
  'Rights before',
  'Rights now',
] as const;

function line(cells: readonly string[]): string {
  // RFC 4180 ends every record, the last included, with CRLF.
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function evidenceToCsv(e: Evidence): string {
  const who = subjectWords(e.subject);
  const extension = `${e.extension.name} ${e.extension.version}`;
  if (e.kind === 'compare' && e.comparison) {
    const c = e.comparison;
    const context = [e.company, who, e.integration.name, e.reviewer, e.auditedAt, e.timeZone, extension, c.baseline.auditedAt, c.baseline.reviewer];
    return (
      line(COMPARE_CSV_HEADER) +
      c.changes.map((ch) => line([...context, ch.module, ch.object, ch.change, describeChange(ch), ch.before.join(', '), ch.after.join(', ')])).join('')
    );
  }
  const profile = `${e.integration.id} (${e.integration.version})`;
  const options = e.options.map((o) => `${o.label}: ${o.value}`).join('; ');
  const context = [e.company, who, e.integration.name, profile, options, e.reviewer, e.auditedAt, e.timeZone, extension, e.source.description, e.summary.line];
  return (
    line(AUDIT_CSV_HEADER) +
    e.rows.map((r) => line([...context, r.group, r.subject, r.status, r.found, r.expected, r.message, r.fix, r.id])).join('')
  );
}
