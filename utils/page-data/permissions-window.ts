/**
 * The Permissions window as data (docs/intacct.md, "Pages" and "Permissions"): whose rights it shows (a
 * "Role:" / "User:" line), which application, the user type note, and per section its shortcut radio and
 * every object's rights. The grids themselves are read by the reading model (reading/rights-grid.ts);
 * this walks the window once in document order, into open shadow roots, and ties titles, radios and
 * context lines to the grids they belong to. It never descends into a grid it has read: a window can hold
 * 6,000 boxes.
 */

import { accessibleName, plainName } from '@/utils/reading/accessible';
import { isControlChecked } from '@/utils/reading/controls';
import { contextEntriesOf, contextPairOf, type ContextEntry } from '@/utils/reading/context';
import { readRightsGrid, type PermissionObjectRow } from '@/utils/reading/rights-grid';
import { shortText, squash } from '@/utils/reading/text';
import { OWN_HOST_TAG } from '@/utils/reading/tree';

export type { PermissionObjectRow, RightCell } from '@/utils/reading/rights-grid';

export type PermissionLevel = 'all' | 'read-only' | 'custom';

export interface PageSubject {
  kind: 'role' | 'user';
  name: string;
}

export interface ShortcutRadio {
  level: PermissionLevel;
  control: Element;
}

export interface PermissionSection {
  /** "Activities and lists", "Reports". */
  title: string;
  /** The checked shortcut radio; null when none is checked or the section has none. */
  shortcut: PermissionLevel | null;
  shortcutRadios: ShortcutRadio[];
  objects: PermissionObjectRow[];
  grid: Element;
}

export interface ApplicationPermissions {
  /** Null when the page never says which application it shows. */
  name: string | null;
  sections: PermissionSection[];
}

export interface PermissionsWindow {
  subject: PageSubject | null;
  /** The (first) application shown. */
  application: string | null;
  /** From the window's note, e.g. "Business"; the user type caps the rights (docs/intacct.md#user-types). */
  userType?: string;
  /** The sections of the (first) application. */
  sections: PermissionSection[];
  /** Every application block on the page, in page order; the demo window has one. */
  applications: ApplicationPermissions[];
}

const USER_TYPE_LINE = /^user type\s*:?\s*(.+?)\s*(?::|$)/i;

function subjectOf(entry: ContextEntry): PageSubject | null {
  if (entry.key !== 'role' && entry.key !== 'user') return null;
  const name = entry.value.trim();
  return name ? { kind: entry.key, name } : null;
}

/** The context lines `el` itself holds (inline lines or a key/value pair); null when it holds blocks. */
function contextAt(el: Element): ContextEntry[] | null {
  const pair = contextPairOf(el);
  if (pair) return [pair];
  return contextEntriesOf(el);
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

// ---- the Permissions window --------------------------------------------------------------------------

function levelFromLabel(label: string): PermissionLevel | null {
  const t = squash(label).toLowerCase().replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === 'all') return 'all';
  if (t === 'read only' || t === 'readonly' || t === 'read') return 'read-only';
  if (t === 'custom') return 'custom';
  return null;
}

/**
 * A shortcut radio's words. A window has a few hundred radios, so the label right beside it is taken
 * first — the `<label for>` after it, the label around it, the text right after it (classic markup writes
 * `<input type=radio> All`, or puts the word in the next cell) — then the accessible name, then its value.
 */
function radioLabel(radio: Element): string {
  const next = radio.nextElementSibling;
  const id = radio.getAttribute('id');
  if (next?.localName === 'label' && id && next.getAttribute('for') === id) return squash(next.textContent);
  const around = radio.parentElement?.localName === 'label' ? radio.parentElement : null;
  if (around) return squash(around.textContent);
  const nextText = radio.nextSibling?.nodeType === 3 ? squash(radio.nextSibling.nodeValue) : '';
  if (nextText) return nextText;
  const name = plainName(radio) ?? accessibleName(radio);
  if (name) return name;
  const beside = next ?? (radio.parentElement?.childElementCount === 1 ? radio.parentElement.nextElementSibling : null);
  if (beside) return squash(beside.textContent);
  return radio.getAttribute('value') ?? '';
}

function isHeading(el: Element): boolean {
  const n = el.localName;
  return n === 'legend' || /^h[1-6]$/.test(n) || el.getAttribute('role') === 'heading';
}

interface SectionDraft {
  section: PermissionSection;
  radios: Element[];
}

/**
 * Reads the Permissions window: who (role or user), which application(s), the user type note, and per
 * section the shortcut radio and every object's rights. A page with several application blocks (each
 * introduced by an "Application: X" line) comes back as several `applications`.
 */
