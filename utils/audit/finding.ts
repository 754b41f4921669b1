/**
 * One check the overlay, the popup and the exported report show. Rendered as
 * `data-testid="ish-finding"` with `data-status` and `data-subject` (shared conventions).
 */
export const FINDING_STATUSES = ['ok', 'missing', 'wrong', 'excess', 'not-found'] as const;

/**
 * `not-found`: the check's field, row or table is not on the page as the helper reads it. It is never a
 * pass: it is counted in the summary, shown with what to do, and never verifies a checklist step.
 */
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  /** Stable within a page, e.g. `field:user-type`, `sender:expensify`, `perm:general-ledger:journal-entries:delete`. */
  id: string;
  /** What an admin calls the thing checked: "User type", "Sender ID expensify", "General Ledger › Journal entries". */
  subject: string;
  status: FindingStatus;
  /** What the page shows now, in words ("Employee", "not subscribed", "Expensify"). Empty when nothing. */
  found: string;
  /** What the integration needs, in words. */
  expected: string;
  /** Why it matters or what is off; one sentence. Empty for ok. */
  message: string;
  /** What to do, in the admin's words. Empty for ok. */
  fix: string;
  /** Group heading for long lists (a module name for permissions); empty when ungrouped. */
  group: string;
  /** The page element the finding is about, for pointing at it. Never serialized. */
  target?: Element;
  /** The profile step this check belongs to, for the checklist. */
  stepId?: string;
  /** For a `not-found` field check: the label it looked for, so the admin can point at the field. */
  lookedFor?: string;
  /**
   * Where a checked field is when the admin cannot see it now: "in the collapsed section “Expense report
   * approval”", "on the tab “Roles information”". Its state is read from the page all the same.
   */
  where?: string;
}

export function summarizeFindings(findings: readonly Finding[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { ok: 0, missing: 0, wrong: 0, excess: 0, 'not-found': 0 };
  for (const f of findings) counts[f.status]++;
  return counts;
}

/** A problem to fix: the page shows something the integration does not want. */
export function isProblem(status: FindingStatus): boolean {
  return status === 'missing' || status === 'wrong' || status === 'excess';
}

/** "3 missing, 1 excess, 2 not found on this page" — or "All 7 checks pass". */
export function summaryLine(findings: readonly Finding[]): string {
  const c = summarizeFindings(findings);
  const parts = (['missing', 'wrong', 'excess'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  if (c['not-found'] > 0) {
    if (!parts.length && c.ok > 0) parts.push(`${c.ok} OK`);
    parts.push(`${c['not-found']} not found on this page`);
  }
  if (parts.length) return parts.join(', ');
  return findings.length ? `All ${findings.length} checks pass` : 'Nothing to check on this page';
}

/**
 * The finding for a check whose field, row or table the helper cannot find here. `lookedFor` names what
 * it looked for, in the admin's words.
 */
export function notFoundFinding(fields: {
  id: string;
  subject: string;
  expected: string;
  lookedFor: string;
  group?: string;
  stepId?: string | undefined;
  fix?: string;
}): Finding {
  return {
    id: fields.id,
    subject: fields.subject,
    status: 'not-found',
    found: '',
    expected: fields.expected,
    message: `Not found on this page: the helper could not find ${fields.lookedFor}, so this check has not been made.`,
    fix:
      fields.fix ??
      'If the page shows it (perhaps under another name, on another tab or in a section that is closed), open it; if the helper still cannot find it, use “Point at it” and click it on the page.',
    group: fields.group ?? '',
    lookedFor: fields.lookedFor,
    ...(fields.stepId ? { stepId: fields.stepId } : {}),
  };
}
