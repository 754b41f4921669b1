/**
 * The first look every Intacct frame gets (issue #10): could anything on this page make it a setup page?
 * Plain string searches over the title and headings, the path, and one element lookup — no regular
 * expression (each costs its compilation on first use) and no import, so the all-frames detector can
 * answer it before the detectors' code is even evaluated. False lets an ordinary page stop here; it must
 * be true wherever a detector could recognize the page (tests/unit/pages/gates.test.ts holds it to that).
 */

// Where a page's name may be (reading/page-name.ts): headings, a dialog's title, a legend, a caption, the breadcrumb.
export const NAME_SELECTOR = 'h1, h2, [role="heading"], [class*="title" i], [role="dialog"], dialog, legend, caption, nav, [class*="crumb" i]';
export const FILE_SELECTOR = 'input[type="file"]';
export const CHECK_SELECTOR = 'input[type="checkbox"], [role="checkbox"], [role="switch"]';
export const HEAD_SELECTOR = 'th, [role="columnheader"], thead td, [class*="-head"] > *, [class*="header"] > span';
const STRUCTURE_SELECTOR = `${FILE_SELECTOR}, ${CHECK_SELECTOR}, ${HEAD_SELECTOR}`;

// Words one of the setup pages' names holds (the detectors' NAMED patterns), in lower case.
const NAME_WORDS = ['web services', 'role', 'user', 'permission', 'subscri', 'configur', 'setup', 'expense type', 'compan', 'sender', 'package', 'install', 'employee'];
// Path hints that, with the page's words, recognize a page without its name (the detectors' URL hints).
const PATH_WORDS = ['lister.phtml', 'editor.phtml', 'subscri', '.it=role', '.it=employee'];
// Content words of the detectors that can recognize a page without its name.
const CONTENT_WORDS = ['user type', 'admin privileges', 'contact name', 'email address', 'subscriptions', 'web services', 'services', 'expenses', 'application', 'sender id', 'authoriz', 'authoris'];

/** Path and query of `url`, in lower case, read without the URL parser. */
export function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  const start = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  if (start < 0) return '';
  const hash = url.indexOf('#', start);
  return (hash < 0 ? url.slice(start) : url.slice(start, hash)).toLowerCase();
}

export function mightBeSetupPage(doc: Document, url: string): boolean {
  const path = pathOf(url);
  let nameText = (doc.title ?? '').toLowerCase();
  const found = doc.querySelectorAll(NAME_SELECTOR);
  for (let i = 0; i < found.length && i < 40; i++) nameText += ` ${(found[i]?.textContent ?? '').slice(0, 200).toLowerCase()}`;
  for (const w of NAME_WORDS) if (nameText.includes(w)) return true;
  let pathHint = false;
  for (const w of PATH_WORDS) if (path.includes(w)) pathHint = true;
  // One lookup for a file chooser, a checkbox or a column head: an ordinary page has none of them.
  if (!pathHint && doc.querySelector(STRUCTURE_SELECTOR) === null) return false;
  if (doc.querySelector(FILE_SELECTOR) !== null || doc.querySelector(CHECK_SELECTOR) !== null) return true;
  if (!pathHint && doc.querySelector(HEAD_SELECTOR) === null) return false;
  if (path.includes('.it=role') || path.includes('.it=employee')) return true;
  const text = (doc.body?.textContent ?? '').toLowerCase();
  for (const w of CONTENT_WORDS) if (text.includes(w)) return true;
  return false;
}
