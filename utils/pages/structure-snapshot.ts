import { isControl } from '@/utils/reading/controls';
import { contextEntriesOf, contextPairOf } from '@/utils/reading/context';
import { controlNames, labelText } from '@/utils/reading/names';
import { squash } from '@/utils/reading/text';

/**
 * "Copy page structure" (issue #9): a snapshot of an Intacct page for a bug report that holds the page's
 * structure and its own words — tags, ids, classes, roles, the names and types of controls, label,
 * heading, column, tab and link texts, and the path without query values — and none of the admin's data:
 * no input value, no selected option, no data-cell text, no option list, no link target, no email address
 * and no `.sess`. tests/unit/pages/structure-snapshot.test.ts plants all of those and checks none gets
 * through; tests/fixtures/intacct/snapshot-fixture.ts turns a snapshot back into a page for a regression test.
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
  /** The element's own words where they are the page's (labels, headings, column heads, links outside data rows). */
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
// Elements whose own words name the page or its parts.
const WORDS = new Set(['label', 'legend', 'caption', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'dt', 'button', 'a', 'abbr']);
const WORD_ROLES = new Set(['heading', 'columnheader', 'rowheader', 'tab', 'button', 'link', 'menuitem']);
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
 * "ID--Name" is how Intacct writes a record (reference §3.1): a user's, an employee's, an account's. From
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

// Link and button words that name an action, not a record, also inside data rows.
const ACTION_WORDS = /^(permissions|edit|delete|view|subscriptions|configure|remove|add|new|details)$/i;

function isDataTable(table: Element): boolean {
  const first = table.querySelector('tr, [role="row"]');
  if (!first) return false;
  const cells = Array.from(first.children);
  return cells.length > 1 && cells.every((c) => c.localName === 'th' || c.getAttribute('role') === 'columnheader');
}

/** Inside a data row (a table or grid with column heads), link and button texts are data ("jdoe", "Jane Doe"). */
function inDataRow(el: Element, dataTables: Map<Element, boolean>): boolean {
  const row = el.closest('tr, [role="row"]');
  if (!row) return false;
  const table = row.closest('table, [role="grid"], [role="table"], [role="treegrid"]');
  if (!table) return false;
  if (row.querySelector('th[scope="col"], [role="columnheader"]') || (row.children.length > 1 && Array.from(row.children).every((c) => c.localName === 'th'))) {
    return false;
  }
  let data = dataTables.get(table);
  if (data === undefined) dataTables.set(table, (data = isDataTable(table)));
  return data;
}

/** A table cell of a form that labels the control beside it: text, no control, and a control in the next cell. */
function isLabelCell(el: Element): boolean {
  if (el.localName !== 'td' || el.querySelector('input, select, textarea')) return false;
  const next = el.nextElementSibling;
  return next !== null && next.querySelector('input, select, textarea, [role="combobox"], [role="checkbox"], [role="switch"]') !== null;
}

function ownWords(el: Element): string {
  return scrub(labelText(el));
}

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

  const dataTables = new Map<Element, boolean>();
  let nodes = 0;
  let truncated = 0;

  const visit = (el: Element, depth: number): StructureNode | null => {
    const tag = el.localName;
    if (SKIP.has(tag)) return null;
    if (nodes >= MAX_NODES || depth > MAX_DEPTH) {
      truncated += 1 + el.getElementsByTagName('*').length;
      return null;
    }
    nodes++;
    const node: StructureNode = { tag };
    const id = el.getAttribute('id');
    if (id) node.id = scrub(id);
    const cls = el.getAttribute('class');
    if (cls) node.class = scrub(cls);
    const role = el.getAttribute('role');
    if (role) node.role = scrub(role);
    const colspan = el.getAttribute('colspan');
    if (colspan && Number(colspan) > 1) node.span = Math.min(50, Math.floor(Number(colspan)));
    if (SVG.has(tag)) return node;
    if (tag === 'input') {
      const inputType = (el.getAttribute('type') ?? 'text').toLowerCase();
      // A hidden input holds only data; a button's words are the page's.
      if (inputType === 'hidden') {
        nodes--;
        return null;
      }
      if (inputType === 'button' || inputType === 'submit' || inputType === 'reset') {
        node.type = inputType;
        const words = scrub(el.getAttribute('value') ?? '');
        if (words) node.text = words;
        return node;
      }
    }
    if (isControl(el)) {
      const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
      node.type = scrub(type);
      const name = controlNames(el)[0];
      if (name) node.name = scrub(name);
      if (type === 'checkbox' || type === 'radio' || role === 'checkbox' || role === 'switch' || role === 'radio') {
        const checked: unknown = (el as { checked?: unknown }).checked;
        node.checked = typeof checked === 'boolean' ? checked : el.getAttribute('aria-checked') === 'true';
      }
      if (tag === 'select') node.options = el.querySelectorAll('option').length;
      // A drawn combobox shows its value as text; a listbox its options: neither is kept.
      return node;
    }
    // A context line ("Role: X", "Application: Y") says which page this is; its whose-part is scrubbed.
    const pair = contextPairOf(el);
    const context = pair ? [pair] : WORDS.has(tag) ? null : contextEntriesOf(el);
    if (context?.length) {
      node.text = context.map((c) => scrub(`${c.key === 'user type' ? 'User type' : c.key.charAt(0).toUpperCase() + c.key.slice(1)}: ${c.value}`)).join(' ');
      return node;
    }
    const wordy = WORDS.has(tag) || (role !== null && WORD_ROLES.has(role)) || isLabelCell(el) || /label/i.test(cls ?? '');
    if (wordy) {
      const text = ownWords(el);
      const action = tag === 'a' || tag === 'button' || role === 'link' || role === 'button';
      if (text && !(action && !ACTION_WORDS.test(text) && inDataRow(el, dataTables))) node.text = text;
    }
    const children: StructureNode[] = [];
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (child.localName === 'option' || child.getAttribute('role') === 'option') continue;
      const c = visit(child, depth + 1);
      if (c) children.push(c);
    }
    if (children.length) node.children = children;
    return node;
  };

  let tree: StructureNode = { tag: 'body' };
  try {
    const root = doc.body ?? doc.documentElement;
    tree = (root && visit(root, 0)) ?? tree;
  } catch {
    // Whatever was read before the failure is kept; the snapshot is for a person to look at.
  }
  return { format: SNAPSHOT_FORMAT, version: 1, path, queryKeys, title: scrub(doc.title), truncated, tree };
}

/** The snapshot as the admin copies it: pretty JSON a support engineer can read. */
export function snapshotText(structure: PageStructure): string {
  return `${JSON.stringify(structure, null, 1)}\n`;
}
