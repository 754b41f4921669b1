/**
 * One check the overlay, the popup and the exported report show. Rendered as
 * `data-testid="ish-finding"` with `data-status` and `data-subject` (shared conventions).
 */
export type FindingStatus = 'ok' | 'missing' | 'wrong' | 'excess';

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
}

export function summarizeFindings(findings: readonly Finding[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { ok: 0, missing: 0, wrong: 0, excess: 0 };
  for (const f of findings) counts[f.status]++;
  return counts;
}

/** "3 missing, 1 excess" — or "All 7 checks pass". */
export function summaryLine(findings: readonly Finding[]): string {
  const c = summarizeFindings(findings);
  const problems = (['missing', 'wrong', 'excess'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  if (problems.length) return problems.join(', ');
  return findings.length ? `All ${findings.length} checks pass` : 'Nothing to check on this page';
}
