/**
 * What a page says about itself, read once per detection pass. Detection reads visible text (title,
 * headings, labels, column heads, link texts) because Intacct's ids and `.op` codes are undocumented
 * and change between UI generations (reference §3, §7).
 */
export interface PageSignals {
  /** Lower-case path plus query, e.g. `/ia/acct/editor.phtml?.it=webuser`. */
  path: string;
  /** The document title and the page headings, normalized, Intacct's "Sage Intacct - " prefix removed. */
  names: string[];
  /** Section titles: legends, captions and lower headings. */
  sections: string[];
  /** Labels of form controls: `<label>`, label cells, `aria-label` of inputs, selects, switches. */
  fields: Set<string>;
  /** Table column headers. */
  columns: Set<string>;
  /** Text of links and buttons. */
  actions: Set<string>;
  /** Whether the page offers a file chooser (package and application uploads). */
  hasFileInput: boolean;
  /** Short text lines such as "Role: Expensify" that qualify a page; read only when a detector asks. */
  qualifiers: () => string[];
}

// A 6,000-checkbox permissions page must still be read in a few milliseconds; past this many elements
// of one sort the rest add nothing to recognition.
const MAX_PER_SELECTOR = 400;

export function normalizeText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/\s*[*:]+$/, '')
    .trim()
    .toLowerCase();
}

function texts(root: ParentNode, selector: string, read: (el: Element) => string | null): string[] {
  const out: string[] = [];
  const found = root.querySelectorAll(selector);
  const n = Math.min(found.length, MAX_PER_SELECTOR);
  for (let i = 0; i < n; i++) {
    const el = found[i];
    if (!el) continue;
    const t = normalizeText(read(el));
    if (t && t.length < 120) out.push(t);
  }
  return out;
}

const textOf = (el: Element): string | null => el.textContent;
const ariaLabelOf = (el: Element): string | null => el.getAttribute('aria-label');

function stripProductPrefix(title: string): string {
  return title.replace(/^sage intacct\s*[-–|:]\s*/, '').replace(/\s*[-–|]\s*sage intacct$/, '');
}

export function readPageSignals(doc: Document, url: string): PageSignals {
  let path = '';
  try {
    const u = new URL(url);
    path = (u.pathname + u.search).toLowerCase();
  } catch {
    path = '';
  }
  const title = stripProductPrefix(normalizeText(doc.title));
  const headings = texts(doc, 'h1, h2, [role="heading"], .pagetitle', textOf);
  const sections = texts(doc, 'h3, h4, legend, caption, fieldset > .title', textOf);
  const fields = new Set([
    ...texts(doc, 'label, td.label, .fieldlabel', textOf),
    ...texts(doc, 'input[aria-label], select[aria-label], textarea[aria-label], [role="combobox"][aria-label], [role="switch"][aria-label]', ariaLabelOf),
  ]);
  const columns = new Set(texts(doc, 'th, [role="columnheader"]', textOf));
  const actions = new Set([
    ...texts(doc, 'a, button', textOf),
    ...texts(doc, 'input[type="button"], input[type="submit"]', (el) => el.getAttribute('value')),
  ]);
  let qualifierCache: string[] | undefined;
  const qualifiers = (): string[] =>
    (qualifierCache ??= texts(doc, 'h2, h3, .subtitle, .context, p, td, span, div', (el) =>
      el.childElementCount > 2 ? null : el.textContent,
    ).filter((t) => /^(role|user|application)\s*:\s*\S/.test(t)));
  return {
    path,
    names: title ? [title, ...headings] : headings,
    sections,
    fields,
    columns,
    actions,
    hasFileInput: doc.querySelector('input[type="file"]') !== null,
    qualifiers,
  };
}

/** How many of `wanted` the set holds. */
export function countIn(set: Set<string>, wanted: readonly string[]): number {
  let n = 0;
  for (const w of wanted) if (set.has(w)) n++;
  return n;
}

export function anyMatch(list: readonly string[], pattern: RegExp): boolean {
  return list.some((t) => pattern.test(t));
}
