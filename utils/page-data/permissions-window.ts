/**
 * Turns the role and user Subscriptions pages and the Permissions window into data (reference §3.3, §4).
 *
 * Everything is found by what the admin sees — column headers, row headers, legends, "Role:" lines,
 * radio labels, aria-labels — because Intacct's ids and class names are undocumented and the demo's are
 * invented (reference §7). Ids are never needed; they are only one of several ways to tie a label to a radio.
 *
 * A permissions window can hold 6,000 checkboxes, so the window is read in one document-order walk that
 * never descends into a grid it has recognized, and each grid is read through direct children only.
 */

import { holdsControl, isCheckControl, isControlChecked, stateShownBy } from '@/utils/reading/controls';
import { contextEntriesOf, contextPairOf, type ContextEntry } from '@/utils/reading/context';
import { isBasicVerb, isRightVerb } from '@/utils/reading/rights';
import { cellColumns, readTable, type LogicalRow } from '@/utils/reading/rows';
import { normalizeLabel, shortText } from '@/utils/reading/text';

export type PermissionLevel = 'all' | 'read-only' | 'custom';

export interface PageSubject {
  kind: 'role' | 'user';
  name: string;
}

export interface RightCell {
  /** As the column header shows it: "List", "View", "Reverse", … */
  right: string;
  granted: boolean;
  control: Element;
}

export interface PermissionObjectRow {
  /** As the row header shows it: "Journal entries". */
  name: string;
  /** Only the rights this object has: a cell without a checkbox is a right the object lacks. */
  rights: RightCell[];
  /** The row, for pointing at it. */
  row: Element;
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
  /** From the window's note, e.g. "Business"; the user type caps the rights (reference §4). */
  userType?: string;
  /** The sections of the (first) application. */
  sections: PermissionSection[];
  /** Every application block on the page, in page order; the demo window has one. */
  applications: ApplicationPermissions[];
}

// ---- small DOM helpers -------------------------------------------------------------------------------

function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function lower(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

export { isControlChecked };

/** A check control in a cell, looked for a few levels down only: cells wrap it in a span at most. */
function findCheckIn(cell: Element, depth = 3): Element | null {
  for (let child = cell.firstElementChild; child; child = child.nextElementSibling) {
    if (isCheckControl(child)) return child;
    if (depth > 1 && child.firstElementChild) {
      const deeper = findCheckIn(child, depth - 1);
      if (deeper) return deeper;
    }
  }
  return null;
}

const SUBJECT_HEADING = /\bsubscriptions (?:for|of) (role|user)\s+(.+)$/i;
const USER_TYPE_LINE = /^user type\s*:?\s*(.+?)\s*(?::|$)/i;

function subjectOf(entry: ContextEntry): PageSubject | null {
  if (entry.key !== 'role' && entry.key !== 'user') return null;
  const name = entry.value.trim();
  return name ? { kind: entry.key, name } : null;
}

function subjectFromHeading(text: string): PageSubject | null {
  const m = SUBJECT_HEADING.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const name = m[2].trim();
  return name ? { kind: m[1].toLowerCase() === 'role' ? 'role' : 'user', name } : null;
}

/** The context lines `el` itself holds (inline lines or a key/value pair); null when it holds blocks. */
function contextAt(el: Element): ContextEntry[] | null {
  const pair = contextPairOf(el);
  if (pair) return [pair];
  return contextEntriesOf(el);
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

// ---- rows and cells, for <table> and ARIA grids alike -------------------------------------------------

function isRow(el: Element): boolean {
  return el.localName === 'tr' || el.getAttribute('role') === 'row';
}

function collectRows(container: Element, out: Element[], depth = 0): void {
  for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
    if (isRow(child)) out.push(child);
    // Row groups (thead/tbody, role=rowgroup) and wrapper divs sit between a grid and its rows.
    else if (depth < 4 && child.localName !== 'table' && child.getAttribute('role') !== 'grid') collectRows(child, out, depth + 1);
  }
}

function isCell(el: Element): boolean {
  const n = el.localName;
  if (n === 'td' || n === 'th') return true;
  const role = el.getAttribute('role');
  return role === 'cell' || role === 'gridcell' || role === 'columnheader' || role === 'rowheader';
}

function isHeaderCell(el: Element): boolean {
  return el.localName === 'th' || el.getAttribute('role') === 'columnheader';
}

/** Cells with the column each starts at (colspan honoured). */
function cellsOf(row: Element): { cell: Element; col: number }[] {
  const out: { cell: Element; col: number }[] = [];
  let col = 0;
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    if (!isCell(child)) continue;
    out.push({ cell: child, col });
    col += spanOf(child);
  }
  return out;
}

