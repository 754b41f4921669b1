import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SECTIONS, SECTION_LABELS, sectionByKey, type Section } from './sections';

export interface SectionTabsProps {
  active: Section;
  onChange: (section: Section) => void;
  /** A short status after a section's name ("3/10", "✓"), read as part of the tab's name. */
  badges?: Partial<Record<Section, string>>;
}

export const tabId = (section: Section): string => `pp-tab-${section}`;
export const panelId = (section: Section): string => `pp-panel-${section}`;

/** WAI-ARIA tabs: one tab stop, arrows move and select, the panel follows. */
export function SectionTabs({ active, onChange, badges = {} }: SectionTabsProps) {
  const refs = useRef<Partial<Record<Section, HTMLButtonElement | null>>>({});
  const key = (e: KeyboardEvent<HTMLButtonElement>): void => {
    const next = sectionByKey(active, e.key);
    if (!next) return;
    e.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="pp-tabs" role="tablist" aria-label="Sections" data-testid="ish-sections">
      {SECTIONS.map((section) => {
        const selected = section === active;
        const badge = badges[section];
        return (
          <button
            key={section}
            ref={(el) => {
              refs.current[section] = el;
            }}
            type="button"
            role="tab"
            id={tabId(section)}
            aria-selected={selected}
            aria-controls={panelId(section)}
            tabIndex={selected ? 0 : -1}
            className="pp-tab"
            data-testid="ish-section-tab"
            data-section={section}
            onClick={() => onChange(section)}
            onKeyDown={key}
          >
            {SECTION_LABELS[section]}
            {badge && <span className="pp-tab-badge"> {badge}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** A section's panel; hidden ones stay mounted so a half-typed connection test survives a look elsewhere. */
export function SectionPanel({ section, active, children }: { section: Section; active: Section; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={panelId(section)}
      aria-labelledby={tabId(section)}
      hidden={section !== active}
      // The panel itself takes focus after the tabs when it starts with text, as the APG pattern asks.
      tabIndex={0}
      className="pp-panel"
      data-testid="ish-section"
      data-section={section}
    >
      {children}
    </div>
  );
}
