import { useId, useState, type KeyboardEvent } from 'react';
import type { PageGuide } from '@/utils/guide/types';

export interface OverlayProps {
  guide: PageGuide;
  /** Shown expanded unless the admin collapsed it before. */
  initiallyCollapsed?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
}

/** The panel an admin sees beside an Intacct setup page. Page text is rendered as text, never as HTML. */
export function Overlay({ guide, initiallyCollapsed = false, onCollapsedChange }: OverlayProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const bodyId = useId();
  const toggle = (): void => {
    setCollapsed(!collapsed);
    onCollapsedChange?.(!collapsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape' && !collapsed) toggle();
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
          <strong>Setup helper · {guide.integrationName}</strong>
          <span>{guide.pageName}</span>
        </div>
        <button
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
          <p className="ish-page">
            This page: <strong>{guide.pageName}</strong>
          </p>
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
                  <ol>
                    {step.instructions.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ol>
                )}
              </section>
            ))
          )}
        </div>
      )}
    </aside>
  );
}