interface GridHeader {
  headerRow: Element | null;
  /** Columns the header spans; a body row with as many cells needs no colspan lookups. */
  width: number;
  /** Column index → right name as shown. */
  columns: Map<number, string>;
}

// Verbs a Subscriptions page also writes over its columns ("Application | Subscribe | Permissions").
const SUBSCRIPTION_WORDS = new Set(['subscribe', 'permissions', 'configure', 'enable']);

/**
 * A header row of rights: two or more of List/View/Add/Edit/Delete, or a row whose every head after the
 * first is a verb (List, View, … Run, Upload — reading/rights.ts), as "Permission | Run" under Reports —
 * but not only the words a Subscriptions page puts over its columns.
 */
function headerVerbs(texts: readonly string[]): boolean {
  const heads = texts.map(normalizeLabel);
  if (heads.filter(isBasicVerb).length >= 2) return true;
  // The first head is the objects' column, often blank.
  const rest = heads.slice(1).filter(Boolean);
  return rest.length > 0 && rest.every((t) => isRightVerb(t) || t.startsWith('other')) && rest.some((t) => isRightVerb(t) && !SUBSCRIPTION_WORDS.has(t));
}

function headerOfRow(row: Element): GridHeader | null {
  const cells = cellsOf(row);
  if (cells.length < 2 || !cells.every((c) => isHeaderCell(c.cell))) return null;
  const columns = new Map<number, string>();
  for (const { cell, col } of cells) {
    const text = textOf(cell);
    if (text) columns.set(col, text);
  }
  if (!headerVerbs(cells.map(({ cell }) => textOf(cell)))) return null;
  const last = cells[cells.length - 1];
  return { headerRow: row, columns, width: last ? last.col + spanOf(last.cell) : 0 };
}

/**
 * A box's own verb, where the page prints one beside it ("☐ Run", `aria-label="Run"`): read only when its
 * column head is not a verb, so a 6,000-box grid with proper heads never pays for it.
 */
function ownVerb(control: Element, objectName: string): string | null {
  const candidates: string[] = [];
  const label = control.closest('label');
  if (label) candidates.push(textOf(label));
  const aria = control.getAttribute('aria-label') ?? control.getAttribute('title');
  if (aria) candidates.push(aria.trim());
  const after = control.nextSibling;
  if (after?.nodeType === 3) candidates.push((after.nodeValue ?? '').trim());
  if (control.nextElementSibling?.localName === 'label' || control.nextElementSibling?.localName === 'span') candidates.push(textOf(control.nextElementSibling));
  for (const text of candidates) {
    if (!text) continue;
    if (isRightVerb(normalizeLabel(text))) return text;
    // "Accounts Delete": the object's name, then the verb.
    if (objectName && text.toLowerCase().startsWith(objectName.toLowerCase())) {
      const rest = text.slice(objectName.length).trim();
      if (rest && isRightVerb(normalizeLabel(rest))) return rest;
    }
    const last = text.split(/\s+/).pop() ?? '';
    if (isRightVerb(normalizeLabel(last))) return last;
  }
  return null;
}

/** The right a box grants: its column head if that is a verb, else the verb printed beside it, else the head as written. */
function rightOf(control: Element, head: string | undefined, objectName: string): string | null {
  if (head && isRightVerb(normalizeLabel(head))) return head;
  return ownVerb(control, objectName) ?? (head || null);
}

function spanOf(cell: Element): number {
  const span = Number(cell.getAttribute('colspan') ?? '1');
  return Number.isFinite(span) && span > 1 ? span : 1;
}

function isCheckbox(el: Element): boolean {
  if (el.localName !== 'input') return isCheckControl(el);
  const type = el.getAttribute('type');
  return type === 'checkbox' || (type !== null && type.toLowerCase() === 'checkbox');
}

/** The cell's check control: nearly always its first child, else a few levels down. */
function cellControl(cell: Element): Element | null {
  const first = cell.firstElementChild;
  if (!first) return null;
  if (isCheckbox(first)) return first;
  return findCheckIn(cell);
}

