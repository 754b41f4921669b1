import { holdsControl } from './controls';
import { labelText } from './names';
import { normalizeLabel, squash } from './text';

/**
 * The lines that say whose rights a page shows and for which application ("Role: Expensify",
 * "Application: Cash Management", "User type: Business"). Pages write them in their own elements, inline
 * next to each other, or as `dt`/`dd` pairs (reference §3.4), so they are read element by element and
 * split at each key: "Role: <b>Expensify</b> Application: <b>Cash Management</b>" is two lines, never the
 * role "ExpensifyApplication: Cash Management".
 */

export type ContextKey = 'role' | 'user' | 'application' | 'user type';

export interface ContextEntry {
  key: ContextKey;
  value: string;
  element: Element;
}

const INLINE = new Set(['b', 'strong', 'span', 'em', 'i', 'a', 'label', 'u', 'small', 'font', 'code', 'abbr', 'bdi', 'mark', 'br']);

// Tokens (child nodes) are joined with a separator no page text holds, so a key that starts a child counts
// as a new line even when the page put no space before it.
const SEP = '\u0001';
const KEY = /(^|[\u0001\s|·•,;(])(role|user\s*type|user|application(?:\s*\/\s*module)?|module)\s*[:：]/gi;

function keyOf(word: string): ContextKey {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('role')) return 'role';
  if (w.replace(/\s/g, '') === 'usertype') return 'user type';
  if (w.startsWith('user')) return 'user';
  return 'application';
}

function cleanValue(text: string): string {
  return squash(text.split(SEP).join(' ')).replace(/^[|·•,;:\s]+|[|·•,;\s]+$/g, '');
}

/** The context lines an element's inline content holds, or null when the element holds blocks. */
export function contextEntriesOf(el: Element): ContextEntry[] | null {
  if (el.childElementCount > 12) return null;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (!INLINE.has(child.localName) || child.childElementCount > 3) return null;
  }
  const tokens: string[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) tokens.push(node.nodeValue ?? '');
    else if (node.nodeType === 1) tokens.push((node as Element).localName === 'br' ? ' ' : ((node as Element).textContent ?? ''));
  }
  const line = tokens.join(SEP).replace(/^[\s\u0001]+/, '');
  if (line.length > 400) return null;
  const out: ContextEntry[] = [];
  const matches = Array.from(line.matchAll(KEY));
  const first = matches[0];
  // A line starts with its key; "the user: Jane" inside a sentence is not a context line.
  if (!first || first.index !== 0) return out;
  matches.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = matches[i + 1];
    const value = cleanValue(line.slice(start, next ? next.index : undefined));
    if (value) out.push({ key: keyOf(m[2] ?? ''), value, element: el });
  });
  return out;
}

const PAIR_KEYS: Record<string, ContextKey> = {
  role: 'role',
  user: 'user',
  'user id': 'user',
  application: 'application',
  'application/module': 'application',
  module: 'application',
  'user type': 'user type',
};

/** A `dt`/`dd`, a row-header/cell or a label/value pair whose label is a key ("Role" → "Expensify"). */
export function contextPairOf(el: Element): ContextEntry | null {
  const n = el.localName;
  if (n !== 'dt' && n !== 'th' && n !== 'label' && n !== 'td' && !/label/i.test(el.getAttribute('class') ?? '')) return null;
  if (n === 'th' && el.getAttribute('scope') !== 'row') return null;
  if (el.childElementCount > 2) return null;
  const key = PAIR_KEYS[normalizeLabel(labelText(el))];
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
    if (inline) {
      out.push(...inline);
      continue;
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return out;
}
