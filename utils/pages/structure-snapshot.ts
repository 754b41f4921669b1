import { isControl } from '@/utils/reading/controls';
import { contextEntriesOf, contextPairOf } from '@/utils/reading/context';
import { controlNames } from '@/utils/reading/names';
import { squash } from '@/utils/reading/text';

/**
 * "Copy page structure" (issue #9; structure only since issue 23): a snapshot of an Intacct page for a
 * bug report that holds the page's structure and its own words, and none of the admin's data:
 * - kept everywhere: tags, classes, roles, control types and ticked states, how many options a list offers,
 *   the path without query values;
 * - words kept only where the markup says they are the page's: label elements, legends, captions,
 *   headings, column heads, read-only terms (`dt`), tabs, a cell Intacct writes as a label ("User ID:"),
 *   context lines with their whose-part scrubbed ("Role: [name]"), and link or button words that name an
 *   action ("Permissions", "Save");
 * - any table, ARIA grid, list or run of repeated div rows is records, whatever its header markup: a row's
 *   texts, links, ids and control names are never read (a form laid out in rows, whose every row names its
 *   field, is the one exception); only header rows keep their column heads;
 * - nothing inside a contenteditable region or a text box is read, and a control name that holds what was
 *   typed there is dropped;
 * - no input value, selected option, option text, link target, email address, record ("ID--Name"), long
 *   number or `.sess`.
 * tests/unit/pages/structure-snapshot.test.ts and snapshot-personal-data.test.ts plant all of those;
 * tests/fixtures/intacct/snapshot-fixture.ts turns a snapshot back into a page for a regression test.
 */

export const SNAPSHOT_FORMAT = 'intacct-setup-helper/page-structure';

export interface StructureNode {
  tag: string;
  id?: string;
  class?: string;
  role?: string;
  /** Controls: their type and accessible name. */
  type?: string;
  name?: string;
  /** Checkboxes, radios, switches: whether ticked (a state, not data). */
  checked?: boolean;
  /** The element's own words where the markup says they are the page's (see the module comment). */
  text?: string;
  /** `<select>`: how many options it offers (their texts are data). */
  options?: number;
  /** A colspan, for tables that span. */
  span?: number;
  children?: StructureNode[];
}

export interface PageStructure {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  /** Lower-case path, e.g. /ia/acct/editor.phtml. */
  path: string;
  /** Names of the URL's query keys, without values (and without the session's). */
  queryKeys: string[];
  title: string;
  /** How many elements were left out past the depth or size limit. */
  truncated: number;
  tree: StructureNode;
}

const MAX_DEPTH = 40;
const MAX_NODES = 4000;
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'head', 'iframe', 'frame', 'object', 'embed', 'canvas', 'img', 'br', 'hr', 'wbr']);
const SVG = new Set(['svg', 'math']);
const SESSION_KEYS = new Set(['.sess', 'sess', '.cc']);

