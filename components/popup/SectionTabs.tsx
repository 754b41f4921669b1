import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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

// What takes focus by Tab in a panel: a control that is not disabled, a link, a summary, anything given a
// non-negative tabindex. A hidden input is no control.
const FOCUSABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [contenteditable]:not([contenteditable="false"]), [tabindex]:not([tabindex^="-"])';

/**
 * Whether the first thing in `panel` a person meets — in document order, the first visible text or the
 * first focusable element, whichever comes first — is a control. Hidden subtrees are skipped.
 */
export function startsWithControl(panel: Element): boolean {
  const stack: Node[] = [];
  for (let child = panel.lastChild; child; child = child.previousSibling) stack.push(child);
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').trim()) return false;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as HTMLElement;
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') continue;
    if (el.matches(FOCUSABLE)) return true;
    // An image with words says something before any control after it.
    if (el.localName === 'img' && (el.getAttribute('alt') ?? '').trim()) return false;
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return false;
}

/**
 * A section's panel; hidden ones stay mounted so a half-typed connection test survives a look elsewhere.
 * The panel is a Tab stop of its own only where its first content is not a control (WAI-ARIA Authoring
 * Practices, Tabs): after the tabs, Tab then reaches the panel's first words; where a control comes first,
 * that control is the next stop. Worked out again on every render and whenever the content changes inside.
 */
export function SectionPanel({ section, active, children }: { section: Section; active: Section; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ownStop, setOwnStop] = useState(true);
  useLayoutEffect(() => {
    if (ref.current) setOwnStop(!startsWithControl(ref.current));
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new MutationObserver(() => setOwnStop(!startsWithControl(el)));
    observer.observe(el, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'aria-hidden', 'disabled', 'href', 'tabindex', 'type', 'contenteditable'],
    });
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      role="tabpanel"
      id={panelId(section)}
      aria-labelledby={tabId(section)}
      hidden={section !== active}
      tabIndex={ownStop ? 0 : undefined}
      className="pp-panel"
      data-testid="ish-section"
      data-section={section}
    >
      {children}
    </div>
  );
}
