/**
 * The first look every Intacct frame gets (issues #10 and #21): could this page be a setup page at all?
 * It must say yes wherever a detector could recognize the page (tests/unit/pages/gates.test.ts and every
 * blind round hold it to that), and no on the pages an admin opens all day — a dashboard, a list of
 * accounts, a journal entry, a report about users and roles, a help page — so that they stop here, before
 * the recognizer is injected. It asks what each detector needs at the least, with plain string searches
 * and a few element lookups: no regular expression, no import, nothing read twice.
 *
 * A setup page is named where a person looks (its title, a heading, a dialog's title, a legend, a caption,
 * the breadcrumb, a title bar) by one of a few phrases, and has the structure its kind needs: a form's
 * fields, a list's column heads, a grid's boxes, a file chooser. Without such a name, only a path that says
 * it, a list of sender IDs or a grid of boxes under "Activities and lists" can make one.
 */

// Where a page's name may be (reading/page-name.ts), with the section titles a detector also weighs.
// Tag and role selectors only: a selector on a class substring ("*title*") would test every element of a
// big page on every look; a title bar that is no heading is read as the page's first words instead.
export const NAME_SELECTOR = 'h1, h2, h3, h4, [role="heading"], [role="dialog"], dialog, legend, caption, summary, nav, [role="tab"]';
// NAME_SELECTOR as a tag and a role set, for the elements a page adds one by one.
const NAME_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'dialog', 'legend', 'caption', 'summary', 'nav']);
const NAME_ROLES = new Set(['heading', 'dialog', 'tab']);
export const FILE_SELECTOR = 'input[type="file"]';
export const CHECK_SELECTOR = 'input[type="checkbox"], [role="checkbox"], [role="switch"], [aria-pressed]';
const FIELD_SELECTOR = 'input:not([type="hidden"]), select, textarea, [role="combobox"], [role="radiogroup"], [role="textbox"], [role="switch"], [role="checkbox"], dd, th[scope="row"]';
const HEAD_SELECTOR = 'th, [role="columnheader"]';
// A user's User type and Admin privileges are choices (a list, a combobox, radios), or in view mode label/value pairs.
const CHOICE_SELECTOR = 'select, [role="combobox"], [role="radiogroup"], [role="listbox"], input[type="radio"], dd, th[scope="row"]';
// Column heads, and the first row of a list drawn with list items.
const HEADS_SELECTOR = 'th, [role="columnheader"], li:first-child > *, [class*="head" i] > *';

type Needs = 'form' | 'choices' | 'list' | 'users' | 'senders' | 'boxes' | 'rights' | 'file' | 'any';

// Phrases a setup page's name holds (lower case), with what a page so named must also have. A name that
// says "report" is a report's, whatever else it says.
const NAMED: ReadonlyArray<[string, Needs]> = [
  ['web services users', 'users'],
  ['web services users', 'choices'],
  ['web services user', 'choices'],
  ['web services sender', 'form'],
  ['sender information', 'form'],
  ['permission', 'rights'],
  ['configure expense', 'form'],
  ['configure time', 'form'],
  ['expenses configuration', 'form'],
  ['expense configuration', 'form'],
  ['expenses setup', 'form'],
  ['expense setup', 'form'],
  ['expense settings', 'form'],
  ['expenses settings', 'form'],
  ['web services authori', 'any'],
  ['company information', 'senders'],
  ['company info', 'senders'],
  // A Permissions window that never says its name: its section "Activities and lists" over a grid of boxes.
  ['activities and lists', 'boxes'],
  ['package', 'file'],
  ['install', 'file'],
  ['from xml', 'file'],
  ['employee information', 'form'],
  ['expense type', 'form'],
  ['role information', 'form'],
];
// Whole names (after a record and an action word are cut): "Roles", "Edit role: Expensify", "Employee".
const WHOLE: ReadonlyArray<[string, Needs]> = [
  ['roles', 'list'],
  ['role', 'form'],
  ['employee', 'form'],
  ['applications', 'boxes'],
  ['subscriptions', 'any'],
  ['subscription', 'any'],
  ['company subscriptions', 'any'],
  ['roles subscriptions', 'any'],
  ['role subscriptions', 'any'],
  ['role subscription', 'any'],
  ['user subscriptions', 'any'],
  ['application subscriptions', 'any'],
  ['user application subscriptions', 'any'],
  ['role application subscriptions', 'any'],
];
// "Subscriptions for role Expensify".
const SUBSCRIPTIONS_OF = ['subscriptions for ', 'subscriptions of '];
const ACTIONS = ['new ', 'add ', 'create ', 'edit ', 'view ', 'update ', 'manage '];

