import { useId, useState } from 'react';
import { describeChange, type RightsChange } from '@/utils/audit/drift';
import { SealedButton } from './sealed/SealedButton';

/** What the overlay knows about the last audit of the role or user this page shows. */
export interface DriftView {
  /** "3 Nov". */
  since: string;
  reviewer: string;
  changes: RightsChange[];
  /** "1 changed, 2 added" / "No change". */
  line: string;
  onExportComparison: () => void;
}

export interface AuditEvidenceProps {
  onExport: () => void;
  /** Set in the popup; every pack names it. */
  reviewer: string;
  /** What the last export did ("Saved … to Downloads/…"), or why it failed. */
  result: string;
  busy: boolean;
  drift: DriftView | null;
}

function subjectOf(change: RightsChange): string {
  return `${change.module} › ${change.object}`;
}

/** Export audit, the pack it writes, and what changed since the last audit of this role or user. */
export function AuditEvidence({ onExport, reviewer, result, busy, drift }: AuditEvidenceProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const changed = drift !== null && drift.changes.length > 0;
  return (
    <div className="ish-evidence">
      {drift && (
        <div className={changed ? 'ish-caution' : 'ish-note ish-drift-same'} role="status" data-testid="ish-drift" data-changes={drift.changes.length}>
          {changed
            ? `Changed since your audit of ${drift.since}: ${drift.line}.`
            : `Same rights as your audit of ${drift.since}.`}
        </div>
      )}
      <div className="ish-actions">
        <SealedButton testId="ish-export" label={busy ? 'Saving…' : 'Export audit'} disabled={busy} onPress={onExport} />
        {drift && <SealedButton testId="ish-compare" label={open ? 'Hide comparison' : 'Compare with last audit'} onPress={() => setOpen(!open)} />}
        <p className="ish-note">
          audit.json, audit.csv, a printable report and SHA256SUMS, in one folder.{' '}
          {reviewer ? `Reviewer: ${reviewer}.` : 'No reviewer yet: type your name in the popup’s Audit evidence section.'}
        </p>
      </div>
      {drift && open && (
        <div className="ish-changes" id={listId} data-testid="ish-changes">
          <p className="ish-note">
            Since your audit of {drift.since}
            {drift.reviewer ? ` (reviewed by ${drift.reviewer})` : ''}: {drift.line.toLowerCase()}.
          </p>
          {drift.changes.length > 0 && (
            <ul>
              {drift.changes.map((c) => (
                <li key={`${c.module}\u0000${c.object}`} className={`ish-change ish-change-${c.change}`} data-testid="ish-change" data-change={c.change} data-subject={subjectOf(c)}>
                  <strong>{subjectOf(c)}</strong>: {describeChange(c)}
                </li>
              ))}
            </ul>
          )}
          <SealedButton testId="ish-export-comparison" label="Export comparison" disabled={busy} onPress={drift.onExportComparison} />
        </div>
      )}
      {result && (
        <p className="ish-note ish-export-result" role="status" data-testid="ish-export-result">
          {result}
        </p>
      )}
    </div>
  );
}
