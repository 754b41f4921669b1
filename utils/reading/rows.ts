import { isGenericName } from './accessible';
import { holdsControl } from './controls';
import { visibleLabel } from './names';
import { queryAllDeep } from './tree';
import { normalizeLabel, shortText } from './text';

/**
 * Rows and cells from any structure (docs/intacct.md#page-markup): `<table>` rows, ARIA `grid`/`row`/`gridcell`, list
 * items, repeated div rows, and a CSS grid whose cells are all children of one container (rows are then
 * implied by the header's width). Readers of sender IDs, roles, subscriptions and rights share this.
 */

export interface LogicalRow {
  /** The row element; for a flat CSS grid, the row's first cell. */
  el: Element;
  cells: Element[];
}

export interface LogicalTable {
  el: Element;
  header: LogicalRow | null;
  /** Normalized header texts by cell position. */
  columns: string[];
  /** Body rows (the header row excluded). */
  rows: LogicalRow[];
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
const ROWGROUP = new Set(['thead', 'tbody', 'tfoot']);
const NOT_CELLS = new Set(['script', 'style', 'template']);

function isCellCandidate(el: Element): boolean {
  if (NOT_CELLS.has(el.localName)) return false;
  return !(el.localName === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden');
}

export function isTableCell(el: Element): boolean {
  const n = el.localName;
  if (n === 'td' || n === 'th') return true;
  const role = el.getAttribute('role');
  return role !== null && CELL_ROLES.has(role);
}

function isRowEl(el: Element): boolean {
  const n = el.localName;
  if (n === 'tr' || n === 'li') return true;
  const role = el.getAttribute('role');
  return role === 'row' || role === 'listitem';
}

/** The cells of a row: table or ARIA cells where the row has them, else its element children. */
export function rowCells(row: Element): Element[] {
  const all = Array.from(row.children).filter(isCellCandidate);
  const cells = all.filter(isTableCell);
  return cells.length ? cells : all;
}

function explicitRows(container: Element, out: Element[], depth = 0): void {
  for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
    if (isRowEl(child)) out.push(child);
    else if (depth < 3 && (ROWGROUP.has(child.localName) || child.getAttribute('role') === 'rowgroup')) explicitRows(child, out, depth + 1);
  }
}

/**
 * Repeated div rows: every child but at most one has two or more element children of its own (the one
 * may be a placeholder line such as "No roles yet").
 */
function divRows(container: Element): Element[] | null {
  const children = Array.from(container.children).filter(isCellCandidate);
  if (children.length < 2) return null;
  const rows = children.filter((c) => c.childElementCount >= 2);
  return rows.length >= 1 && rows.length >= children.length - 1 ? children : null;
}

function cellText(cell: Element): string {
  return normalizeLabel(shortText(cell, 80) ?? '');
}

/** A header row: no control, and at least two cells with text. */
function isHeaderRow(cells: readonly Element[]): boolean {
  if (cells.length < 2) return false;
  let texts = 0;
  for (const c of cells) {
    if (holdsControl(c)) return false;
    if (cellText(c)) texts++;
  }
  return texts >= 2;
}

function withHeader(el: Element, rows: LogicalRow[]): LogicalTable {
  const headerAt = rows.slice(0, 3).findIndex((r) => isHeaderRow(r.cells));
  const header = headerAt >= 0 ? (rows[headerAt] ?? null) : null;
  return {
    el,
    header,
    columns: header ? header.cells.map(cellText) : [],
    rows: headerAt >= 0 ? rows.slice(headerAt + 1) : rows,
  };
}

/**
 * A CSS grid whose cells are all children of `container`: the leading text-only cells are the header (and
 * perhaps the first row's name cell); the width that divides the cells evenly, with a control in every
 * data row, is the row width.
 */
function flatGrid(container: Element): LogicalTable | null {
  const cells = Array.from(container.children).filter(isCellCandidate);
  if (cells.length < 4) return null;
  // Header cells may be empty (a column of links has no title), so count every leading cell without a
  // control, then require text in at least two header cells.
  let leading = 0;
  while (leading < cells.length && leading < 16 && !holdsControl(cells[leading] as Element)) leading++;
  for (const width of [leading, leading - 1]) {
    if (cells.slice(0, width).filter((c) => cellText(c)).length < 2) continue;
    if (width < 2 || cells.length % width !== 0 || cells.length === width) continue;
    const rows: LogicalRow[] = [];
    for (let i = width; i < cells.length; i += width) {
      const chunk = cells.slice(i, i + width);
      rows.push({ el: chunk[0] as Element, cells: chunk });
    }
    if (!rows.every((r) => r.cells.some(holdsControl))) continue;
    const header = { el: cells[0] as Element, cells: cells.slice(0, width) };
    return { el: container, header, columns: header.cells.map(cellText), rows };
  }
  return null;
}

/** The rows of `container` in whichever structure it uses, or null when it has none. */
export function readTable(container: Element): LogicalTable | null {
  const explicit: Element[] = [];
  explicitRows(container, explicit);
  if (explicit.length) return withHeader(container, explicit.map((el) => ({ el, cells: rowCells(el) })));
  if (container.localName === 'table') return null;
  const divs = divRows(container);
  if (divs) return withHeader(container, divs.map((el) => ({ el, cells: rowCells(el) })));
  return flatGrid(container);
}

const CONTAINERS = 'table, [role="grid"], [role="table"], [role="treegrid"], [role="list"], ul, ol, div, section';

/**
 * Every table-like container whose header satisfies `accept`, innermost first: a layout table around the
 * real one never wins over it. `limit` bounds the containers examined on a big page.
 */
export function findTables(root: ParentNode, accept: (columns: readonly string[]) => boolean, limit = 3000): LogicalTable[] {
  const out: LogicalTable[] = [];
  // A whole document is read with its open shadow roots; a part of one, as it is.
  const found = (root as Node).nodeType === 9 ? queryAllDeep(root as Document, CONTAINERS) : Array.from(root.querySelectorAll(CONTAINERS));
  const n = Math.min(found.length, limit);
  for (let i = 0; i < n; i++) {
    const el = found[i] as Element;
    if (el.childElementCount < 2 && el.localName !== 'table') continue;
    const table = readTable(el);
    if (table && table.columns.length && accept(table.columns)) out.push(table);
  }
  // Innermost first: drop a container that holds another accepted one.
  return out.filter((t) => !out.some((o) => o !== t && t.el.contains(o.el)));
}

function span(cell: Element): number {
  const n = Number(cell.getAttribute('colspan') ?? cell.getAttribute('aria-colspan') ?? '1');
  return Number.isFinite(n) && n > 1 ? Math.floor(n) : 1;
}

/** The column each cell starts at, colspans counted. */
export function cellColumns(cells: readonly Element[]): number[] {
  const out: number[] = [];
  let col = 0;
  for (const c of cells) {
    out.push(col);
    col += span(c);
  }
  return out;
}

/** The cell of `row` under the column whose header is one of `names`, or undefined (a row spanning it). */
export function cellUnder(table: LogicalTable, row: LogicalRow, names: readonly string[]): Element | undefined {
  const at = table.columns.findIndex((c) => names.includes(c));
  if (at < 0 || !table.header) return undefined;
  // One cell under a wider header spans it: a placeholder ("No roles assigned"), not a value of any column.
  if (row.cells.length === 1 && table.columns.length > 1) return undefined;
  const col = cellColumns(table.header.cells)[at];
  const starts = cellColumns(row.cells);
  const i = starts.indexOf(col ?? -1);
  if (i < 0) return undefined;
  const cell = row.cells[i];
  // A placeholder row ("No authorizations yet") spans several columns with one cell: it has no value here.
  return cell && span(cell) === span(table.header.cells[at] as Element) ? cell : undefined;
}

const ROW_CONTAINERS = 'table, [role="grid"], [role="table"], [role="treegrid"], ul, ol, [role="list"]';
const TOGGLES = 'input[type="checkbox"], [role~="checkbox"], [role~="switch"], [aria-pressed]';

export interface ControlRow {
  /** What holds the rows of one list: a table, a list, a grid container, the parent of repeated blocks. */
  container: Element;
  row: LogicalRow;
}

/**
 * The row a box sits in, whatever draws it: a table or ARIA row, a list item, a block (card) that holds
 * this box and no other, or — in a CSS grid whose cells are siblings — the cells of its line.
 */
export function rowOfControl(control: Element): ControlRow | null {
  const explicit = control.closest('tr, [role="row"], li, [role="listitem"]');
  if (explicit) {
    const container = explicit.closest(ROW_CONTAINERS) ?? explicit.parentElement;
    return container ? { container, row: { el: explicit, cells: rowCells(explicit) } } : null;
  }
  let node: Element = control;
  for (let depth = 0; depth < 6; depth++) {
    const parent = node.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'form' || parent.querySelectorAll(TOGGLES).length > 1) break;
    node = parent;
  }
  const container = node.parentElement;
  if (!container) return null;
  const table = readTable(container);
  const line = table?.rows.find((r) => r.el === node || r.cells.includes(node));
  if (line) return { container, row: line };
  return { container, row: { el: node, cells: node === control ? [control] : rowCells(node) } };
}

