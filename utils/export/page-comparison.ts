import { modulesOf, rightsChanges, type RightsChange } from '@/utils/audit/drift';
import { z } from '@/utils/zod';
import { PROTOCOL } from '@/utils/messages/protocol';
import { findAudit, type AuditHistory, type AuditRecord } from '@/utils/audit/history';

/**
 * "Compare with last audit" on an Intacct page (issue 23): the rights the earlier audit saw, and who
 * reviewed it, are shown in the popup — an extension page — never in the page's own DOM. A page that
 * claims another company's ID (the company comes from the page) could otherwise read that company's
 * earlier audit into the page. The overlay sends what the page grants now and which audit it compares
 * with; the background checks the message came from our overlay on an Intacct page and keeps it for the
 * popup (session storage, which content scripts cannot read); the popup reads the earlier audit from the
 * history and shows the changes.
 */


/** What the popup keeps of the last comparison asked for on a page. */
export const PageComparisonSchema = z.object({
  request: PROTOCOL['ish/show-comparison'].request,
  /** When the admin asked (ms since the epoch). */
  at: z.number().int().nonnegative(),
});
export type PageComparison = z.infer<typeof PageComparisonSchema>;

export function parsePageComparison(value: unknown): PageComparison | null {
  const parsed = PageComparisonSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The earlier audit a page comparison names and what changed since, or null when the history no longer holds it. */
export function comparisonOf(comparison: PageComparison, history: AuditHistory): { baseline: AuditRecord; changes: RightsChange[] } | null {
  const { request } = comparison;
  const baseline = findAudit(history, request.company, request.baselineId);
  if (!baseline) return null;
  // A page shows some applications only: the earlier audit's others are not "removed".
  return { baseline, changes: rightsChanges(baseline.rights, request.rights, modulesOf(request.rights)) };
}
