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

import { isCheckControl, isControlChecked, stateFromText } from '@/utils/reading/controls';
import { contextEntriesOf, contextPairOf, readContextLines, type ContextEntry } from '@/utils/reading/context';
import { cellColumns, cellUnder, findTables, readTable, rowCells, type LogicalRow } from '@/utils/reading/rows';
import { shortText } from '@/utils/reading/text';
import { isKnownApplication } from '@/utils/pages/applications';

export type PermissionLevel = 'all' | 'read-only' | 'custom';

export interface PageSubject {
  kind: 'role' | 'user';
  name: string;
}

export interface SubscriptionRow {
  /** The application as the page names it ("Time & Expenses"). */
  name: string;
  subscribed: boolean;
  /** The Subscribed checkbox (or switch). */
  control: Element;
  permissionsLink?: Element;
}

export interface SubscriptionsPage {
  subject: PageSubject | null;
  applications: SubscriptionRow[];
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

// The verbs Intacct shows (reference §4); two of the five basic ones make a header row a permissions grid.
const BASIC_RIGHTS = new Set(['list', 'view', 'add', 'edit', 'delete']);

interface GridHeader {
  headerRow: Element | null;
  /** Columns the header spans; a body row with as many cells needs no colspan lookups. */
  width: number;
  /** Column index → right name as shown. */
  columns: Map<number, string>;
}

function readGridHeader(rows: readonly Element[]): GridHeader | null {
  for (let i = 0; i < Math.min(rows.length, 3); i++) {
    const row = rows[i];
    if (!row) continue;
    const cells = cellsOf(row);
    if (cells.length < 2 || !cells.every((c) => isHeaderCell(c.cell))) continue;
    const columns = new Map<number, string>();
    let basic = 0;
    for (const { cell, col } of cells) {
      const text = textOf(cell);
      if (!text) continue;
      columns.set(col, text);
      if (BASIC_RIGHTS.has(text.toLowerCase())) basic++;
    }
    const last = cells[cells.length - 1];
    if (basic >= 2) return { headerRow: row, columns, width: last ? last.col + spanOf(last.cell) : 0 };
  }
  return null;
}

/** "Accounts Delete" → "Delete", for a grid whose header row is missing or does not cover a column. */
function rightFromAriaLabel(control: Element, objectName: string): string | null {
  const label = (control.getAttribute('aria-label') ?? control.getAttribute('title') ?? '').trim();
  if (!label) return null;
  if (objectName && label.toLowerCase().startsWith(objectName.toLowerCase())) {
    const rest = label.slice(objectName.length).trim();
    return rest || null;
  }
  const words = label.split(/\s+/);
  return words[words.length - 1] ?? null;
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

function readGridObjects(rows: readonly Element[], header: GridHeader): PermissionObjectRow[] {
  const objects: PermissionObjectRow[] = [];
  const cells: Element[] = [];
  for (const row of rows) {
    if (row === header.headerRow) continue;
    cells.length = 0;
    for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
      const tag = cell.localName;
      if (tag === 'td' || tag === 'th' || isCell(cell)) cells.push(cell);
    }
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
      // A read-only view shows the state as a mark ("✓", "✗"): the cell stands for the box.
      const shown = control || cell.firstElementChild || !(nameCell || firstTextCell) ? null : stateFromText(cell.textContent);
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
    if (!found.length) continue;
    // The row header names the object; without one, the first cell that holds text and no checkbox.
    const name = textOf(nameCell ?? firstTextCell);
    if (!name) continue;
    const rights: RightCell[] = [];
    for (const { control, col: at, shown } of found) {
      if (at === nameCol) continue;
      const right = header.columns.get(at) ?? rightFromAriaLabel(control, name);
      if (right) rights.push({ right, granted: shown ?? isControlChecked(control), control });
    }
    if (rights.length) objects.push({ name, rights, row });
  }
  return objects;
}

/** A grid whose header names at least two of List/View/Add/Edit/Delete, with its rows read. */
function readPermissionsGrid(grid: Element): { objects: PermissionObjectRow[]; caption: string } | null {
  const rows: Element[] = [];
  collectRows(grid, rows);
  const header = readGridHeader(rows);
  if (!header) return null;
  let caption = '';
  for (let child = grid.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'caption') caption = textOf(child);
  }
  if (!caption) caption = (grid.getAttribute('aria-label') ?? '').trim();
  return { objects: readGridObjects(rows, header), caption };
}

// Containers other than tables that may draw a rights grid: div rows, lists, a CSS grid of cells.
const LOOSE_GRIDS = new Set(['div', 'ul', 'ol', 'section', 'form', 'fieldset']);

