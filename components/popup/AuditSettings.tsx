import { useEffect, useId, useRef, useState } from 'react';
import { isoWithOffset, localOffsetMinutes, readableTime } from '@/utils/export/evidence';
import { parseHistory, withoutCompany, type AuditHistory } from '@/utils/export/history';
import { REVIEWER_MAX, auditHistoryItem, parseReviewer, reviewerItem, updateAuditHistory } from '@/utils/storage/evidence';

// Typing is saved after a short pause: one storage write per name, not per key.
const SAVE_DELAY_MS = 300;

/**
 * Who signs the evidence (typed once, kept in storage.local, written on every pack) and the audits kept
 * per company, which the admin can delete.
 */
export function AuditSettings() {
  const [reviewer, setReviewer] = useState('');
  const [history, setHistory] = useState<AuditHistory>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ids = useId();

  useEffect(() => {
    void reviewerItem.getValue().then((v) => setReviewer(parseReviewer(v)));
    const show = (v: unknown): void => setHistory(parseHistory(v));
    void auditHistoryItem.getValue().then(show);
    return auditHistoryItem.watch(show);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const type = (value: string): void => {
    setReviewer(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void reviewerItem.setValue(value.trim().slice(0, REVIEWER_MAX)), SAVE_DELAY_MS);
  };

  const companies = Object.entries(history).filter(([, records]) => records.length > 0);
  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-audit-settings" className="cx">
      <h2 id={`${ids}-h`}>Audit evidence</h2>
      <label>
        Reviewer
        <input
          data-testid="ish-reviewer"
          value={reviewer}
          maxLength={REVIEWER_MAX}
          placeholder="Your name, as the auditor should read it"
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            clearTimeout(timer.current);
            void reviewerItem.setValue(reviewer.trim());
          }}
          autoComplete="name"
        />
      </label>
      <p className="help">Every exported audit names its reviewer, with the date, time and time zone.</p>
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
