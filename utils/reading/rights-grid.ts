import { accessibleName } from './accessible';
import { holdsControl, isCheckControl, isControlChecked, isToggleButton, stateShownBy } from './controls';
import { isBasicVerb, isRightVerb } from './rights';
import { cellColumns, readTable, type LogicalRow } from './rows';
import { normalizeLabel, shortText, squash } from './text';

/**
 * Grids of rights in any structure (docs/intacct.md, "Permissions"): rows of objects ("Journal entries"),
 * each with boxes (check boxes, ARIA checkboxes, toggle buttons, or in view mode ticks and words) under
 * verb heads ("List", "View", … "Run"), or with the verb printed beside each box. One table may hold
 * several sections, each under a full-width title row, with its shortcut radios. A permissions window can
 * hold 6,000 boxes, so a grid is read through its rows' direct cells, and a box's own words are read only
 * where no verb head names it.
 */

export interface RightCell {
  /** The verb as the page shows it: "List", "View", "Reverse", … */
  right: string;
  granted: boolean;
  /** The box, or in view mode the element showing the state. */
  control: Element;
}

export interface PermissionObjectRow {
  /** As the row shows it: "Journal entries". */
  name: string;
  /** Only the rights this object has: a cell without a box is a right the object lacks. */
  rights: RightCell[];
  /** The row, for pointing at it. */
  row: Element;
}

/** One section of a rights grid. */
export interface GridSegment {
  /** The section's own title, where the grid carries one (a title row, its fieldset's legend). */
  title: string | null;
  /** Shortcut radios inside the grid (All / Read only / …), in page order. */
  radios: Element[];
  objects: PermissionObjectRow[];
}

export interface RightsGrid {
  segments: GridSegment[];
  /** A caption or label of the whole grid. */
  caption: string;
}

function textOf(el: Element | null | undefined): string {
  return el ? squash(el.textContent) : '';
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

function isRow(el: Element): boolean {
  return el.localName === 'tr' || el.getAttribute('role') === 'row';
}

function isCell(el: Element): boolean {
  const n = el.localName;
  if (n === 'td' || n === 'th') return true;
  const role = el.getAttribute('role');
  return role !== null && CELL_ROLES.has(role);
}

function isHeaderCell(el: Element): boolean {
  return el.localName === 'th' || el.getAttribute('role') === 'columnheader';
}

function collectRows(container: Element, out: Element[], depth = 0): void {
  for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
    if (isRow(child)) out.push(child);
    // Row groups (thead/tbody, role=rowgroup) and wrapper divs sit between a grid and its rows.
    else if (depth < 4 && child.localName !== 'table' && child.getAttribute('role') !== 'grid') collectRows(child, out, depth + 1);
  }
}

