// The popup's sections, in the order the admin meets them: where the setup stands, then proving the
// connection, the package, the audit, and what is set once (issue #13).

export const SECTIONS = ['setup', 'connection', 'package', 'audit', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<Section, string> = {
  setup: 'Setup',
  connection: 'Connection',
  package: 'Package',
  audit: 'Audit',
  settings: 'Settings',
};

export function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}

/**
 * The section the popup opens on: one named in the address (`popup.html#connection`, from a link or the
 * README's screenshots), else Setup, which on an Intacct tab says where this page is in the setup.
 */
export function initialSection(hash: string): Section {
  const named = hash.replace(/^#/, '');
  return isSection(named) ? named : 'setup';
}

/** The section the arrow, Home and End keys move to from `current`, wrapping like a WAI-ARIA tab list. */
export function sectionByKey(current: Section, key: string): Section | null {
  const at = SECTIONS.indexOf(current);
  const last = SECTIONS.length - 1;
  const to = key === 'ArrowRight' ? (at + 1) % SECTIONS.length : key === 'ArrowLeft' ? (at + last) % SECTIONS.length : key === 'Home' ? 0 : key === 'End' ? last : -1;
  return to < 0 ? null : (SECTIONS[to] ?? null);
}
