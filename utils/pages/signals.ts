import { indexFields } from '@/utils/reading/fields';
import { readContextLines } from '@/utils/reading/context';
import { labelText } from '@/utils/reading/names';
import { readPageNames } from '@/utils/reading/page-name';
import { readRecords } from '@/utils/reading/records';
import { readRightsGrids } from '@/utils/reading/rights-grid';
import { contentRoots, queryAllDeep, type ContentRoot } from '@/utils/reading/tree';
import { normalizeLabel, shortText } from '@/utils/reading/text';
import { pathOf } from './first-look';

/**
 * What a page says about itself, read once per detection pass. Detection reads what an admin reads — the
 * page's name where a person sees it, its breadcrumb, section titles, the names of fields, column heads,
 * link texts — through the same reading model as the audit (`utils/reading/`), because Intacct's ids and
 * `.op` codes are undocumented and change between UI generations (docs/intacct.md).
 */
export interface PageSignals {
  /** Lower-case path plus query, e.g. `/ia/acct/editor.phtml?.it=webuser`. */
  path: string;
  /**
   * The page's title-like names (reading/page-name.ts), normalized; a name that names a record ("Web
   * Services user: jdoe--Jane Doe") also counts without the record, and without an action or "details" word.
   */
  names: string[];
  /** The breadcrumb trail, normalized, in its forms as names have them. */
  trail: string[];
  /** Section titles, tabs, inner legends and captions: parts of the page, never its name. */
  sections: string[];
  /** The names of the page's fields (accessible names and label texts, read-only labels too). */
  fields: Set<string>;
  /** Table and grid column headers. */
  columns: Set<string>;
  /** Text of links and buttons. */
  actions: Set<string>;
  /** Whether the page offers a file chooser (package and application uploads). */
  hasFileInput: boolean;
  /** Whether the page has a box or switch (subscriptions, rights). */
  hasCheckboxes: boolean;
  /** Whether the page's text (its body and open shadow roots, read once) matches `pattern`. */
  mentions(pattern: RegExp): boolean;
  /** Whether the page lists records (table rows or cards) whose keys satisfy `accept`: read only when asked. */
  hasList(accept: (keys: readonly string[]) => boolean): boolean;
  /** The rights grids of the page (objects with boxes under verbs): how many objects, and the sections' titles. */
  rights(): { objects: number; titles: string[] };
  /** Context lines such as "role: expensify" that qualify a page; read only when a detector asks. */
  qualifiers: () => string[];
}

// A 6,000-checkbox permissions page must still be read in a few milliseconds; past this many elements
// of one sort the rest add nothing to recognition.
const MAX_PER_SELECTOR = 400;

function texts(roots: readonly ContentRoot[], selector: string, read: (el: Element) => string | null): string[] {
  const out: string[] = [];
  const found = queryAllDeep(roots, selector);
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

const ACTION_PREFIX = /^(?:new|create|add|edit|view|update|modify|manage)\s+(?:an?\s+|the\s+)?/;
const DETAIL_SUFFIX = /\s+(?:information|info|details|detail|page)$/;

/**
 * A name as written, without the record it names ("web services user: jdoe--jane doe" → "web services
 * user"), and its core without an action or a "details" word ("add a web services user", "web services user
 * details" → "web services user"): titles vary between screens, the thing they name does not.
 */
export function nameForms(name: string): string[] {
  const forms = [name];
  const cut = name.split(/\s*(?::|\s--\s|\s[-–]\s)\s*/)[0]?.trim() ?? '';
  if (cut && cut !== name) forms.push(cut);
  for (const form of [...forms]) {
    const core = form.replace(ACTION_PREFIX, '').replace(DETAIL_SUFFIX, '').trim();
    if (core && !forms.includes(core)) forms.push(core);
  }
  return forms;
}

function deepText(roots: readonly ContentRoot[]): string {
  let text = '';
  for (const root of roots) {
    const host = root.nodeType === 9 ? (root as Document).body : root;
    text += ` ${host?.textContent ?? ''}`;
  }
  return text;
}

export function readPageSignals(doc: Document, url: string): PageSignals {
  const path = pathOf(url);
  const roots = contentRoots(doc);
  const pageNames = readPageNames(doc, roots);
  const norm = (list: readonly string[]): string[] => [...new Set(list.map(normalizeLabel).filter(Boolean).flatMap(nameForms))];
  const fields = new Set([
    ...indexFields(doc, { maxControls: MAX_PER_SELECTOR }).names,
    ...texts(roots, 'label, td.label, .fieldlabel, dt, th[scope="row"]', labelText),
  ]);
  const columns = new Set([
    ...texts(roots, 'th, [role="columnheader"], thead td, table > tbody:first-child > tr:first-child > td', shortOf),
    // Grids drawn with divs and lists: the cells of their first row, and the children of a header strip.
    ...texts(roots, 'ul > li:first-child > *, ol > li:first-child > *, [role="list"] > :first-child > *, [class*="head"] > *', shortOf),
  ]);
  const actions = new Set([
    ...texts(roots, 'a, button, [role="button"], [role="link"]', (el) => shortText(el, 120) || el.getAttribute('aria-label')),
    ...texts(roots, 'input[type="button"], input[type="submit"]', (el) => el.getAttribute('value')),
  ]);
  let body: string | undefined;
  let qualifierCache: string[] | undefined;
  let rightsCache: { objects: number; titles: string[] } | undefined;
  return {
    path,
    names: norm(pageNames.names),
    trail: norm(pageNames.trail),
    sections: norm(pageNames.sections),
    fields,
    columns,
    actions,
    hasFileInput: queryAllDeep(roots, 'input[type="file"]').length > 0,
    hasCheckboxes: queryAllDeep(roots, 'input[type="checkbox"], [role~="checkbox"], [role~="switch"], [aria-pressed]').length > 0,
    mentions: (pattern) => pattern.test((body ??= deepText(roots))),
    hasList: (accept) => readRecords(doc, accept).some((list) => list.records.length > 0),
    rights: () => {
      if (!rightsCache) {
        const grids = readRightsGrids(roots);
        const segments = grids.flatMap((g) => g.segments.map((seg) => ({ title: seg.title ?? g.caption, objects: seg.objects.length })));
        rightsCache = { objects: segments.reduce((n, seg) => n + seg.objects, 0), titles: segments.map((seg) => normalizeLabel(seg.title)).filter(Boolean) };
      }
      return rightsCache;
    },
    qualifiers: () => (qualifierCache ??= readContextLines(doc).map((c) => `${c.key}: ${c.value.toLowerCase()}`)),
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
