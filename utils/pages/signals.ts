import { indexFields } from '@/utils/reading/fields';
import { readContextLines } from '@/utils/reading/context';
import { labelText } from '@/utils/reading/names';
import { normalizeLabel, shortText } from '@/utils/reading/text';
import { CHECK_SELECTOR, FILE_SELECTOR, HEAD_SELECTOR, NAME_SELECTOR, mightBeSetupPage, pathOf } from './first-look';

/**
 * What a page says about itself, read once per detection pass. Detection reads what an admin reads (title,
 * headings, the names of fields, column heads, link texts) through the same reading model as the audit
 * (`utils/reading/`), because Intacct's ids and `.op` codes are undocumented and change between UI
 * generations (reference §3, §7).
 */
export interface PageSignals {
  /** Lower-case path plus query, e.g. `/ia/acct/editor.phtml?.it=webuser`. */
  path: string;
  /**
   * The document title and the page headings, normalized, Intacct's "Sage Intacct - " prefix removed; a
   * heading that names a record ("Web Services user: jdoe--Jane Doe") also counts without the record.
   */
  names: string[];
  /** Section titles: legends, captions and lower headings. */
  sections: string[];
  /** The names of the page's fields (accessible names and label texts, read-only labels too). */
  fields: Set<string>;
  /** Table and grid column headers. */
  columns: Set<string>;
  /** Text of links and buttons. */
  actions: Set<string>;
  /** Whether the page offers a file chooser (package and application uploads). */
  hasFileInput: boolean;
  /** Context lines such as "role: expensify" that qualify a page; read only when a detector asks. */
  qualifiers: () => string[];
}

// A 6,000-checkbox permissions page must still be read in a few milliseconds; past this many elements
// of one sort the rest add nothing to recognition.
const MAX_PER_SELECTOR = 400;

function texts(root: ParentNode, selector: string, read: (el: Element) => string | null): string[] {
  const out: string[] = [];
  const found = root.querySelectorAll(selector);
  const n = Math.min(found.length, MAX_PER_SELECTOR);
  for (let i = 0; i < n; i++) {
    const el = found[i];
    if (!el) continue;
    const t = normalizeLabel(read(el));
    if (t && t.length < 120) out.push(t);
  }
  return out;
}

const shortOf = (el: Element): string | null => shortText(el, 120);

function stripProductPrefix(title: string): string {
  return title.replace(/^sage intacct\s*[-–|:]\s*/, '').replace(/\s*[-–|]\s*sage intacct$/, '');
}

const ACTION_PREFIX = /^(?:new|create|add|edit|view|update|modify)\s+(?:an?\s+|the\s+)?/;
const DETAIL_SUFFIX = /\s+(?:information|info|details|detail)$/;

/**
 * A name as written, without the record it names ("web services user: jdoe--jane doe" → "web services
 * user"), and its core without an action or a "details" word ("add a web services user", "web services user
 * details" → "web services user"): titles vary between screens, the thing they name does not.
 */
function nameForms(name: string): string[] {
  const forms = [name];
  const cut = name.split(/\s*(?::|\s--\s|\s[-–]\s)\s*/)[0]?.trim() ?? '';
  if (cut && cut !== name) forms.push(cut);
  for (const form of [...forms]) {
    const core = form.replace(ACTION_PREFIX, '').replace(DETAIL_SUFFIX, '').trim();
    if (core && !forms.includes(core)) forms.push(core);
  }
  return forms;
}

/**
 * The first, cheap read every frame gets (issue #10): the page's names and path, and — only if a detector
 * asks — whether its text mentions a word or it has a file chooser. An ordinary page stops here.
 */
export interface PreSignals {
  /** Lower-case path plus query. */
  path: string;
  /** As PageSignals.names (normalized on first use). */
  readonly names: string[];
  /** The first look (utils/pages/first-look.ts): false lets an ordinary page stop before any detector runs. */
  mightBeSetup(): boolean;
  /** Whether the page's text (its body's text content, read once) matches `pattern`. */
  mentions(pattern: RegExp): boolean;
  hasFileInput(): boolean;
  /** Whether the page has a checkbox or switch (subscriptions, rights), read once. */
  hasCheckboxes(): boolean;
  /** Whether the page has a table or grid column header, read once. */
  hasColumnHeads(): boolean;
}

export function readPreSignals(doc: Document, url: string): PreSignals {
  const path = pathOf(url);
  let names: string[] | undefined;
  let text: string | undefined;
  let file: boolean | undefined;
  let checks: boolean | undefined;
  let heads: boolean | undefined;
  const bodyText = (): string => (text ??= doc.body?.textContent ?? '');
  const pre: PreSignals = {
    path,
    get names() {
      if (!names) {
        const title = stripProductPrefix(normalizeLabel(doc.title));
        const headings = texts(doc, NAME_SELECTOR, shortOf);
        names = [...(title ? [title] : []), ...headings].flatMap(nameForms);
      }
      return names;
    },
    mightBeSetup: () => mightBeSetupPage(doc, url),
    mentions: (pattern) => pattern.test(bodyText()),
    hasFileInput: () => (file ??= doc.querySelector(FILE_SELECTOR) !== null),
    hasCheckboxes: () => (checks ??= doc.querySelector(CHECK_SELECTOR) !== null),
    hasColumnHeads: () => (heads ??= doc.querySelector(HEAD_SELECTOR) !== null),
  };
  return pre;
}

export function readPageSignals(doc: Document, url: string, pre: PreSignals = readPreSignals(doc, url)): PageSignals {
  const { path, names } = pre;
  const sections = texts(doc, 'h3, h4, legend, caption, fieldset > .title, [role="tab"][aria-selected="true"]', shortOf);
  const fields = new Set([
    ...indexFields(doc, { maxControls: MAX_PER_SELECTOR }).names,
    ...texts(doc, 'label, td.label, .fieldlabel, dt, th[scope="row"]', labelText),
  ]);
  const columns = new Set([
    ...texts(doc, 'th, [role="columnheader"], thead td, table > tbody:first-child > tr:first-child > td', shortOf),
    // Grids drawn with divs and lists: the cells of their first row, and the children of a header strip.
    ...texts(doc, 'ul > li:first-child > *, ol > li:first-child > *, [role="list"] > :first-child > *, [class*="head"] > *', shortOf),
  ]);
  const actions = new Set([
    ...texts(doc, 'a, button, [role="button"], [role="link"]', (el) => shortText(el, 120) || el.getAttribute('aria-label')),
    ...texts(doc, 'input[type="button"], input[type="submit"]', (el) => el.getAttribute('value')),
  ]);
  let qualifierCache: string[] | undefined;
  const qualifiers = (): string[] =>
    (qualifierCache ??= readContextLines(doc).map((c) => `${c.key}: ${c.value.toLowerCase()}`));
  return {
    path,
    names,
    sections,
    fields,
    columns,
    actions,
    hasFileInput: pre.hasFileInput(),
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