function readObjectRow(row: Element, header: GridHeader, cells: Element[]): PermissionObjectRow | null {
  // Attribute lookups dominate a big grid's cost, so colspans are read only when the count is off.
  const plain = cells.length === header.width;
  let nameCell: Element | null = null;
  let firstTextCell: Element | null = null;
  let nameCol = -1;
  const found: { control: Element; col: number; shown?: boolean }[] = [];
  let col = 0;
  for (const cell of cells) {
    const here = col;
    col += plain ? 1 : spanOf(cell);
    const control = cellControl(cell);
    // A read-only view shows the state as a mark ("✓", "✗") or a tick image: the cell stands for the box.
    const shown = control || !(nameCell || firstTextCell) ? null : stateShownBy(cell);
    if (control) found.push({ control, col: here });
    else if (shown !== null) found.push({ control: cell, col: here, shown });
    else if (!nameCell && (cell.localName === 'th' || cell.getAttribute('role') === 'rowheader')) {
      nameCell = cell;
      nameCol = here;
    } else if (!firstTextCell && !nameCell && textOf(cell)) {
      firstTextCell = cell;
      nameCol = here;
    }
  }
  if (!found.length) return null;
  // The row header names the object; without one, the first cell that holds text and no box.
  const name = textOf(nameCell ?? firstTextCell);
  if (!name) return null;
  const rights: RightCell[] = [];
  for (const { control, col: at, shown } of found) {
    if (at === nameCol) continue;
    const right = rightOf(control, header.columns.get(at), name);
    if (right) rights.push({ right, granted: shown ?? isControlChecked(control), control });
  }
  return rights.length ? { name, rights, row } : null;
}

/** The head of a grid that has none: each box's right is the verb printed beside it, or it is no right. */
const HEADLESS: GridHeader = { headerRow: null, columns: new Map(), width: -1 };

/** One section of a rights grid: a table may hold several, each under a full-width title row. */
interface GridSegment {
  title: string | null;
  radios: Element[];
  objects: PermissionObjectRow[];
}

const RADIOS = 'input[type="radio"], [role~="radio"]';

/**
 * A table or ARIA grid of rights, read row by row: a full-width row with text and nothing else starts a
 * section ("Reports"), a row of radios holds that section's shortcuts, a row of verb heads names the
 * columns, and every other row is an object with its boxes.
 */
function readPermissionsGrid(grid: Element): { segments: GridSegment[]; caption: string } | null {
  const rows: Element[] = [];
  collectRows(grid, rows);
  const segments: GridSegment[] = [];
  let current: GridSegment = { title: null, radios: [], objects: [] };
  let header: GridHeader | null = null;
  let sawHeader = false;
  let headless = 0;
  const cells: Element[] = [];
  for (const row of rows) {
    cells.length = 0;
    for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) if (isCell(cell)) cells.push(cell);
    // Only a short row, or one before any head, can hold shortcuts or a title: a 6,000-box grid's body
    // rows are never searched for radios.
    if (cells.length <= 1 || !header) {
      const only = cells[0];
      const radios = Array.from(row.querySelectorAll(RADIOS));
      if (radios.length) {
        current.radios.push(...radios);
        continue;
      }
      if (cells.length === 1 && only && !findCheckIn(only, 4)) {
        const title = textOf(only);
        if (title) {
          if (current.objects.length || current.title !== null) {
            segments.push(current);
            current = { title, radios: [], objects: [] };
          } else current.title = title;
          continue;
        }
      }
    }
    const asHeader = cells.length >= 2 && cells.every(isHeaderCell) ? headerOfRow(row) : null;
    if (asHeader) {
      header = asHeader;
      sawHeader = true;
      continue;
    }
    // Without any head, a row still reads where each box has its verb printed beside it ("☐ List ☐ View").
    const object = readObjectRow(row, header ?? HEADLESS, [...cells]);
    if (object && (header || object.rights.length >= 2)) {
      current.objects.push(object);
      if (!header) headless++;
    }
  }
  segments.push(current);
  if (!sawHeader && headless === 0) return null;
  let caption = '';
  for (let child = grid.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'caption') caption = textOf(child);
  }
  if (!caption) caption = (grid.getAttribute('aria-label') ?? '').trim();
  return { segments: segments.filter((seg) => seg.objects.length > 0), caption };
}

// Containers other than tables that may draw a rights grid: div rows, lists, a CSS grid of cells.
const LOOSE_GRIDS = new Set(['div', 'ul', 'ol', 'section', 'form', 'fieldset']);

function checkIn(cell: Element): Element | null {
  return isCheckControl(cell) ? cell : findCheckIn(cell);
}

/**
 * A rights grid drawn without a table: its header row (no controls, verb heads) names the columns; each
 * row's name is its row header or first text cell.
 */
