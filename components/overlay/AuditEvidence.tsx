import { SealedButton } from './sealed/SealedButton';

/** What the overlay knows about the last audit of the role or user this page shows. */
export interface DriftView {
  /** "3 Nov". */
  since: string;
  /** How many rights changed since. */
  count: number;
  /** "1 changed, 2 added" / "No change". */
  line: string;
  /** Shows the comparison in the popup (never on the page: utils/export/page-comparison.ts). */
  onCompare: () => void;
  onExportComparison: () => void;
}

export interface AuditEvidenceProps {
  onExport: () => void;
  /** Set in the popup; every pack names it. */
  reviewer: string;
  /** What the last export did ("Saved … to Downloads/…"), or why it failed. */
  result: string;
  /** Where the comparison went ("in the helper's popup"), or why it did not. */
  compareResult?: string;
  busy: boolean;
  drift: DriftView | null;
}

/**
 * Export audit, the pack it writes, and whether the rights changed since the last audit of this role or
 * user. The earlier audit's rights and reviewer are shown in the popup only: the page can read the panel.
 */
export function AuditEvidence({ onExport, reviewer, result, compareResult = '', busy, drift }: AuditEvidenceProps) {
  const changed = drift !== null && drift.count > 0;
  return (
    <div className="ish-evidence">
      {drift && (
        <div className={changed ? 'ish-caution' : 'ish-note ish-drift-same'} role="status" data-testid="ish-drift" data-changes={drift.count}>
          {changed
            ? `Changed since your audit of ${drift.since}: ${drift.line}.`
            : `Same rights as your audit of ${drift.since}.`}
        </div>
      )}
      <div className="ish-actions">
        <SealedButton testId="ish-export" label={busy ? 'Saving…' : 'Export audit'} disabled={busy} onPress={onExport} />
        {drift && <SealedButton testId="ish-compare" label="Compare with last audit" onPress={drift.onCompare} />}
        {drift && <SealedButton testId="ish-export-comparison" label="Export comparison" disabled={busy} onPress={drift.onExportComparison} />}
        <p className="ish-note">
          audit.json, audit.csv, a printable report and SHA256SUMS, in one folder.{' '}
          {reviewer ? `Reviewer: ${reviewer}.` : 'No reviewer yet: type your name in the popup’s Audit evidence section.'}
        </p>
      </div>
      {compareResult && (
        <p className="ish-note" role="status" data-testid="ish-compare-result">
          {compareResult}
        </p>
      )}
      {result && (
        <p className="ish-note ish-export-result" role="status" data-testid="ish-export-result">
          {result}
        </p>
      )}
    </div>
  );
}