function spanOf(cell: Element): number {
  const span = Number(cell.getAttribute('colspan') ?? '1');
  return Number.isFinite(span) && span > 1 ? span : 1;
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

/** A box in a cell, looked for a few levels down only: cells wrap it in a span or a label at most. */
export function findCheckIn(cell: Element, depth = 3): Element | null {
  for (let child = cell.firstElementChild; child; child = child.nextElementSibling) {
    if (isCheckControl(child)) return child;
    if (depth > 1 && child.firstElementChild) {
      const deeper = findCheckIn(child, depth - 1);
      if (deeper) return deeper;
    }
  }
  return null;
}

const CHECKS = 'input[type="checkbox"], [role~="checkbox"], [role~="switch"], [aria-pressed]';

/**
 * Every box of a cell. Nearly every cell holds one, found as its first child; a cell may hold several
 * with a verb printed beside each ("☐ List ☐ View"), looked for only when it has more than one element.
 */
function boxesIn(cell: Element): Element[] {
  // The common case of a big grid, without a role lookup: a cell holding one native check box.
  const only = cell.childElementCount === 1 ? cell.firstElementChild : null;
  if (only && only.localName === 'input' && (only as HTMLInputElement).type === 'checkbox') return [only];
  const first = isCheckControl(cell) ? cell : findCheckIn(cell);
  if (!first) return [];
  if (first === cell || cell.childElementCount <= 1) return [first];
  return Array.from(cell.querySelectorAll(CHECKS)).filter(isCheckControl);
}

// Verbs a Subscriptions page also writes over its columns ("Application | Subscribe | Permissions").
const SUBSCRIPTION_WORDS = new Set(['subscribe', 'permissions', 'configure', 'enable']);

/**
 * A header row of rights: two or more of List/View/Add/Edit/Delete, or a row whose every head after the
 * first is a verb (List, View, … Run, Upload — reading/rights.ts), as "Permission | Run" under Reports —
 * but not only the words a Subscriptions page puts over its columns.
 */
export function headerVerbs(texts: readonly string[]): boolean {
  const heads = texts.map(normalizeLabel);
  if (heads.filter(isBasicVerb).length >= 2) return true;
  // The first head is the objects' column, often blank.
  const rest = heads.slice(1).filter(Boolean);
  return rest.length > 0 && rest.every((t) => isRightVerb(t) || t.startsWith('other')) && rest.some((t) => isRightVerb(t) && !SUBSCRIPTION_WORDS.has(t));
}

interface GridHeader {
  headerRow: Element | null;
  /** Columns the header spans; a body row with as many cells needs no colspan lookups. */
  width: number;
  /** Column index → right name as shown. */
  columns: Map<number, string>;
  /** Column index → whether its head is a verb: worked out once per grid, not once per box. */
  verbs: Map<number, boolean>;
}

/** The head of a grid that has none: each box's right is the verb printed beside it, or it is no right. */
const HEADLESS: GridHeader = { headerRow: null, columns: new Map(), width: -1, verbs: new Map() };

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
  const verbs = new Map([...columns].map(([col, text]) => [col, isRightVerb(normalizeLabel(text))]));
  return { headerRow: row, columns, width: last ? last.col + spanOf(last.cell) : 0, verbs };
}

/**
 * A box's own verb, where the page prints one beside it ("☐ Run", a toggle button "List",
 * `aria-label="Accounts Delete"`): read only when its column head is not a verb, so a 6,000-box grid with
 * proper heads never pays for it.
 */