// Path words that, with the page's content, recognize a page that never says its name (the detectors' URL
// hints; ASSUMED: Intacct's paths are undocumented): the company's Subscriptions, a Permissions window
// ("…policy"), the custom packages. Each with the structure the page needs.
const PATH_WORDS: ReadonlyArray<[string, Needs]> = [
  ['subscri', 'boxes'],
  ['policy', 'boxes'],
  ['package', 'file'],
];

/** Path and query of `url`, in lower case, read without the URL parser. */
export function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  const start = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  if (start < 0) return '';
  const hash = url.indexOf('#', start);
  return (hash < 0 ? url.slice(start) : url.slice(start, hash)).toLowerCase();
}

/** "Edit role: Expensify" → "role"; "Sage Intacct - Roles" → "roles": a name as WHOLE compares it. */
function core(name: string): string {
  let t = name.trim();
  if (t.indexOf('sage intacct') === 0) t = t.slice(12);
  for (const sep of [' - ', ' – ', ' | ', ':', '--']) {
    const at = t.indexOf(sep);
    if (at > 0) t = t.slice(0, at);
  }
  t = t.trim();
  if (t.indexOf('- ') === 0 || t.indexOf('– ') === 0) t = t.slice(2).trim();
  for (const action of ACTIONS) if (t.indexOf(action) === 0) t = t.slice(action.length);
  if (t.indexOf('a ') === 0) t = t.slice(2);
  for (const tail of [' information', ' details']) if (t.length > tail.length && t.lastIndexOf(tail) === t.length - tail.length) t = t.slice(0, -tail.length);
  return t.trim();
}

function has(doc: Document, selector: string): boolean {
  return doc.querySelector(selector) !== null;
}

/** Whether a column head (of the first 60) holds one of `words`. */
function headSays(doc: Document, words: readonly string[]): boolean {
  const heads = doc.querySelectorAll(HEADS_SELECTOR);
  for (let i = 0; i < heads.length && i < 60; i++) {
    const text = (heads[i]?.textContent ?? '').toLowerCase();
    for (const w of words) if (text.indexOf(w) >= 0) return true;
  }
  return false;
}

/**
 * Whether the page draws part of itself in open shadow roots (web components): what they hold is out of
 * reach of a plain lookup, so a named page with such components passes on to the full reading, which
 * reads shadow roots. Looked for only once a name matched, over the first elements of the page.
 */
function hasComponents(doc: Document): boolean {
  if (componentsFound === null) componentsFound = walkForComponents(doc);
  return componentsFound;
}

// One walk per look (reset as a look starts): 'form' and 'choices' both ask.
let componentsFound: boolean | null = null;

function walkForComponents(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, 1);
  // Components that draw a page sit near its top: the first elements tell.
  for (let el = walker.nextNode() as Element | null, n = 0; el && n < 400; el = walker.nextNode() as Element | null, n++) {
    if (el.shadowRoot) return true;
  }
  return false;
}

/**
 * The page's text, read once by the browser: one native read costs less than a walk of its text nodes in
 * a script that has just been compiled (the look runs once, cold), even on the 6,000-box window.
 */
function bodyText(doc: Document): string {
  return (doc.body?.textContent ?? '').slice(0, 20000);
}

/** What the page has for `needs`, asked once per look however many names need it. */
function structure(doc: Document, needs: Needs, path: string, asked: Map<Needs, boolean>): boolean {
  const known = asked.get(needs);
  if (known !== undefined) return known;
  const found = hasStructure(doc, needs, path);
  asked.set(needs, found);
  return found;
}