// Words as an address can hold them ("jdoe@acme.com", "mailto=jdoe@acme.com/x"), each matched whole:
// one pass over the text, where a pattern for the address itself retried from every character of a long
// word. A word with a local part, "@", and a dot with two letters after it goes whole, so this removes at
// least every address the stricter pattern would.
const ADDRESS_WORD = /[^\s<>()"',;:]+/g;
const DOMAIN_END = /\.[a-z]{2}/i;
const SESSION = /\.sess=[^&\s"']*/gi;
const LONG_DIGITS = /\d{5,}/g;

function withoutEmails(text: string): string {
  return text.replace(ADDRESS_WORD, (word) => {
    const at = word.indexOf('@');
    return at > 0 && DOMAIN_END.test(word.slice(at + 2)) ? '[email]' : word;
  });
}

/**
 * "ID--Name" is how Intacct writes a record (docs/intacct.md#page-markup): a user's, an employee's, an account's. From
 * the word holding the first "x--y" to the end of the (squashed) text, as `\S+--\S.*$` would, found by
 * position so a long word without one is read once.
 */
function withoutRecord(text: string): string {
  for (let dash = text.indexOf('--', 1); dash >= 0; dash = text.indexOf('--', dash + 1)) {
    const before = text[dash - 1] ?? ' ';
    const after = text[dash + 2] ?? ' ';
    if (before !== ' ' && after !== ' ') return `${text.slice(0, text.lastIndexOf(' ', dash - 1) + 1)}[record]`;
  }
  return text;
}
// Whose page it is ("User: jdoe", "Role: AP Clerk") is data; which application it shows is Intacct's word.
const WHOSE = /^((?:role|user|employee)\s*:\s*).+$/i;

/** Page words made safe to share: no email address, session, record, person or long number (an account, a card). */
export function scrub(text: string): string {
  return withoutRecord(withoutEmails(squash(text)).replace(SESSION, '.sess=[removed]'))
    .replace(WHOSE, '$1[name]')
    .replace(LONG_DIGITS, '[number]')
    .slice(0, 160);
}

// Link and button words that name an action, not a record: the only words a link or button keeps, inside
// a data row or out (a link elsewhere can name the signed-in person: "Ophelia Grant ▾").
const ACTION_WORDS = /^(permissions|subscriptions|edit|delete|view|configure|remove|add|new|details|save|save & new|cancel|done|submit|close|ok|back|next|previous|help|print|export|import|more actions|select all|clear)$/i;

// Elements whose own words are the page's by markup: labels, legends, captions, headings, column heads,
// read-only views' terms, tabs.
const WORDS = new Set(['label', 'legend', 'caption', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt']);
const WORD_ROLES = new Set(['heading', 'columnheader', 'tab']);
// A class that says "this is a label" (Intacct's classic forms, docs/intacct.md#page-markup).
const LABEL_CLASS = /(^|[\s_-])(label|caption|cap)([\s_-]|$)/i;

/** Intacct's label cells end with a colon ("User ID:&nbsp;*"); a data cell does not. A scan from the end, no pattern. */
function endsLikeLabel(text: string): boolean {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '*' || text[end - 1] === ' ' || text[end - 1] === '\u00a0')) end--;
  return end > 0 && text[end - 1] === ':';
}

const TEXT_BOX_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'spinbutton']);

/** Letters and digits only, lower case: how typed text is found again in a normalized name. */
function folded(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Typed content: a contenteditable region or a drawn text box. Nothing inside one is ever read. */
function isTypedContent(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  return role !== null && TEXT_BOX_ROLES.has(role.toLowerCase());
}

/** An element's own words, never those of a control, a text box or a contenteditable region inside it. */
function ownText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (SKIP.has(c.localName) || c.localName === 'select' || c.localName === 'textarea' || c.localName === 'option' || isControl(c) || isTypedContent(c)) continue;
        walk(c);
      }
    }
  };
  walk(el);
  return squash(out);
}

// ---- which rows are data -------------------------------------------------------------------------------

/**
 * Rows of a table, an ARIA grid, a list, or repeated div rows (siblings of one tag and class, each with
 * cells): the rows of records. Their texts, link words, ids and control names are data, whatever the
 * header markup says; only header rows (th, columnheader, thead) keep their words.
 */
interface RowSet {
  header: Element[];
  rows: Element[];
}

const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);
// A table's sections and rows belong to the table's own row set.
const ROW_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr']);
// Past this many rows a layout is a list of records, whatever its labels; and a row's label is among its
// first elements.
const MAX_FORM_ROWS = 200;
const LABEL_SCAN = 40;
const LIST_ROLES = new Set(['list', 'listbox', 'menu', 'menubar', 'tree', 'radiogroup']);

function isHeaderRow(row: Element): boolean {
  if (row.parentElement?.localName === 'thead') return true;
  const cells = Array.from(row.children);
  return cells.length > 0 && cells.every((c) => c.localName === 'th' || c.getAttribute('role') === 'columnheader') && !cells.some((c) => c.getAttribute('scope') === 'row');
}

function rowSetOf(el: Element): RowSet | null {
  const tag = el.localName;
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  let rows: Element[] = [];
  if (tag === 'table' && !role) {
    for (const section of [el, ...Array.from(el.children).filter((c) => c.localName === 'thead' || c.localName === 'tbody' || c.localName === 'tfoot')]) {
      for (const row of Array.from(section.children)) if (row.localName === 'tr') rows.push(row);
    }
  } else if (GRID_ROLES.has(role) || tag === 'table') {
    rows = Array.from(el.querySelectorAll('[role="row"], tr')).filter((r) => r.parentElement?.closest('table, [role="grid"], [role="table"], [role="treegrid"]') === el);
  } else if (tag === 'ul' || tag === 'ol' || LIST_ROLES.has(role)) {
    rows = Array.from(el.children).filter((c) => c.localName === 'li' || /^(listitem|option|menuitem|treeitem|radio)/.test(c.getAttribute('role') ?? ''));
  } else {
    rows = repeatedRows(el);
  }
  const header = rows.filter(isHeaderRow);
  const body = rows.filter((r) => !header.includes(r));
  if (body.length < 2) return null;
  return isFormLayout(tag, role, body) ? null : { header, rows: body };
}