function ownVerb(control: Element, objectName: string): string | null {
  const candidates: string[] = [];
  const label = control.closest('label');
  if (label) candidates.push(textOf(label));
  const aria = control.getAttribute('aria-label') ?? control.getAttribute('title');
  if (aria) candidates.push(aria.trim());
  if (isToggleButton(control) || control.getAttribute('role') === 'checkbox') candidates.push(textOf(control));
  const after = control.nextSibling;
  if (after?.nodeType === 3) candidates.push(squash(after.nodeValue));
  const next = control.nextElementSibling;
  if (next && (next.localName === 'label' || next.localName === 'span')) candidates.push(textOf(next));
  if (!candidates.some(Boolean)) candidates.push(accessibleName(control));
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
function rightOf(control: Element, head: string | undefined, objectName: string, headIsVerb = head !== undefined && isRightVerb(normalizeLabel(head))): string | null {
  if (head && headIsVerb) return head;
  return ownVerb(control, objectName) ?? (head || null);
}

/** One object's row: its name (row header, else first text cell) and every box it has. */
function readObjectRow(row: Element, header: GridHeader, cells: readonly Element[]): PermissionObjectRow | null {
  // Attribute lookups dominate a big grid's cost, so colspans are read only when the count is off.
  const plain = cells.length === header.width;
  let nameCell: Element | null = null;
  let firstTextCell: Element | null = null;
  let nameCol = -1;
  const found: { control: Element; col: number; shown?: boolean }[] = [];
  let col = 0;
  // Columns holding several boxes (each with its verb beside it): rare, so only they are tracked.
  let shared: Set<number> | null = null;
  for (const cell of cells) {
    const here = col;
    col += plain ? 1 : spanOf(cell);
    const boxes = boxesIn(cell);
    // A read-only view shows the state as a mark ("✓", "✗") or a tick image: the cell stands for the box.
    const shown = boxes.length || !(nameCell || firstTextCell) ? null : stateShownBy(cell);
    if (boxes.length > 1) (shared ??= new Set()).add(here);
    if (boxes.length) for (const control of boxes) found.push({ control, col: here });
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
  const name = textOf(nameCell ?? firstTextCell) || squash(row.getAttribute('aria-label'));
  if (!name) return null;
  const rights: RightCell[] = [];
  for (const { control, col: at, shown } of found) {
    if (at === nameCol) continue;
    // Several boxes in one cell each carry their own verb; one alone goes by its column head.
    const alone = !shared?.has(at);
    const right = rightOf(control, alone ? header.columns.get(at) : undefined, name, alone && header.verbs.get(at) === true);
    if (right) rights.push({ right, granted: shown ?? isControlChecked(control), control });
  }
  return rights.length ? { name, rights, row } : null;
}

const RADIOS = 'input[type="radio"], [role~="radio"]';
const NESTED_GRID = 'table, tr, [role="row"], [role="grid"], fieldset';

/**
 * A table or ARIA grid of rights, read row by row: a full-width row with text and nothing else starts a
 * section ("Reports"), a row of radios holds that section's shortcuts, a row of verb heads names the
 * columns, and every other row is an object with its boxes (without any head, each box by its printed verb).
 */
function readTableGrid(grid: Element): RightsGrid | null {
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
    const object = readObjectRow(row, header ?? HEADLESS, cells);
    // Without a head, a row counts where its boxes name two rights or more, or once the grid has such rows
    // ("☐ Run" alone under Reports): a lone "☐ Enable" box elsewhere is no grid.
    if (object && (header || object.rights.length >= 2 || headless > 0)) {
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
  if (!caption) caption = squash(grid.getAttribute('aria-label'));
  return { segments: segments.filter((seg) => seg.objects.length > 0), caption };
}

/** A container's own title: a fieldset's legend, else its ARIA label. */
function containerTitle(container: Element): string {
  if (container.localName === 'fieldset') {
    const legend = Array.from(container.children).find((c) => c.localName === 'legend');
    if (legend) return textOf(legend);
  }
  return squash(container.getAttribute('aria-label')) || (container.hasAttribute('aria-labelledby') ? accessibleName(container) : '');
}

/**
 * A rights grid drawn without a table — div rows, list items, a CSS grid of cells, groups of toggle
 * buttons: its head row (no boxes, verb heads) names the columns; without one, each box carries its verb.
 * Each row's name is its row header or first text cell.
 */
function readLooseGrid(container: Element): RightsGrid | null {
  // A container holding a table or a grid is a wrapper around the real grid, which is read on its own; one
  // without a box or a tick has no rights to read (view mode's ticks are words or images in its cells).
  if (container.querySelector('table, [role="grid"]')) return null;
  if (!container.querySelector(CHECKS) && !container.querySelector('img, svg') && !/[✓✔☑✗✘☐]|\b(yes|no)\b/i.test(container.textContent ?? '')) return null;
  const read = readTable(container);
  if (!read) return null;
  let header: LogicalRow | null = read.header;
  let rows = read.rows;
  if (header && !headerVerbs(header.cells.map((c) => shortText(c, 40) ?? ''))) {
    // A head of other words ("Name | Description") is no rights grid, unless its rows carry their verbs.
    rows = [header, ...rows];
    header = null;
  }
  // A head row with a blank objects' column and one verb ("  | Run") has one text: read it as the head
  // when every text it has is a verb.
  if (!header) {
    const first = rows[0];
    const texts = first ? first.cells.map((c) => shortText(c, 40) ?? '') : [];
    if (first && first.cells.length >= 2 && !first.cells.some(holdsControl) && headerVerbs(texts)) {
      header = first;
      rows = rows.slice(1);
    }
  }
  const headCol = new Map<number, string>();
  const headVerb = new Map<number, boolean>();
  if (header) {
    const texts = header.cells.map((c) => shortText(c, 40) ?? '');
    cellColumns(header.cells).forEach((col, i) => {
      const text = texts[i];
      if (text) {
        headCol.set(col, text);
        headVerb.set(col, isRightVerb(normalizeLabel(text)));
      }
    });
  }
  const objects: PermissionObjectRow[] = [];
  const radios: Element[] = [];
  for (const row of rows) {
    // A row that holds a table or a grid of its own is a wrapper around the real grid, read on its own.
    if (row.el.matches('table, [role="grid"], fieldset') || row.cells.some((c) => c.matches(NESTED_GRID) || c.querySelector(NESTED_GRID) !== null)) continue;
    const starts = cellColumns(row.cells);
    let name = '';
    let nameCell: Element | null = null;
    const found: { control: Element; col: number; shown?: boolean }[] = [];
    row.cells.forEach((cell, i) => {
      const boxes = boxesIn(cell);
      const shown = boxes.length || !nameCell ? null : stateShownBy(cell);
      if (boxes.length) for (const control of boxes) found.push({ control, col: starts[i] ?? i });
      else if (shown !== null) found.push({ control: cell, col: starts[i] ?? i, shown });
      else if (!nameCell && (cell.localName === 'th' || cell.getAttribute('role') === 'rowheader' || shortText(cell, 120))) {
        nameCell = cell;
        name = shortText(cell, 120) ?? '';
      }
    });
    if (!found.length) {
      // A row of radios without boxes: the section's shortcuts (All / Read only / …).
      radios.push(...Array.from(row.el.querySelectorAll(RADIOS)));
      continue;
    }
    name ||= squash(row.el.getAttribute('aria-label'));
    if (!name) continue;
    const rights: RightCell[] = [];
    for (const { control, col, shown } of found) {
      const alone = header !== null && found.filter((f) => f.col === col).length === 1;
      const right = rightOf(control, alone ? headCol.get(col) : undefined, name, alone && headVerb.get(col) === true);
      if (right) rights.push({ right, granted: shown ?? isControlChecked(control), control });
    }
    // Without a head, a row counts where its boxes name two rights or more, or once the grid has such rows.
    if (rights.length && (header || rights.length >= 2 || objects.length > 0)) objects.push({ name, rights, row: row.el });
  }
  if (!objects.length) return null;
  const title = containerTitle(container);
  return { segments: [{ title: container.localName === 'fieldset' && title ? title : null, radios, objects }], caption: title };
}

// Containers other than tables that may draw a rights grid: div rows, lists, a CSS grid of cells.
const LOOSE_GRIDS = new Set(['div', 'ul', 'ol', 'section', 'form', 'fieldset']);

/**
 * The rights grid `el` draws, or null. Table-like elements (tables, ARIA grids) are read row by row;
 * div rows, lists and fieldsets as loose grids.
 */
export function readRightsGrid(el: Element): RightsGrid | null {
  const name = el.localName;
  const role = el.getAttribute('role');
  const tableLike = name === 'table' || role === 'grid' || role === 'table';
  if (tableLike) return readTableGrid(el) ?? readLooseGrid(el);
  if ((LOOSE_GRIDS.has(name) && el.childElementCount >= 2) || role === 'list' || role === 'rowgroup') {
    const grid = readLooseGrid(el);
    // The innermost grid wins: a wrapper whose child is itself a grid of rows is read through that child.
    if (grid && Array.from(el.children).some((c) => c.childElementCount >= 2 && readLooseGrid(c) !== null)) return null;
    return grid;
  }
  return null;
}

const GRID_CANDIDATES = 'table, [role="grid"], [role="table"], fieldset, div, section, ul, ol, form, [role="list"]';

/**
 * Every rights grid of a page (its open shadow roots too), outermost readable first, without reading a grid
 * inside one already read: what detection weighs as the Permissions window's content.
 */
export function readRightsGrids(roots: readonly (Document | ShadowRoot)[]): RightsGrid[] {
  const out: RightsGrid[] = [];
  const read: Element[] = [];
  for (const root of roots) {
    const found = root.querySelectorAll(GRID_CANDIDATES);
    for (let i = 0; i < found.length; i++) {
      const el = found[i] as Element;
      // A table with one tbody has one child; other containers need at least a head and a row.
      if ((el.childElementCount < 2 && el.localName !== 'table') || read.some((r) => r.contains(el))) continue;
      const grid = readRightsGrid(el);
      if (grid && grid.segments.length) {
        out.push(grid);
        read.push(el);
      }
    }
  }
  return out;
}
