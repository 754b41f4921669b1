import type { ReactNode } from 'react';
import type { Finding } from '@/utils/audit/finding';
import { summaryLine } from '@/utils/audit/finding';
import { SealedButton } from './sealed/SealedButton';

const STATUS_TEXT: Record<Finding['status'], string> = { ok: 'OK', missing: 'Missing', wrong: 'Wrong', excess: 'Excess', 'not-found': 'Not found' };
const RANK: Record<Finding['status'], number> = { missing: 0, wrong: 1, 'not-found': 2, excess: 3, ok: 4 };

export interface FindingsProps {
  findings: readonly Finding[];
  /** Point at the finding's field on the page (hover, focus or click). */
  onPoint: (finding: Finding | null) => void;
  /** For a field check not found on the page: the admin shows the helper which field it is. */
  onPointAt?: (finding: Finding) => void;
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

// Page text can be any length (a 10,000-character value is a page's doing, not the admin's): the panel shows
// the start, the export keeps it whole.
function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function FindingItem({ finding: f, onPoint, onPointAt }: { finding: Finding; onPoint: FindingsProps['onPoint']; onPointAt?: FindingsProps['onPointAt'] }) {
  return (
    <li
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
        <span className="ish-subject" title={f.subject.length > 160 ? f.subject : undefined}>
          {short(f.subject, 160)}
        </span>
      </button>
      {f.status !== 'ok' && (
        <div className="ish-detail">
          {f.found || f.expected ? (
            <p className="ish-values">
              {f.found ? <>Now: <q title={f.found.length > 120 ? f.found : undefined}>{short(f.found, 120)}</q>. </> : null}
              {f.expected ? <>Needs: <q>{short(f.expected, 120)}</q>.</> : null}
            </p>
          ) : null}
          {/* A missing value's message only restates what it needs; the fix says it better. */}
          {f.message && (f.status !== 'missing' || !f.fix) && <p>{short(f.message, 240)}</p>}
          {f.fix && <p className="ish-fix">{short(f.fix, 240)}</p>}
          {f.where && <p className="ish-where">It is {short(f.where, 160)}: open it to see it.</p>}
          {f.status === 'not-found' && f.id.startsWith('field:') && onPointAt && (
            <div className="ish-point-at">
              <SealedButton testId="ish-point-at" label="Point at it" onPress={() => onPointAt(f)} />
            </div>
          )}
        </div>
      )}
    </li>
  );
}

function Passing({ findings, onPoint }: { findings: Finding[]; onPoint: FindingsProps['onPoint'] }) {
  return (
    <details className="ish-passing" data-testid="ish-passing">
      <summary>
        {findings.length} passing check{findings.length === 1 ? '' : 's'}
      </summary>
      <ul>
        {findings.map((f) => (
          <FindingItem key={f.id} finding={f} onPoint={onPoint} />
        ))}
      </ul>
    </details>
  );
}

/** The checks of this page: groups with problems first, problems first within each, each with what to do. */
export function Findings({ findings, onPoint, onPointAt, children }: FindingsProps) {
  if (findings.length === 0) return null;
  // A permissions page can hold hundreds of checks: where some fail, the passing ones fold away so the
  // problems stay in view (folded, they stay in the page for the checklist and assistive tech).
  const fold = findings.length > 8 && findings.some((f) => f.status !== 'ok');
  const groups = groupsOf(findings).map(([name, list]) => ({
    name,
    problems: list.filter((f) => f.status !== 'ok').sort((a, b) => RANK[a.status] - RANK[b.status]),
    passing: list.filter((f) => f.status === 'ok'),
  }));
  const shown = fold ? groups.filter((g) => g.problems.length > 0) : groups;
  const allPassingGroups = fold ? groups.filter((g) => g.problems.length === 0).flatMap((g) => g.passing) : [];
  return (
    <div className="ish-findings">
      <p className="ish-summary" data-testid="ish-summary" role="status">
        {summaryLine(findings)}
      </p>
      {children}
      {shown.map((g) => {
        const list = fold ? g.problems : [...g.problems, ...g.passing];
        // "Cash Management" over a single check named "Cash Management" says nothing twice.
        const heading = g.name && !(g.problems.length + g.passing.length === 1 && list[0]?.subject === g.name);
        return (
          <div className="ish-group" key={g.name || '-'}>
            {heading && <h3>{g.name}</h3>}
            <ul>
              {list.map((f) => (
                <FindingItem key={f.id} finding={f} onPoint={onPoint} {...(onPointAt ? { onPointAt } : {})} />
              ))}
            </ul>
            {fold && g.passing.length > 0 && <Passing findings={g.passing} onPoint={onPoint} />}
          </div>
        );
      })}
      {allPassingGroups.length > 0 && <Passing findings={allPassingGroups} onPoint={onPoint} />}
    </div>
  );
}
