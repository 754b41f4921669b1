import { useEffect, useId, useState } from 'react';
import { changesLine } from '@/utils/audit/drift';
import { isoWithOffset, localOffsetMinutes, shortDate } from '@/utils/export/evidence';
import { parseHistory, type AuditHistory } from '@/utils/audit/history';
import { comparisonOf, parsePageComparison, type PageComparison as Comparison } from '@/utils/export/page-comparison';
import { auditHistoryItem } from '@/utils/storage/evidence';
import { ChangeList } from './ChangeList';
import { pageComparisonItem } from '@/utils/storage/session-items';

export interface PageComparisonProps {
  now?: () => number;
}

/**
 * "Compare with last audit" asked for on an Intacct page: the rights added, removed and changed since the
 * last audit of that role or user, and who reviewed it. Shown here, in the popup, and never on the page
 * (utils/export/page-comparison.ts says why).
 */
export function PageComparison({ now = Date.now }: PageComparisonProps) {
  const ids = useId();
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [history, setHistory] = useState<AuditHistory>({});

  useEffect(() => {
    const show = (value: unknown): void => setComparison(parsePageComparison(value));
    void pageComparisonItem.getValue().then(show);
    return pageComparisonItem.watch(show);
  }, []);
  useEffect(() => {
    const show = (value: unknown): void => setHistory(parseHistory(value));
    void auditHistoryItem.getValue().then(show);
    return auditHistoryItem.watch(show);
  }, []);

  if (!comparison) return null;
  const { request } = comparison;
  const found = comparisonOf(comparison, history);
  const whose = request.subject ? `${request.subject.kind} “${request.subject.name}”` : 'the rights on the page';
  const today = isoWithOffset(now(), localOffsetMinutes(now()));
  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-page-comparison" className="cx">
      <h2 id={`${ids}-h`}>Compared on Intacct’s page</h2>
      {!found ? (
        <p className="cx-note">The earlier audit of {whose} in {request.company || 'this company'} is no longer in this browser’s history.</p>
      ) : (
        <div className="cx-changes" data-testid="ish-changes">
          <p className="cx-note">
            The {whose} in {request.company || 'this company'}, since your audit of{' '}
            {shortDate(isoWithOffset(found.baseline.at, localOffsetMinutes(found.baseline.at)), today)}
            {found.baseline.reviewer ? ` (reviewed by ${found.baseline.reviewer})` : ''}: {changesLine(found.changes).toLowerCase()}.
          </p>
          <ChangeList changes={found.changes} />
        </div>
      )}
      <button type="button" className="cx-link" data-testid="ish-page-comparison-clear" onClick={() => void pageComparisonItem.setValue(null)}>
        Clear
      </button>
    </section>
  );
}
