import { useEffect, useId, useState } from 'react';
import { isoWithOffset, localOffsetMinutes, readableTime } from '@/utils/export/evidence';
import { parseHistory, withoutCompany, type AuditHistory as History } from '@/utils/audit/history';
import { auditHistoryItem, updateAuditHistory } from '@/utils/storage/evidence';

/** The audits kept per company, to compare with later; the admin can delete a company's. */
export function AuditHistory() {
  const [history, setHistory] = useState<History>({});
  const ids = useId();

  useEffect(() => {
    const show = (v: unknown): void => setHistory(parseHistory(v));
    void auditHistoryItem.getValue().then(show);
    return auditHistoryItem.watch(show);
  }, []);

  const companies = Object.entries(history).filter(([, records]) => records.length > 0);
  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-audit-history" className="cx">
      <h2 id={`${ids}-h`}>Audits kept</h2>
      {companies.length === 0 ? (
        <p className="muted" data-testid="ish-history-empty">
          No audits kept yet. Each whole-user audit and each exported page audit is kept here, per company, to compare with later.
        </p>
      ) : (
        <ul className="cx-history" data-testid="ish-history">
          {companies.map(([company, records]) => {
            const last = records[records.length - 1];
            const when = last ? readableTime(isoWithOffset(last.at, localOffsetMinutes(last.at))).replace(/ \(.*\)$/, '') : '';
            return (
              <li key={company} data-testid="ish-history-company" data-company={company}>
                <span>
                  <strong>{company}</strong>: {records.length} audit{records.length === 1 ? '' : 's'}, the last {when}
                </span>
                <button
                  type="button"
                  className="cx-link"
                  data-testid="ish-history-delete"
                  aria-label={`Delete the audit history of ${company}`}
                  onClick={() => void updateAuditHistory((h) => withoutCompany(h, company)).then(setHistory)}
                >
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
