import { holdsControl } from './controls';
import { labelText } from './names';
import { normalizeLabel, squash } from './text';

/**
 * The lines that say whose rights a page shows and for which application ("Role: Expensify",
 * "Application: Cash Management", "User type: Business"). Pages write them in their own elements, inline
 * next to each other, as `dt`/`dd` pairs, or without any colon with the value set apart in bold
 * ("User ID **jdoe** Application **Time & Expenses**"), so they are read token by token — text and
 * elements — and split at each key: "Role: <b>Expensify</b> Application: <b>Cash Management</b>" is two
 * lines, never the role "ExpensifyApplication: Cash Management".
 */

export type ContextKey = 'role' | 'user' | 'application' | 'user type';

export interface ContextEntry {
  key: ContextKey;
  value: string;
  element: Element;
}

const INLINE = new Set(['b', 'strong', 'span', 'em', 'i', 'a', 'label', 'u', 'small', 'font', 'code', 'abbr', 'bdi', 'mark', 'br', 'output', 'data']);

// The key words, longest first, as normalizeLabel writes them.
const KEYS: ReadonlyArray<[string, ContextKey]> = [
  ['application / module', 'application'],
  ['application/module', 'application'],
  ['user type', 'user type'],
  ['user name', 'user'],
  ['user id', 'user'],
  ['login id', 'user'],
  ['role name', 'role'],
  ['application', 'application'],
  ['module', 'application'],
  ['role', 'role'],
  ['user', 'user'],
];

function keyOf(text: string): ContextKey | null {
  const t = normalizeLabel(text);
  for (const [word, key] of KEYS) if (t === word) return key;
  return null;
}

interface Token {
  text: string;
  /** Set apart in an element of its own (bold, a span, a link): a value, where it follows a key. */
  element: boolean;
}

/** Splits text at each "Key:" it holds: the words before the first key, then each key with what follows it. */
function splitAtKeys(text: string): Array<{ key: ContextKey | null; rest: string; colon: boolean }> {
  const out: Array<{ key: ContextKey | null; rest: string; colon: boolean }> = [];
  // Keys are found by scanning word boundaries, not with one big pattern: a plain loop cannot backtrack.
  const lower = text.toLowerCase();
  let at = 0;
  let current: { key: ContextKey | null; start: number; colon: boolean } = { key: null, start: 0, colon: false };
  while (at < text.length) {
    const boundary = at === 0 || /[\s|·•,;(\u0001]/.test(lower[at - 1] ?? '');
    let matched: [string, ContextKey] | undefined;
    if (boundary) matched = KEYS.find(([word]) => lower.startsWith(word, at));
    if (matched) {
      let end = at + matched[0].length;
      while (end < text.length && lower[end] === ' ') end++;
      if (lower[end] === ':' || lower[end] === '：') {
        out.push({ key: current.key, rest: text.slice(current.start, at), colon: current.colon });
        current = { key: matched[1], start: end + 1, colon: true };
        at = end + 1;
        continue;
      }
    }
    at++;
  }
  out.push({ key: current.key, rest: text.slice(current.start), colon: current.colon });
  return out;
}

function cleanValue(text: string): string {
  return squash(text.replace(/\u0001/g, ' ')).replace(/^[|·•,;:\s]+|[|·•,;\s]+$/g, '');
}

/** The context lines an element's inline content holds, or null when the element holds blocks. */
export function contextEntriesOf(el: Element): ContextEntry[] | null {
  if (el.childElementCount > 12) return null;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (!INLINE.has(child.localName) || child.childElementCount > 3) return null;
  }
  const tokens: Token[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) tokens.push({ text: node.nodeValue ?? '', element: false });
    else if (node.nodeType === 1 && (node as Element).localName !== 'br') tokens.push({ text: (node as Element).textContent ?? '', element: true });
  }
  const first = tokens.find((t) => squash(t.text));
  if (!first) return [];
  const out: ContextEntry[] = [];
  // With colons: "Role: Expensify Application: Cash Management" — keys split the joined line.
  const line = tokens.map((t) => t.text).join('\u0001');
  if (line.length > 400) return null;
  const parts = splitAtKeys(line.replace(/^[\s\u0001]+/, ''));
  // A line starts with its key; "the user: Jane" inside a sentence is not a context line.
  if (parts.length > 1 && !squash(parts[0]?.rest.replace(/\u0001/g, ''))) {
    for (const part of parts.slice(1)) {
      const value = cleanValue(part.rest);
      if (part.key && value) out.push({ key: part.key, value, element: el });
    }
    return out;
  }
  // Without colons: a key in plain text, its value in the element right after it ("User ID <b>jdoe</b>").
  const meaningful = tokens.filter((t) => squash(t.text));
  for (let i = 0; i + 1 < meaningful.length; i++) {
    const t = meaningful[i] as Token;
    const next = meaningful[i + 1] as Token;
    if (t.element || !next.element) continue;
    const key = keyOf(t.text);
    if (!key) {
      if (i === 0) return out;
      continue;
    }
    const value = cleanValue(next.text);
    if (value) out.push({ key, value, element: el });
    i++;
  }
  return out;
}

/** A `dt`/`dd`, a row-header/cell or a label/value pair whose label is a key ("Role" → "Expensify"). */
export function contextPairOf(el: Element): ContextEntry | null {
  const n = el.localName;
  if (n !== 'dt' && n !== 'th' && n !== 'label' && n !== 'td' && !/label/i.test(el.getAttribute('class') ?? '')) return null;
  if (n === 'th' && el.getAttribute('scope') !== 'row') return null;
  if (el.childElementCount > 2) return null;
  const key = keyOf(labelText(el));
  if (!key) return null;
  const next = el.nextElementSibling;
  // A label beside a control is a field ("User type" and its list), not a line about the page.
  if (!next || next.childElementCount > 4 || holdsControl(next)) return null;
  const value = squash(next.textContent);
  return value && value.length < 160 ? { key, value, element: el } : null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'table', 'ul', 'ol']);

/**
 * Every context line of the page in document order, read without descending into grids and lists (the
 * rights themselves), and stopping after `limit` lines.
 */
export function readContextLines(doc: Document, limit = 20): ContextEntry[] {
  const out: ContextEntry[] = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return out;
  const stack: Element[] = [root];
  let visited = 0;
  while (stack.length && out.length < limit && visited < 5000) {
    const el = stack.pop() as Element;
    visited++;
    if (SKIP.has(el.localName) && el !== root) {
      // A classic page may put its Role / Application lines in a layout table's label cells; a data table
      // (column headers) holds rows, not context.
      if (el.localName !== 'table' || el.querySelector('thead, th[scope="col"], [role="columnheader"]')) continue;
    }
    const pair = contextPairOf(el);
    if (pair) {
      out.push(pair);
      continue;
    }
    const inline = contextEntriesOf(el);
    // A component's host shows its shadow tree, not its (often empty) light children.
    const shadow = el.shadowRoot;
    if (inline && (inline.length || !shadow)) {
      out.push(...inline);
      continue;
    }
    const shown: ParentNode = shadow ?? el;
    for (let child = shown.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return out;
}