// What a row drawn with divs is made of, and what makes an element a section rather than a row.
const ROW_TAGS = new Set(['div', 'span', 'li', 'p']);
const NOT_IN_A_ROW = 'table, dl, fieldset, ul, ol, h1, h2, h3, h4, h5, h6, [role="heading"], [role="grid"], [role="table"]';
const MAX_CELLS = 20;

/** Children that repeat one tag and class, each a handful of cells: rows drawn with divs. */
function repeatedRows(el: Element): Element[] {
  const groups = new Map<string, Element[]>();
  for (const child of Array.from(el.children)) {
    if (!ROW_TAGS.has(child.localName) || child.childElementCount < 2 || child.childElementCount > MAX_CELLS || child.querySelector(NOT_IN_A_ROW)) continue;
    const key = `${child.localName}.${child.getAttribute('class') ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(child);
    groups.set(key, list);
  }
  let best: Element[] = [];
  for (const list of groups.values()) if (list.length > best.length) best = list;
  return best;
}

function controlKinds(row: Element): string {
  return Array.from(row.querySelectorAll('input, select, textarea, [role="checkbox"], [role="switch"], [role="radio"], [role="combobox"], [role="textbox"]'))
    .map((c) => `${c.localName}:${(c.getAttribute('type') ?? c.getAttribute('role') ?? '').toLowerCase()}`)
    .join(',');
}

/**
 * A form laid out in rows (label, control) rather than a list of records: every row names its field by
 * markup or Intacct's colon, and the fields are not all alike. A table or div rows only; a list or grid is
 * always records.
 */
function isFormLayout(tag: string, role: string, rows: readonly Element[]): boolean {
  if (role || tag === 'ul' || tag === 'ol' || rows.length > MAX_FORM_ROWS) return false;
  const strong = (row: Element): boolean =>
    Array.from(row.querySelectorAll('*'))
      .slice(0, LABEL_SCAN)
      .some((c) => !isControl(c) && (LABEL_CLASS.test(c.getAttribute('class') ?? '') || (c.childElementCount <= 2 && endsLikeLabel(ownText(c)))));
  if (rows.every(strong)) return true;
  const labelled = rows.every((row) => strong(row) || row.querySelector('label, dt') !== null);
  if (!labelled) return false;
  // Fields of different kinds are a form; so are fields that each take a value. Rows that each hold one
  // box labelled by a name are records ("Jane Doe ☐"), even drawn with labels.
  const kinds = rows.map(controlKinds);
  return new Set(kinds).size > 1 || kinds.every((k) => k !== '' && k.split(',').every((kind) => VALUE_CONTROL.test(kind)));
}

const VALUE_CONTROL = /^(input:(text|email|number|tel|url|date|search|)|select:|textarea:|\w+:(combobox|textbox))$/;

/** The structure of `doc`, with no data in it (see the module comment). Never throws. */
export function snapshotPage(doc: Document, url: string): PageStructure {
  let path = '';
  let queryKeys: string[] = [];
  try {
    const u = new URL(url);
    path = u.pathname.toLowerCase();
    queryKeys = [...new Set([...u.searchParams.keys()].filter((k) => !SESSION_KEYS.has(k.toLowerCase())))].sort();
  } catch {
    // A frame without a URL keeps an empty path.
  }
  // What was typed into the page's text boxes: never part of a control's name either (a label around a
  // contenteditable memo names its field with the memo's text).
  const typed = Array.from(doc.querySelectorAll('[contenteditable], [role="textbox"], [role="searchbox"]'))
    .filter(isTypedContent)
    .map((el) => folded(el.textContent ?? ''))
    .filter((t) => t.length > 0);
  // Names are normalized (case, punctuation) on their way out of the reading model: compare folded.
  const withoutTyped = (text: string): string => (typed.some((t) => folded(text).includes(t)) ? '' : text);
  let nodes = 0;
  let truncated = 0;
  // The rows of each container seen so far (a table's rows sit in its sections, a level below).
  const rowKinds = new Map<Element, 'data' | 'header'>();

  // `data`: inside a row of records; `header`: inside a header row of one.
  const visit = (el: Element, depth: number, data: boolean, header: boolean): StructureNode | null => {
    const tag = el.localName;
    if (SKIP.has(tag)) return null;
    if (nodes >= MAX_NODES || depth > MAX_DEPTH) {
      truncated += 1 + el.getElementsByTagName('*').length;
      return null;
    }
    nodes++;
    const node: StructureNode = { tag };
    const id = el.getAttribute('id');
    // A row's ids name its record (`user-jdoe`, `_obj__RECORDNO_3`).
    if (id && !data) node.id = scrub(id);
    const cls = el.getAttribute('class');
    if (cls) node.class = scrub(cls);
    const role = el.getAttribute('role');
    if (role) node.role = scrub(role);
    const colspan = el.getAttribute('colspan');
    if (colspan && Number(colspan) > 1) node.span = Math.min(50, Math.floor(Number(colspan)));
    if (SVG.has(tag)) return node;
    if (tag === 'input') {
      const inputType = (el.getAttribute('type') ?? 'text').toLowerCase();
      // A hidden input holds only data; a button's words are the page's where they name an action.
      if (inputType === 'hidden') {
        nodes--;
        return null;
      }
      if (inputType === 'button' || inputType === 'submit' || inputType === 'reset') {
        node.type = inputType;
        const words = squash(el.getAttribute('value') ?? '');
        if (ACTION_WORDS.test(words)) node.text = words;
        return node;
      }
    }
    if (isControl(el) || isTypedContent(el)) {
      const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : isControl(el) ? tag : 'contenteditable';
      node.type = scrub(type);
      // In a row of records a control's name is the record's ("Grant admin to ophelia.grant").
      const name = data ? '' : withoutTyped(controlNames(el)[0] ?? '');
      if (name) node.name = scrub(name);
      if (type === 'checkbox' || type === 'radio' || role === 'checkbox' || role === 'switch' || role === 'radio') {
        const checked: unknown = (el as { checked?: unknown }).checked;
        node.checked = typeof checked === 'boolean' ? checked : el.getAttribute('aria-checked') === 'true';
      }
      if (tag === 'select') node.options = el.querySelectorAll('option').length;
      // A drawn combobox shows its value as text, a text box what was typed, a listbox its options: none is kept.
      return node;
    }
    const action = tag === 'a' || tag === 'button' || role === 'link' || role === 'button' || role === 'menuitem';
    if (action) {
      const words = ownText(el);
      if (ACTION_WORDS.test(words)) node.text = words;
    } else if (header) {
      if (tag === 'th' || role === 'columnheader' || WORDS.has(tag)) {
        const words = scrub(withoutTyped(ownText(el)));
        if (words) node.text = words;
      }
    } else if (!data) {
      // A context line ("Role: X", "Application: Y") says which page this is; its whose-part is scrubbed.
      const pair = contextPairOf(el);
      const context = pair ? [pair] : WORDS.has(tag) ? null : contextEntriesOf(el);
      if (context?.length) {
        node.text = context.map((c) => scrub(`${c.key === 'user type' ? 'User type' : c.key.charAt(0).toUpperCase() + c.key.slice(1)}: ${c.value}`)).join(' ');
        return node;
      }
      const own = ownText(el);
      const wordy =
        WORDS.has(tag) ||
        (role !== null && WORD_ROLES.has(role)) ||
        (tag === 'th' && el.getAttribute('scope') !== 'row') ||
        LABEL_CLASS.test(cls ?? '') ||
        (el.childElementCount <= 2 && endsLikeLabel(own));
      const words = wordy ? scrub(withoutTyped(own)) : '';
      if (words) node.text = words;
    }
    if (!data && !ROW_PARTS.has(tag)) {
      const rowSet = rowSetOf(el);
      for (const row of rowSet?.rows ?? []) rowKinds.set(row, 'data');
      for (const row of rowSet?.header ?? []) rowKinds.set(row, 'header');
    }
    const children: StructureNode[] = [];
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (child.localName === 'option' || child.getAttribute('role') === 'option') continue;
      const kind = rowKinds.get(child);
      const c = visit(child, depth + 1, data || kind === 'data', (header && !data) || kind === 'header');
      if (c) children.push(c);
    }
    if (children.length) node.children = children;
    return node;
  };

  let tree: StructureNode = { tag: 'body' };
  try {
    const root = doc.body ?? doc.documentElement;
    tree = (root && visit(root, 0, false, false)) ?? tree;
  } catch {
    // Whatever was read before the failure is kept; the snapshot is for a person to look at.
  }
  return { format: SNAPSHOT_FORMAT, version: 1, path, queryKeys, title: scrub(doc.title), truncated, tree };
}

/** The snapshot as the admin copies it: pretty JSON a support engineer can read. */
export function snapshotText(structure: PageStructure): string {
  return `${JSON.stringify(structure, null, 1)}\n`;
}