export function readPermissionsWindow(doc: Document): PermissionsWindow {
  let subject: PageSubject | null = null;
  let userType: string | undefined;
  const blocks: ApplicationPermissions[] = [{ name: null, sections: [] }];
  const drafts: SectionDraft[] = [];
  let pendingTitle = '';
  let titleSinceGrid = false;
  let groupLabel = '';
  let pendingRadios: Element[] = [];

  const current = (): ApplicationPermissions => blocks[blocks.length - 1] as ApplicationPermissions;

  const applyContext = (entry: ContextEntry): void => {
    if (entry.key === 'application') {
      const block = current();
      if (block.sections.length === 0) block.name = entry.value;
      else if (block.name !== entry.value) blocks.push({ name: entry.value, sections: [] });
    } else if (entry.key === 'user type') {
      userType ??= entry.value;
    } else {
      subject ??= subjectOf(entry);
    }
  };

  const visit = (el: Element): boolean => {
    const name = el.localName;
    if (SKIP.has(name)) return false;
    // One role lookup per element: attribute reads are what a big page's walk spends its time on.
    const role = el.getAttribute('role');

    const grid = el.childElementCount >= 2 || name === 'table' ? readRightsGrid(el) : null;
    if (grid && grid.segments.length) {
      grid.segments.forEach((segment, i) => {
        const fallback = i === 0 ? pendingTitle || grid.caption || groupLabel.replace(/(?<!\s)\s*shortcuts?$/i, '') : '';
        const title = segment.title || fallback || 'Permissions';
        const section: PermissionSection = { title, shortcut: null, shortcutRadios: [], objects: segment.objects, grid: el };
        current().sections.push(section);
        drafts.push({ section, radios: segment.radios.length ? segment.radios : i === 0 ? pendingRadios : [] });
      });
      pendingRadios = [];
      pendingTitle = '';
      groupLabel = '';
      titleSinceGrid = false;
      return false;
    }

    if (name === 'input') {
      if ((el.getAttribute('type') ?? '').toLowerCase() === 'radio') pendingRadios.push(el);
      return false;
    }
    if (role === 'radio') {
      pendingRadios.push(el);
      return false;
    }
    if (role === 'radiogroup') groupLabel = plainName(el) ?? '';

    const entries = contextAt(el);
    if (entries && entries.length) {
      for (const entry of entries) applyContext(entry);
      return false;
    }
    const text = entries ? shortText(el, 160) : null;
    if (text) {
      const type = userType === undefined ? USER_TYPE_LINE.exec(text) : null;
      if (type?.[1]) {
        userType = type[1].trim();
        return false;
      }
      if (isHeading(el)) {
        // Radios seen after a grid and before the next title belong to that grid's section.
        const last = drafts[drafts.length - 1];
        if (pendingRadios.length && !titleSinceGrid && last && last.radios.length === 0) {
          last.radios = pendingRadios;
          pendingRadios = [];
        }
        pendingTitle = text;
        titleSinceGrid = true;
        return false;
      }
    }
    return true;
  };

  walk(doc.body ?? doc.documentElement, visit);

  const lastDraft = drafts[drafts.length - 1];
  if (pendingRadios.length && lastDraft && lastDraft.radios.length === 0) lastDraft.radios = pendingRadios;

  for (const draft of drafts) {
    for (const radio of draft.radios) {
      const level = levelFromLabel(radioLabel(radio));
      if (!level) continue;
      draft.section.shortcutRadios.push({ level, control: radio });
      if (isControlChecked(radio)) draft.section.shortcut = level;
    }
  }

  const applications = blocks.filter((b) => b.sections.length > 0);
  const first = applications[0];
  return {
    subject,
    application: first ? first.name : (blocks[0]?.name ?? null),
    ...(userType !== undefined ? { userType } : {}),
    sections: first ? first.sections : [],
    applications,
  };
}

/** Re-reads a section's shortcut radios (after a click on one of them). */
export function readShortcut(section: PermissionSection): PermissionLevel | null {
  for (const radio of section.shortcutRadios) if (isControlChecked(radio.control)) return radio.level;
  return null;
}

/** Document-order walk, into open shadow roots (a window drawn by a web component); `visit` returns false to skip a subtree. */
function walk(root: Element | null, visit: (el: Element) => boolean): void {
  if (!root) return;
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    if (!visit(el)) continue;
    // Push children last-first so they pop in document order; a shadow tree is what the host shows.
    const shown = el.shadowRoot && el.localName !== OWN_HOST_TAG ? el.shadowRoot : el;
    for (let child = shown.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
}