function checkIn(cell: Element): Element | null {
  return isCheckControl(cell) ? cell : findCheckIn(cell);
}

/**
 * A rights grid drawn without a table: its header row (no controls, two or more of List/View/Add/Edit/
 * Delete) names the columns; each row's name is its row header or first text cell.
 */
function readLooseRightsGrid(container: Element): { objects: PermissionObjectRow[]; caption: string } | null {
  const table = readTable(container);
  if (!table?.header) return null;
  const headerText = table.header.cells.map((c) => shortText(c, 40) ?? '');
  if (headerText.filter((t) => BASIC_RIGHTS.has(t.toLowerCase())).length < 2) return null;
  const headerCol = new Map<number, string>();
  cellColumns(table.header.cells).forEach((col, i) => {
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
      const shown = control || !nameCell ? null : stateFromText(shortText(cell, 20));
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
      const right = headerCol.get(col) ?? rightFromAriaLabel(control, name);
      if (right) rights.push({ right, granted: shown ?? isControlChecked(control), control });
    }
    if (rights.length) objects.push({ name, rights, row: row.el });
  }
  if (!objects.length) return null;
  return { objects, caption: (container.getAttribute('aria-label') ?? '').trim() };
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
      if (grid) {
        const title = pendingTitle || grid.caption || groupLabel.replace(/(?<!\s)\s*shortcuts?$/i, '') || 'Permissions';
        const section: PermissionSection = { title, shortcut: null, shortcutRadios: [], objects: grid.objects, grid: el };
        current().sections.push(section);
        drafts.push({ section, radios: pendingRadios });
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

// ---- the Subscriptions pages -------------------------------------------------------------------------

function findSubject(doc: Document): PageSubject | null {
  for (const entry of readContextLines(doc, 12)) {
    const who = subjectOf(entry);
    if (who) return who;
  }
  for (const heading of Array.from(doc.querySelectorAll('h1, h2, [role="heading"], .pagetitle, title'))) {
    const who = subjectFromHeading(textOf(heading));
    if (who) return who;
  }
  return null;
}

const CHECKS = 'input[type="checkbox"], [role="checkbox"], [role="switch"]';

function checksIn(el: Element): number {
  return el.querySelectorAll(CHECKS).length;
}

interface ControlRow {
  /** What holds the rows of one list: a table, a list, a grid container. */
  container: Element;
  row: LogicalRow;
}

/**
 * The row a subscribe checkbox sits in, whatever draws it: a table or ARIA row, a list item, a div that
 * holds this checkbox and no other, or — in a CSS grid whose cells are siblings — the cells of its line.
 */
function rowOfControl(control: Element): ControlRow | null {
  const explicit = control.closest('tr, [role="row"], li, [role="listitem"]');
  if (explicit) {
    const container = explicit.closest('table, [role="grid"], [role="table"], [role="treegrid"], ul, ol, [role="list"]') ?? explicit.parentElement;
    return container ? { container, row: { el: explicit, cells: rowCells(explicit) } } : null;
  }
  let node: Element = control;
  for (let depth = 0; depth < 6; depth++) {
    const parent = node.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'form' || checksIn(parent) > 1) break;
    node = parent;
  }
  const container = node.parentElement;
  if (!container) return null;
  const table = readTable(container);
  const line = table?.rows.find((r) => r.el === node || r.cells.includes(node));
  if (line) return { container, row: line };
  return { container, row: { el: node, cells: node === control ? [control] : rowCells(node) } };
}

function isPermissionsAction(el: Element): boolean {
  const n = el.localName;
  const actionable = n === 'a' || n === 'button' || el.getAttribute('role') === 'link' || el.getAttribute('role') === 'button';
  if (!actionable) return false;
  const text = textOf(el) || el.getAttribute('aria-label') || el.getAttribute('title') || '';
  return /^(permissions|view permissions|edit permissions|set permissions)$/i.test(text.trim()) || /\bpermissions$/i.test(el.getAttribute('aria-label') ?? '');
}

function rowElements(row: LogicalRow): Element[] {
  return row.cells.length && row.el !== row.cells[0] ? [row.el] : row.cells;
}

function permissionsLinkIn(row: LogicalRow): Element | undefined {
  for (const root of rowElements(row)) {
    if (isPermissionsAction(root)) return root;
    const found = Array.from(root.querySelectorAll('a, button, [role="link"], [role="button"]')).find(isPermissionsAction);
    if (found) return found;
  }
  return undefined;
}

function labelOfControl(control: Element): string {
  const doc = control.ownerDocument;
  const id = control.getAttribute('id');
  if (id) {
    for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
      if (label.getAttribute('for') === id && textOf(label)) return textOf(label);
    }
  }
  const wrapping = control.closest('label');
  if (wrapping && textOf(wrapping)) return textOf(wrapping);
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((ref) => textOf(doc.getElementById(ref)))
      .join(' ')
      .trim();
    if (text) return text;
  }
  const aria = (control.getAttribute('aria-label') ?? '').trim();
  return /^ia\./i.test(aria) ? '' : aria;
}