function hasStructure(doc: Document, needs: Needs, path: string): boolean {
  if (needs === 'any') return true;
  if (needs === 'file') return has(doc, FILE_SELECTOR);
  // A Permissions window: its boxes, or the line that says whose rights it shows (its grid may come later).
  if (needs === 'rights') {
    if (hasStructure(doc, 'boxes', path)) return true;
    const text = bodyText(doc).slice(0, 4000).toLowerCase();
    return text.indexOf('role:') >= 0 || text.indexOf('user:') >= 0;
  }
  // In view mode a grid of rights shows ticks: images in its cells, or tick characters.
  if (needs === 'boxes') {
    if (has(doc, CHECK_SELECTOR) || has(doc, 'td img, [role="gridcell"] img, td svg')) return true;
    const text = bodyText(doc);
    return text.indexOf('✓') >= 0 || text.indexOf('✔') >= 0 || text.indexOf('☑') >= 0;
  }
  // A list of rows: column heads, an ARIA grid, or list items that hold cells.
  if (needs === 'list') return has(doc, HEAD_SELECTOR) || has(doc, '[role="grid"], [role="row"], li > :nth-child(3), [class*="head" i] > :nth-child(3)');
  // A user's form: its choices (a help page about users has text and tables, no choice to make).
  if (needs === 'choices') return has(doc, CHOICE_SELECTOR) || hasComponents(doc);
  // Company information's Security tab: its list of sender IDs.
  if (needs === 'senders') return headSays(doc, ['sender id']);
  // A list of users: a User ID or a Status column (a help page's table of user types has neither), or a
  // lister's path (the list detector's URL hint).
  if (needs === 'users') return path.indexOf('lister') >= 0 || headSays(doc, ['user id', 'status']);
  return has(doc, FIELD_SELECTOR) || hasComponents(doc);
}

const NOT_A_TITLE = new Set(['script', 'style', 'noscript', 'template', 'a', 'button', 'option', 'select', 'textarea', 'label']);

/**
 * The first words at the top of the page, in document order (the first text that is not a link, a button
 * or a menu): a classic page's title bar is often the first
 * text it holds (`<span class="ttl">Web Services Users</span>`), in no heading. Links, buttons and menus are
 * not titles. A few text nodes are visited, never the whole page.
 */
function firstTexts(doc: Document, out: string[]): void {
  const body = doc.body;
  if (!body) return;
  const walker = doc.createTreeWalker(body, 4);
  let kept = 0;
  for (let node = walker.nextNode(), seen = 0; node && kept < 1 && seen < 30; node = walker.nextNode(), seen++) {
    const text = node.nodeValue ?? '';
    if (!text.trim()) continue;
    let parent = node.parentElement;
    let skip = false;
    for (let up = 0; parent && up < 4; up++, parent = parent.parentElement) {
      const tag = parent.localName;
      if (NOT_A_TITLE.has(tag) || tag === 'nav' || tag === 'ul' || tag === 'ol' || parent.getAttribute('role') === 'menu') skip = true;
    }
    if (skip) continue;
    out.push(text.slice(0, 120).toLowerCase());
    kept++;
  }
}

/** The texts a person reads as the page's names, lower case: the title, the name-like elements, the first words. */
function nameTexts(doc: Document): string[] {
  const out = [(doc.title ?? '').toLowerCase()];
  firstTexts(doc, out);
  const found = doc.querySelectorAll(NAME_SELECTOR);
  for (let i = 0; i < found.length && i < 40; i++) {
    const el = found[i] as Element;
    // A dialog's name is its label, not all it holds; a big menu is read only as far as a name would go.
    const text =
      el.localName === 'dialog' || el.getAttribute('role') === 'dialog'
        ? (el.getAttribute('aria-label') ?? labelledBy(doc, el))
        : el.childElementCount > 30
          ? textUpTo(doc, el, 200)
          : (el.textContent ?? '').slice(0, 200);
    if (text) out.push(text.toLowerCase());
  }
  return out;
}

/** The first `max` characters of an element's text, read without walking the rest of a big subtree. */
function textUpTo(doc: Document, el: Element, max: number): string {
  const walker = doc.createTreeWalker(el, 4);
  let out = '';
  for (let node = walker.nextNode(); node && out.length < max; node = walker.nextNode()) out += node.nodeValue ?? '';
  return out.slice(0, max);
}

function labelledBy(doc: Document, el: Element): string {
  const id = el.getAttribute('aria-labelledby');
  return (id ? doc.getElementById(id.split(' ')[0] ?? '')?.textContent : '') ?? '';
}

/** The crumbs of a breadcrumb written as one text ("company › web services users › new"), one by one. */
function parts(text: string): string[] {
  let list = [text];
  for (const sep of ['›', '»', '>', '/', '|', '\n']) list = list.flatMap((t) => t.split(sep));
  return list;
}

