import { isControl } from '@/utils/reading/controls';
import { readRecords, type RecordList } from '@/utils/reading/records';
import { readControl } from '@/utils/reading/state';
import { squash } from '@/utils/reading/text';

// The Web Services authorizations on Company Information › Security (docs/intacct.md, "Pages"): a table, a
// grid or one card per sender, found by its keys (Sender ID, Status), never by id, because the markup of
// classic pages is not public.

export interface SenderAuthorization {
  /**
   * As the page shows it. Intacct compares sender IDs exactly, so stray spaces are kept: a sender saved as
   * " expensify" is a different sender and must show up as a problem.
   */
  senderId: string;
  description: string;
  status: string;
  row: Element;
}

const SENDER = ['sender id', 'sender', 'web services sender id', 'sender id name'];
const DESCRIPTION = ['description'];
const STATUS = ['status', 'state'];

const accepts = (keys: readonly string[]): boolean => keys.some((k) => SENDER.includes(k)) && keys.some((k) => STATUS.includes(k));

function locate(doc: Document): RecordList | null {
  return readRecords(doc, accepts)[0] ?? null;
}

/** The list of authorizations (its first record's container), or null when the page has none (another tab is showing). */
export function findSenderAuthorizationTable(doc: Document): Element | null {
  try {
    return locate(doc)?.container ?? null;
  } catch {
    return null;
  }
}

/**
 * A value's text without the line breaks and indentation of the page's markup, but with any spaces that
 * are part of the value. An editable grid keeps its value in a control.
 */
function valueOf(cell: Element | undefined): string {
  if (!cell) return '';
  const control = isControl(cell) ? cell : Array.from(cell.querySelectorAll('input, select, textarea, [role~="combobox"]')).find(isControl);
  if (control) return readControl(control).value;
  return (cell.textContent ?? '').replace(/^[ \u00a0]*[\r\n\t][\s\u00a0]*/, '').replace(/(?<![\s\u00a0])[\s\u00a0]*[\r\n\t][ \u00a0]*$/, '');
}

/** Every sender of the Web Services authorizations, in page order. Never throws. */
export function readSenderAuthorizations(doc: Document): SenderAuthorization[] {
  try {
    const list = locate(doc);
    if (!list) return [];
    const out: SenderAuthorization[] = [];
    for (const record of list.records) {
      // "No authorizations yet" rows span the table in one cell, so they have no sender value.
      const senderCell = record.value(SENDER);
      const statusCell = record.value(STATUS);
      // A row that does not reach the Status column is half-built, not a sender whose status is blank.
      if (!senderCell || !statusCell) continue;
      const senderId = valueOf(senderCell);
      if (!senderId.trim()) continue;
      out.push({ senderId, description: squash(valueOf(record.value(DESCRIPTION))), status: squash(valueOf(statusCell)), row: record.el });
    }
    return out;
  } catch (error) {
    console.warn('[intacct-setup-helper] could not read the Web Services authorizations', error);
    return [];
  }
}