const NOT_A_NAME = /^(permissions|view permissions|subscribed|yes|no|on|off|configure|subscribe)$/i;

function applicationColumn(columns: readonly string[]): number {
  return columns.findIndex((c) => /\b(application|module|name)\b/.test(c));
}

/** A read-only Subscriptions page: an Application column and a Subscribed column that says Yes or No. */
function readOnlySubscriptions(doc: Document): SubscriptionRow[] {
  const out: SubscriptionRow[] = [];
  const tables = findTables(doc, (cols) => applicationColumn(cols) >= 0 && cols.some((c) => /subscri/.test(c)));
  for (const table of tables) {
    const subscribedAt = table.columns.findIndex((c) => /subscri/.test(c));
    const nameAt = applicationColumn(table.columns);
    for (const row of table.rows) {
      const nameCell = cellUnder(table, row, [table.columns[nameAt] ?? '']);
      const stateCell = cellUnder(table, row, [table.columns[subscribedAt] ?? '']);
      const state = stateCell ? stateFromText(shortText(stateCell, 40)) : null;
      const name = nameCell ? (shortText(nameCell, 80) ?? '') : '';
      if (!name || state === null || !stateCell) continue;
      const link = permissionsLinkIn(row);
      out.push({ name, subscribed: state, control: stateCell, ...(link ? { permissionsLink: link } : {}) });
    }
  }
  return out;
}

/**
 * Reads a role's or user's Subscriptions page: one entry per application row that has a subscribe
 * checkbox, in whatever structure the page lists them (table, list, ARIA grid, div rows, CSS grid). The
 * name comes from the Application/Module column, then the checkbox's label, then the row's text.
 */
export function readSubscriptionsPage(doc: Document): SubscriptionsPage {
  const groups = new Map<Element, { rows: SubscriptionRow[]; links: number; known: number; named: boolean }>();
  const headerOf = new Map<Element, { columns: string[]; header: LogicalRow | null }>();
  for (const control of Array.from(doc.querySelectorAll(CHECKS))) {
    if (!isCheckControl(control) && control.getAttribute('role') !== 'switch') continue;
    // A "select all" box in the header row is not an application.
    if (control.closest('thead, [role="columnheader"]')) continue;
    const located = rowOfControl(control);
    if (!located) continue;
    const { container, row } = located;
    let head = headerOf.get(container);
    if (!head) {
      const table = readTable(container);
      head = { columns: table?.columns ?? [], header: table?.header ?? null };
      headerOf.set(container, head);
    }
    if (head.header && (head.header.el === row.el || head.header.cells.some((c) => c.contains(control)))) continue;
    const nameAt = applicationColumn(head.columns);
    let nameCell: Element | undefined;
    if (nameAt >= 0 && head.header) {
      const col = cellColumns(head.header.cells)[nameAt];
      const starts = cellColumns(row.cells);
      const i = starts.indexOf(col ?? -1);
      nameCell = i >= 0 ? row.cells[i] : undefined;
    }
    const name =
      (nameCell && !nameCell.contains(control) && !NOT_A_NAME.test(textOf(nameCell)) ? textOf(nameCell) : '') ||
      labelOfControl(control) ||
      (row.cells.map((c) => (c.contains(control) ? '' : (shortText(c, 80) ?? ''))).find((t) => t && !NOT_A_NAME.test(t)) ?? '');
    if (!name) continue;
    const link = permissionsLinkIn(row);
    const group = groups.get(container) ?? { rows: [], links: 0, known: 0, named: nameAt >= 0 };
    group.rows.push({ name, subscribed: isControlChecked(control), control, ...(link ? { permissionsLink: link } : {}) });
    if (link) group.links++;
    if (isKnownApplication(name)) group.known++;
    groups.set(container, group);
  }
  const applications: SubscriptionRow[] = [];
  // Other checkbox lists (filters, preferences) have no Application column, no Permissions links and no
  // application names.
  for (const group of groups.values()) if (group.named || group.links > 0 || group.known >= 2) applications.push(...group.rows);
  if (applications.length === 0) applications.push(...readOnlySubscriptions(doc));
  return { subject: findSubject(doc), applications };
}
