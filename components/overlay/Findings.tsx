import type { ReactNode } from 'react';
import type { Finding } from '@/utils/audit/finding';
import { summaryLine } from '@/utils/audit/finding';

const STATUS_TEXT: Record<Finding['status'], string> = { ok: 'OK', missing: 'Missing', wrong: 'Wrong', excess: 'Excess' };

export interface FindingsProps {
  findings: readonly Finding[];
  /** Point at the finding's field on the page (hover, focus or click). */
  onPoint: (finding: Finding | null) => void;
  /** Actions shown under the summary line, above the list (e.g. the fill button). */
  children?: ReactNode;
}

function groupsOf(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.group) ?? [];
    list.push(f);
    groups.set(f.group, list);
  }
  return [...groups];
}

/** The checks of this page, problems first within each group, each with what to do. */
export function Findings({ findings, onPoint, children }: FindingsProps) {
  if (findings.length === 0) return null;
  const rank = { missing: 0, wrong: 1, excess: 2, ok: 3 } as const;
  return (
    <div className="ish-findings">
      <p className="ish-summary" data-testid="ish-summary" role="status">
        {summaryLine(findings)}
      </p>
      {children}
      {groupsOf(findings).map(([group, list]) => (
        <div className="ish-group" key={group || '-'}>
          {group && <h3>{group}</h3>}
          <ul>
            {[...list]
              .sort((a, b) => rank[a.status] - rank[b.status])
              .map((f) => (
                <li
                  key={f.id}
                  className={`ish-finding ish-${f.status}`}
                  data-testid="ish-finding"
                  data-status={f.status}
                  data-subject={f.subject}
                  onMouseEnter={() => onPoint(f)}
                  onMouseLeave={() => onPoint(null)}
                >
                  <button
                    type="button"
                    className="ish-finding-head"
                    onClick={() => onPoint(f)}
                    onFocus={() => onPoint(f)}
                    onBlur={() => onPoint(null)}
                    disabled={!f.target}
                    title={f.target ? 'Show this field on the page' : undefined}
                  >
                    <span className={`ish-badge ish-badge-${f.status}`}>{STATUS_TEXT[f.status]}</span>
                    <span className="ish-subject">{f.subject}</span>
                  </button>
                  {f.status !== 'ok' && (
                    <div className="ish-detail">
                      {f.found || f.expected ? (
                        <p className="ish-values">
                          {f.found ? <>Now: <q>{f.found}</q>. </> : null}
                          {f.expected ? <>Needs: <q>{f.expected}</q>.</> : null}
                        </p>
                      ) : null}
                      {/* A missing value's message only restates what it needs; the fix says it better. */}
                      {f.message && (f.status !== 'missing' || !f.fix) && <p>{f.message}</p>}
                      {f.fix && <p className="ish-fix">{f.fix}</p>}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
