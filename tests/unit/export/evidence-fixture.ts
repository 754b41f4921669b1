import type { Finding } from '@/utils/audit/finding';
import type { RightsRow } from '@/utils/audit/rights';
import { assembleEvidence, type AssembleInput, type Evidence, type EvidenceRow } from '@/utils/export/evidence';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';

/** 14 March 2025, 10:30:00 in Berlin (UTC+01:00). */
export const AUDITED_AT = Date.UTC(2025, 2, 14, 9, 30, 0);

/** The evidence of `rows` with a fixed clock, profile and reviewer, as the background would assemble it. */
export function evidenceOf(rows: readonly (Finding | EvidenceRow)[], change: Partial<AssembleInput> = {}, rights: RightsRow[] = []): Evidence {
  return assembleEvidence({
    kind: 'audit',
    auditId: 'a1b2c3d4-0000-4000-8000-000000000001',
    company: 'ACME-TEST',
    subject: { kind: 'role', name: 'Expensify' },
    profile: EXPENSIFY_PROFILE,
    profileFingerprint: 'f'.repeat(64),
    optionValues: { export: 'expense-reports' },
    reviewer: 'Dana Reviewer',
    auditedAtMs: AUDITED_AT,
    exportedAtMs: AUDITED_AT + 60_000,
    offsetAt: () => 60,
    timeZone: 'Europe/Berlin',
    extensionVersion: '0.1.0',
    source: { view: 'permissions-window', pageKind: 'role-permissions' },
    note: '',
    rows: rows as EvidenceRow[],
    rights,
    ...change,
  });
}

/** RFC 4180 reader, enough to check what a spreadsheet would see. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cell = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}
