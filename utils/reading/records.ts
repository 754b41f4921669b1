import { holdsControl, stateShownBy } from './controls';
import { cellUnder, findTables } from './rows';
import { queryAllDeep } from './tree';
import { normalizeLabel, shortText } from './text';

/**
 * Records in any container: the rows of a table or grid (keys are its column heads) and repeated blocks of
 * the same shape — cards — whose keys are the labels inside each block ("Sender ID expensify · Status
 * Active"). A reader asks for the records whose keys it needs and reads values by key, whatever drew them.
 */
/** One list of records and what holds it (a table, a grid, the parent of the cards). */
export interface RecordList {
  container: Element;
  records: PageRecord[];
}

export interface PageRecord {
  el: Element;
  /** Normalized keys this record has a value for. */
  keys: readonly string[];
  /** The element showing the value under the first of `keys` the record has, or undefined. */
  value(keys: readonly string[]): Element | undefined;
}

const NOT_BLOCKS = new Set(['script', 'style', 'template', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption', 'br', 'hr']);

function keyText(el: Element): string | null {
  if (holdsControl(el)) return null;
  const text = shortText(el, 32, 12);
  if (!text) return null;
  const key = normalizeLabel(text);
  return key && key.split(' ').length <= 4 ? key : null;
}

/** The label/value pairs inside one block: `dt`/`dd`, a short label element and the element after it. */
function pairsIn(block: Element): Map<string, Element> {
  const pairs = new Map<string, Element>();
  const visit = (el: Element, depth: number): void => {
    if (pairs.size >= 20 || depth > 5) return;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const next = child.nextElementSibling;
      if (next && !NOT_BLOCKS.has(child.localName) && child.childElementCount <= 2) {
        const key = keyText(child);
        if (key && !pairs.has(key) && (shortText(next, 200, 40) !== null || holdsControl(next))) {
          pairs.set(key, next);
          continue;
        }
      }
      if (child.childElementCount > 0) visit(child, depth + 1);
    }
  };
  visit(block, 0);
  return pairs;
}

function shapeOf(el: Element): string {
  return `${el.localName}.${(el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? ''}`;
}

/** Repeated blocks under `container` (those of its most common shape), or null when it has none. */
function blocksOf(container: Element): Element[] | null {
  const children = Array.from(container.children).filter((c) => !NOT_BLOCKS.has(c.localName));
  if (children.length === 0) return null;
  const counts = new Map<string, number>();
  for (const c of children) counts.set(shapeOf(c), (counts.get(shapeOf(c)) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [shape, count] of counts) if (count > bestCount) [best, bestCount] = [shape, count];
  // A block holds at least a label and a value, perhaps inside one wrapper (`<li><dl>…</dl></li>`).
  return children.filter((c) => shapeOf(c) === best && c.getElementsByTagName('*').length >= 2);
}

function cardRecords(doc: Document, accept: (keys: readonly string[]) => boolean, limit: number): RecordList[] {
  const groups: Array<{ container: Element; records: PageRecord[] }> = [];
  const found = queryAllDeep(doc, 'div, section, ul, ol, article, [role="list"]');
  for (let i = 0; i < found.length && i < limit; i++) {
    const container = found[i] as Element;
    const blocks = blocksOf(container);
    if (!blocks || blocks.length === 0) continue;
    const records: PageRecord[] = [];
    for (const block of blocks) {
      const pairs = pairsIn(block);
      const keys = [...pairs.keys()];
      if (!accept(keys)) continue;
      records.push({ el: block, keys, value: (wanted) => wanted.map((k) => pairs.get(k)).find((v) => v !== undefined) });
    }
    if (records.length) groups.push({ container, records });
  }
  // Innermost first: a wrapper around the cards is not a card list of its own.
  return groups.filter((g) => !groups.some((o) => o !== g && g.container.contains(o.container)));
}

/**
 * Every list of records whose keys satisfy `accept`, innermost first: tables and grids (by their column
 * heads), then cards. `limit` bounds the containers examined on a big page.
 */
export function readRecords(doc: Document, accept: (keys: readonly string[]) => boolean, limit = 3000): RecordList[] {
  const out: RecordList[] = [];
  for (const table of findTables(doc, accept, limit)) {
    // Blocks that each repeat the labels ("Sender ID … Status …") are cards, not a table with a header.
    if (table.rows.some((row) => row.cells.filter((c, i) => normalizeLabel(shortText(c, 40) ?? '') === table.columns[i] && table.columns[i]).length >= 2)) continue;
    out.push({
      container: table.el,
      records: table.rows.map((row) => ({
        el: row.el,
        keys: table.columns,
        value: (wanted: readonly string[]) => cellUnder(table, row, wanted),
      })),
    });
  }
  if (out.some((list) => list.records.length > 0)) return out;
  return cardRecords(doc, accept, limit);
}

/** One application of a view-mode subscriptions list: its name, its state (a word or a tick), and where they are. */
export interface StateRecord {
  name: string;
  on: boolean;
  /** The element showing the state. */
  stateEl: Element;
  record: PageRecord;
}

/**
 * A view-mode list of applications and their state ("Subscribed", "Not subscribed", a tick): records with a
 * name column (Application, Module, Name) and a state column (Subscribed, Status, State), in any container.
 */
export function readStateRecords(doc: Document): StateRecord[] {
  const out: StateRecord[] = [];
  const nameKey = (k: string): boolean => /\b(application|module|name)\b/.test(k);
  const stateKey = (k: string): boolean => /subscri|status|state/.test(k);
  for (const list of readRecords(doc, (keys) => keys.some(nameKey) && keys.some(stateKey))) {
    for (const record of list.records) {
      const nameCell = record.value(record.keys.filter(nameKey));
      const stateEl = record.value(record.keys.filter(stateKey));
      const on = stateEl ? stateShownBy(stateEl) : null;
      const name = nameCell ? (shortText(nameCell, 120) ?? '') : '';
      if (name && stateEl && on !== null) out.push({ name, on, stateEl, record });
    }
  }
  return out;
}
