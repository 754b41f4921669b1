import { normalizeText } from '@/utils/pages/signals';
import { isControl, readControl } from './form-field';

// The Web Services authorizations list on Company Information › Security (reference §3.3). Found by its
// column headings, never by id, because the markup of classic pages is not public (reference §7).

export interface SenderAuthorization {
  /**
   * As the page shows it. Intacct compares sender IDs exactly (reference §3.3), so stray spaces are kept:
   * a sender saved as " expensify" is a different sender and must show up as a problem.
   */
  senderId: string;
  description: string;
  status: string;
  row: Element;
}

const HEADER_CELLS = 'th, [role="columnheader"]';
const ROW_CELLS = 'td, th, [role="cell"], [role="gridcell"], [role="rowheader"]';

interface Columns {
  senderId: number;
  description: number;
  status: number;
}

function cellsOf(row: Element, selector: string): Element[] {
  return Array.from(row.children).filter((c) => c.matches(selector));
}

/** Column positions when this row is the authorizations table's header row. */
function columnsOf(row: Element): Columns | null {
  const names = cellsOf(row, HEADER_CELLS).map((c) => normalizeText(c.textContent));
  const senderId = names.indexOf('sender id');
  const description = names.indexOf('description');
  const status = names.indexOf('status');
  if (senderId < 0 || description < 0 || status < 0) return null;
  return { senderId, description, status };
}

const TABLES = 'table, [role="grid"], [role="table"]';
const ROWS = 'tr, [role="row"]';

function rowsOf(table: Element): Element[] {
  return Array.from(table.querySelectorAll(ROWS));
}

/**
 * The authorizations table and its columns, or null when the page has none (another tab is showing).
 * The table is the header row's own (closest) one: classic pages lay out the whole page in an outer
 * table, and every later row of that one is not a sender.
 */
function locate(doc: Document): { table: Element; header: Element; columns: Columns } | null {
  for (const row of Array.from(doc.querySelectorAll(ROWS))) {
    const columns = columnsOf(row);
    const table = columns ? row.parentElement?.closest(TABLES) : null;
    if (columns && table) return { table, header: row, columns };
  }
  return null;
}

export function findSenderAuthorizationTable(doc: Document): Element | null {
  try {
    return locate(doc)?.table ?? null;
  } catch {
    return null;
  }
}

/**
 * A cell's text without the line breaks and indentation of the page's markup, but with any spaces that
 * are part of the value. An editable grid keeps its value in a control.
 */
function cellValue(cell: Element | undefined): string {
  if (!cell) return '';
  const control = Array.from(cell.querySelectorAll('input, select, textarea')).find(isControl);
  if (control) return readControl(control).value;
  return (cell.textContent ?? '').replace(/^[ \u00a0]*[\r\n\t][\s\u00a0]*/, '').replace(/[\s\u00a0]*[\r\n\t][ \u00a0]*$/, '');
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Every sender row of the Web Services authorizations table, in page order. Never throws. */
export function readSenderAuthorizations(doc: Document): SenderAuthorization[] {
  try {
    const located = locate(doc);
    if (!located) return [];
    const { table, header, columns } = located;
    const out: SenderAuthorization[] = [];
    let afterHeader = false;
    for (const row of rowsOf(table)) {
      if (row === header) {
        afterHeader = true;
        continue;
      }
      // A table nested in a cell (classic pages lay out buttons that way) holds no senders.
      if (!afterHeader || row.parentElement?.closest(TABLES) !== table) continue;
      const cells = cellsOf(row, ROW_CELLS);
      // "No authorizations yet" rows span the table in one cell.
      if (cells.length <= Math.max(columns.senderId, columns.status)) continue;
      const senderId = cellValue(cells[columns.senderId]);
      if (!senderId.trim()) continue;
      out.push({
        senderId,
        description: squash(cellValue(cells[columns.description])),
        status: squash(cellValue(cells[columns.status])),
        row,
      });
    }
    return out;
  } catch (error) {
    console.warn('[intacct-setup-helper] could not read the Web Services authorizations', error);
    return [];
  }
}
