import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { isProblem, type Finding } from '@/utils/audit/finding';
import type { PageGuide } from '@/utils/guide/types';
import { ApplyChanges } from './ApplyChanges';
import { AuditEvidence, type AuditEvidenceProps } from './AuditEvidence';
import type { ApplyOffer } from './useApply';
import { Findings } from './Findings';
import { focusProvenanceOf, focusScopeOf } from './sealed/focus-provenance';
import { SealedButton } from './sealed/SealedButton';

export interface FillOffer {
  /** How many fields of this page "Fill recommended values" would set. */
  count: number;
  onFill: () => void;
  /** What the last click did, e.g. "Filled 3 fields. Review them, then click Save yourself." */
  lastResult: string;
}

export interface OverlayProps {
  guide: PageGuide;
  findings?: readonly Finding[];
  onPoint?: (finding: Finding | null) => void;
  fill?: FillOffer;
  /** "Apply <integration>'s rights" (permissions pages) or settings (T&E configuration). */
  apply?: ApplyOffer;
  /** "Next: Step 4. …" across pages, from the checklist. */
  next?: string;
  /** Offered where the findings are evidence an auditor asks for (permissions pages). */
  onExport?: () => void;
  /** "Point at it" on a field check not found on the page. */
  onPointAt?: (finding: Finding) => void;
  /** While the admin is showing the helper a field: what to click, and how to stop. */
  picking?: { subject: string; note: string; onCancel: () => void } | null;
  /** The export's context: reviewer, last result, drift since the last audit (AuditEvidence). */
  evidence?: Omit<AuditEvidenceProps, 'onExport'>;
  /** Shown expanded unless the admin collapsed it before. */
  initiallyCollapsed?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
}

/** The panel an admin sees beside an Intacct setup page. Page text is rendered as text, never as HTML. */
export function Overlay({
  guide,
  findings = [],
  onPoint = () => {},
  fill,
  apply,
  next,
  onExport,
  evidence,
  onPointAt,
  picking,
  initiallyCollapsed = false,
  onCollapsedChange,
}: OverlayProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const bodyId = useId();
  const toggleButton = useRef<HTMLButtonElement>(null);
  const toggle = (): void => {
    setCollapsed(!collapsed);
    onCollapsedChange?.(!collapsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || collapsed || !event.nativeEvent.isTrusted) return;
    // Escape is ours while focus is in the panel: Intacct's page does not also see it. Focus moves to the
    // Show button first, so a keyboard user keeps their place (and a pointed field loses its ring); that
    // move is the admin's own (the key was), so their next Tab into an action is taken.
    event.stopPropagation();
    const button = toggleButton.current;
    if (button) focusProvenanceOf(focusScopeOf(button)).focusOurs(button);
    toggle();
  };
  return (
    <aside
      className="ish-panel"
      data-testid="ish-overlay"
      data-page-kind={guide.kind}
      data-collapsed={collapsed}
      aria-label="Intacct Setup Helper"
      onKeyDown={onKeyDown}
    >
      <header className="ish-header">
        <div className="ish-brand">
          <h2 className="ish-title">Setup helper · {guide.integrationName}</h2>
          <span>{guide.pageName}</span>
        </div>
        <button
          ref={toggleButton}
          type="button"
          className="ish-toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={toggle}
        >
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      {!collapsed && (
        <div className="ish-body" id={bodyId}>
          {guide.cautions.map((text) => (
            <p className="ish-caution" role="note" data-testid="ish-caution" key={text}>
              {text}
            </p>
          ))}
          {picking && (
            <div className="ish-picking" role="status" data-testid="ish-picking">
              <p>
                Click the <strong>{picking.subject}</strong> field on the page. The helper remembers its name for this kind
                of page, never its value.
              </p>
              {picking.note && <p className="ish-note">{picking.note}</p>}
              <button type="button" className="ish-secondary" data-testid="ish-picking-cancel" onClick={picking.onCancel}>
                Cancel
              </button>
            </div>
          )}
          <Findings findings={findings} onPoint={onPoint} {...(onPointAt ? { onPointAt } : {})}>
            {apply && <ApplyChanges apply={apply} offered={findings.some((f) => isProblem(f.status))} />}
            {fill && (fill.count > 0 || fill.lastResult) && (
              <div className="ish-actions">
                {fill.count > 0 && (
                  <SealedButton testId="ish-fill" variant="primary" label={`Fill recommended values (${fill.count})`} onPress={fill.onFill} />
                )}
                {fill.lastResult && (
                  <p className="ish-note" role="status" data-testid="ish-fill-result">
                    {fill.lastResult}
                  </p>
                )}
              </div>
            )}
            {onExport && <AuditEvidence onExport={onExport} reviewer="" result="" busy={false} drift={null} {...evidence} />}
          </Findings>
          {guide.steps.length === 0 ? (
            <p className="ish-empty">{guide.emptyNote}</p>
          ) : (
            guide.steps.map((step) => (
              <section className="ish-step" key={step.id} data-testid="ish-step" data-step-id={step.id}>
                <h2>
                  <span className="ish-number">Step {step.number}.</span>
                  {step.title}
                </h2>
                <p className="ish-menu">{step.menuPath}</p>
                {step.instructions.length > 0 && (
                  // With problems listed above, the how-to folds away so the fixes stay in view.
                  <details open={findings.length === 0}>
                    <summary>How to do this step</summary>
                    <ol>
                      {step.instructions.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ol>
                  </details>
                )}
              </section>
            ))
          )}
          {next && (
            <p className="ish-next" data-testid="ish-next">
              {next}
            </p>
          )}
        </div>
      )}
    </aside>
  );
}