/** Whether `el` is a link or button: its text is an action ("Permissions", "Subscribe"), not a name. */
function isAction(el: Element): boolean {
  const n = el.localName;
  const role = el.getAttribute('role');
  return n === 'a' || n === 'button' || role === 'button' || role === 'link';
}

/**
 * A row's name as a person reads it: its row header, else its first text that is neither an action nor
 * inside `except` (the box itself), else the first action's text (an application written as a link).
 */
export function rowName(row: LogicalRow, except: Element, isNoName: (text: string) => boolean = () => false): string {
  const roots = row.cells.length && row.el !== row.cells[0] ? [row.el] : row.cells;
  const header = roots.flatMap((r) => (r.matches('th[scope="row"], [role="rowheader"]') ? [r] : Array.from(r.querySelectorAll('th[scope="row"], [role="rowheader"]'))))[0];
  if (header && !header.contains(except)) {
    const text = shortText(header, 120);
    if (text && !isNoName(text)) return text;
  }
  let linkText = '';
  for (const root of roots) {
    const walker = root.ownerDocument.createTreeWalker(root, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || except.contains(node) || parent.closest('script, style, template, [aria-hidden="true"]')) continue;
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (!text || isNoName(text) || !/\p{L}/u.test(text)) continue;
      const action = parent.closest('a, button, [role="button"], [role="link"]');
      if (action && isAction(action)) {
        linkText ||= shortText(action, 120) ?? '';
        continue;
      }
      // The whole phrase of the element holding it ("Time & <b>Expenses</b>" is one name).
      return shortText(parent, 120) ?? text;
    }
  }
  return linkText;
}

const BOXES = 'input[type="checkbox"], [role~="checkbox"], [role~="switch"], [aria-pressed]';

/**
 * The name of a box in a row: a row with one box is named by the row (its first text); a row holding
 * several boxes names each by its own words ("☐ Administration ☐ Accounts Receivable" on one line).
 */
export function nameOfBoxInRow(control: Element, row: LogicalRow, isNoName: (text: string) => boolean): string {
  const roots = row.cells.length && row.el !== row.cells[0] ? [row.el] : row.cells;
  const boxes = roots.reduce((n, r) => n + (r.matches(BOXES) ? 1 : 0) + r.querySelectorAll(BOXES).length, 0);
  const beside = (): string => {
    const text = visibleLabel(control);
    return text && !isGenericName(text) && !isNoName(text) ? text : '';
  };
  return boxes > 1 ? beside() || rowName(row, control, isNoName) : rowName(row, control, isNoName) || beside();
}