function readLooseRightsGrid(container: Element): { segments: GridSegment[]; caption: string } | null {
  const read = readTable(container);
  if (!read) return null;
  let table = read;
  // A head row with a blank objects' column and one verb ("  | Run") has one text: read it as the head
  // when every text it has is a verb.
  if (!table.header) {
    const first = table.rows[0];
    const texts = first ? first.cells.map((c) => shortText(c, 40) ?? '') : [];
    if (!first || first.cells.length < 2 || first.cells.some(holdsControl) || !headerVerbs(texts)) return null;
    table = { ...table, header: first, columns: texts.map(normalizeLabel), rows: table.rows.slice(1) };
  }
  const header = table.header as LogicalRow;
  const headerText = header.cells.map((c) => shortText(c, 40) ?? '');
  if (!headerVerbs(headerText)) return null;
  const headerCol = new Map<number, string>();
  cellColumns(header.cells).forEach((col, i) => {
    const text = headerText[i];
    if (text) headerCol.set(col, text);
  });
  const objects: PermissionObjectRow[] = [];
  for (const row of table.rows) {
    const starts = cellColumns(row.cells);
    let name = '';
    let nameCell: Element | null = null;
    const found: { control: Element; col: number; shown?: boolean }[] = [];
    row.cells.forEach((cell, i) => {
      const control = checkIn(cell);
      const shown = control || !nameCell ? null : stateShownBy(cell);
      if (control) found.push({ control, col: starts[i] ?? i });
      else if (shown !== null) found.push({ control: cell, col: starts[i] ?? i, shown });
      else if (!nameCell && (cell.localName === 'th' || cell.getAttribute('role') === 'rowheader' || shortText(cell, 120))) {
        nameCell = cell;
        name = shortText(cell, 120) ?? '';
      }
    });
    if (!found.length || !name) continue;
    const rights: RightCell[] = [];
    for (const { control, col, shown } of found) {
      const right = rightOf(control, headerCol.get(col), name);
      if (right) rights.push({ right, granted: shown ?? isControlChecked(control), control });
    }
    if (rights.length) objects.push({ name, rights, row: row.el });
  }
  if (!objects.length) return null;
  return { segments: [{ title: null, radios: [], objects }], caption: (container.getAttribute('aria-label') ?? '').trim() };
}

// ---- the Permissions window --------------------------------------------------------------------------

function levelFromLabel(label: string): PermissionLevel | null {
  const t = lower(label).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === 'all') return 'all';
  if (t === 'read only' || t === 'readonly' || t === 'read') return 'read-only';
  if (t === 'custom') return 'custom';
  return null;
}

/** A radio's visible label: aria-label, a wrapping label, label[for], the label or text right after it. */
function radioLabel(radio: Element, labelsFor: ReadonlyMap<string, string>): string {
  const aria = radio.getAttribute('aria-label');
  if (aria) return aria;
  for (let up = radio.parentElement, depth = 0; up && depth < 3; up = up.parentElement, depth++) {
    if (up.localName === 'label') return textOf(up);
  }
  const id = radio.getAttribute('id');
  if (id) {
    const forText = labelsFor.get(id);
    if (forText) return forText;
  }
  const labelledBy = radio.getAttribute('aria-labelledby');
  if (labelledBy) {
    const byId = radio.ownerDocument.getElementById(labelledBy);
    if (byId) return textOf(byId);
  }
  // Classic markup often writes `<input type=radio> All` with the text as a bare node.
  const nextText = (radio.nextSibling?.nodeType === 3 ? radio.nextSibling.textContent : null)?.trim();
  if (nextText) return nextText;
  const next = radio.nextElementSibling;
  if (next && (next.localName === 'label' || next.localName === 'span')) return textOf(next);
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
  const labelsFor = new Map<string, string>();
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

    const tableLike = name === 'table' || role === 'grid' || role === 'table';
    if (tableLike || (LOOSE_GRIDS.has(name) && el.childElementCount >= 2) || role === 'list' || role === 'rowgroup') {
      const grid = tableLike ? (readPermissionsGrid(el) ?? readLooseRightsGrid(el)) : readLooseRightsGrid(el);
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
    }

    if (name === 'input') {
      if ((el.getAttribute('type') ?? '').toLowerCase() === 'radio') pendingRadios.push(el);
      return false;
    }
    if (role === 'radio') {
      pendingRadios.push(el);
      return false;
    }
    if (name === 'label') {
      const forId = el.getAttribute('for');
      if (forId) labelsFor.set(forId, textOf(el));
    }
    if (role === 'radiogroup') groupLabel = (el.getAttribute('aria-label') ?? '').trim();

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
      const level = levelFromLabel(radioLabel(radio, labelsFor));
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

/** Document-order walk; `visit` returns false to skip an element's subtree. */
function walk(root: Element | null, visit: (el: Element) => boolean): void {
  if (!root) return;
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    if (!visit(el)) continue;
    // Push children last-first so they pop in document order.
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
}

