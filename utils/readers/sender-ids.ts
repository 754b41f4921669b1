import { isControl } from '@/utils/reading/controls';
import { cellUnder, findTables, type LogicalTable } from '@/utils/reading/rows';
import { squash } from '@/utils/reading/text';
import { readControl } from './form-field';

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

const SENDER = ['sender id', 'sender', 'web services sender id'];
const DESCRIPTION = ['description'];
const STATUS = ['status'];

/**
 * The authorizations table, or null when the page has none (another tab is showing). It is found by its
 * column headings in whichever structure the page draws it (a table, an ARIA grid, div rows); the
 * innermost match wins, since classic pages lay out the whole page in an outer table.
 */
function locate(doc: Document): LogicalTable | null {
  return findTables(doc, (cols) => cols.some((c) => SENDER.includes(c)) && cols.includes('status'))[0] ?? null;
}

export function findSenderAuthorizationTable(doc: Document): Element | null {
  try {
    return locate(doc)?.el ?? null;
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
  return (cell.textContent ?? '').replace(/^[ \u00a0]*[\r\n\t][\s\u00a0]*/, '').replace(/(?<![\s\u00a0])[\s\u00a0]*[\r\n\t][ \u00a0]*$/, '');
}

/** Every sender row of the Web Services authorizations table, in page order. Never throws. */
export function readSenderAuthorizations(doc: Document): SenderAuthorization[] {
  try {
    const table = locate(doc);
    if (!table) return [];
    const out: SenderAuthorization[] = [];
    for (const row of table.rows) {
      // "No authorizations yet" rows span the table in one cell, so they have no sender cell.
      const senderCell = cellUnder(table, row, SENDER);
      const statusCell = cellUnder(table, row, STATUS);
      // A row that does not reach the Status column is half-built, not a sender whose status is blank.
      if (!senderCell || !statusCell) continue;
      const senderId = cellValue(senderCell);
      if (!senderId.trim()) continue;
      out.push({
        senderId,
        description: squash(cellValue(cellUnder(table, row, DESCRIPTION))),
        status: squash(cellValue(statusCell)),
        row: row.el,
      });
    }
    return out;
  } catch (error) {
    console.warn('[intacct-setup-helper] could not read the Web Services authorizations', error);
    return [];
  }
}