// Every WHOLE name and SUBSCRIPTIONS_OF start holds one of these.
const WHOLE_WORDS = ['role', 'employee', 'application', 'subscription'];

function mayBeWhole(name: string): boolean {
  for (const word of WHOLE_WORDS) if (name.indexOf(word) >= 0) return true;
  return false;
}

const SEPARATORS = ['›', '»', '>', '/', '|', '\n', ':', ' - ', '--'];

function hasSeparator(text: string): boolean {
  for (const sep of SEPARATORS) if (text.indexOf(sep) >= 0) return true;
  return false;
}

/** What one look saw: why the page could be a setup page, or whether a name of one waits for its structure. */
export interface Look {
  /** "name: permission", "path: subscri", …; null when the page is not a setup page now. */
  reason: string | null;
  /** A setup page's name or path was there without the fields, list or boxes it needs: they may come. */
  waiting: boolean;
}

export function look(doc: Document, url: string): Look {
  const path = pathOf(url);
  const names = nameTexts(doc);
  const asked = new Map<Needs, boolean>();
  componentsFound = null;
  let waiting = false;
  // One search of all the names at once first: on an ordinary page no phrase is there, and that is all.
  const all = names.join('\n');
  for (const [phrase, needs] of NAMED) {
    if (all.indexOf(phrase) < 0) continue;
    if (!names.some((n) => n.indexOf(phrase) >= 0 && n.indexOf('report') < 0)) continue;
    if (structure(doc, needs, path, asked)) return { reason: `name: ${phrase}`, waiting: false };
    waiting = true;
  }
  for (const name of names) {
    // Whole names are short ("Roles", "Edit role: Expensify", "Company › Roles › Subscriptions"), and each
    // holds one of a few words: a name without them is not cut into crumbs at all.
    if (name.length > 80 || name.indexOf('report') >= 0 || !mayBeWhole(name)) continue;
    for (const part of hasSeparator(name) ? parts(name) : [name]) {
      const whole = core(part);
      if (whole.length > 40) continue;
      for (const [word, needs] of WHOLE) {
        if (whole !== word) continue;
        if (structure(doc, needs, path, asked)) return { reason: `name: ${word}`, waiting: false };
        waiting = true;
      }
      for (const start of SUBSCRIPTIONS_OF) if (whole.indexOf(start) === 0) return { reason: `name: ${start.trim()}`, waiting: false };
    }
  }
  for (const [w, needs] of PATH_WORDS) {
    if (path.indexOf(w) < 0) continue;
    if (structure(doc, needs, path, asked)) return { reason: `path: ${w}`, waiting: false };
    waiting = true;
  }
  return { reason: null, waiting };
}

/** Why the page could be a setup page ("name: permission", "path: subscri", …), or null: it is not one. */
export function firstLook(doc: Document, url: string): string | null {
  return look(doc, url).reason;
}

export function mightBeSetupPage(doc: Document, url: string): boolean {
  return firstLook(doc, url) !== null;
}

/**
 * Whether a change can alter the look's answer: a name-like element or the title came or changed, or the
 * last look saw a setup page's name waiting for its structure. Rows a page adds to its own list or grid
 * change nothing, so an ordinary page drawing itself is not looked at again and again.
 */
export function changeMatters(records: readonly MutationRecord[], waiting: boolean): boolean {
  if (waiting) return true;
  for (const record of records) {
    const target = record.target as Node;
    const holder = target.nodeType === 1 ? (target as Element) : target.parentElement;
    if (holder && (holder.localName === 'title' || holder.localName === 'head')) return true;
    if (record.type === 'characterData') continue;
    const added = record.addedNodes;
    for (let i = 0; i < added.length; i++) {
      const node = added[i] as Node;
      if (node.nodeType === 3 && node.parentElement?.localName === 'title') return true;
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      // A leaf (a bar of a chart, a cell, a line of a ticking panel) is answered without a selector.
      if (el.firstElementChild === null) {
        if (NAME_TAGS.has(el.localName) || NAME_ROLES.has(el.getAttribute('role') ?? '')) return true;
        continue;
      }
      if (el.matches(NAME_SELECTOR) || el.querySelector(NAME_SELECTOR) !== null) return true;
      // A page (or a part of one) drawn by script: its first words may be its title bar. A row is not.
      if (el.getElementsByTagName('*').length >= 20) return true;
    }
  }
  return false;
}
