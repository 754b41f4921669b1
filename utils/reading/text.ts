/**
 * How the helper compares what a page says with what it looks for: one normalization for every name
 * (labels, headings, column heads, application names). Intacct writes one label many ways —
 * `Sender ID:&nbsp;*`, `User ID *`, `* Status`, `Email address (required)`, a full-width colon, a
 * footnote mark, a help icon after it, a soft hyphen or a zero-width space inside a long word — and all of
 * them are the same label (docs/intacct.md, "Pages").
 */

// Characters a person never sees: soft hyphen, zero-width space/joiners, word joiner, BOM, Mongolian vowel
// separator, bidi marks and isolates, the combining grapheme joiner, and the Hangul fillers a name can be
// padded with. One class, no quantifier over it: one pass, nothing to backtrack.
const INVISIBLE = /[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]/g;
// Footnote marks that NFKC would turn into digits ("Email¹" → "Email1"): dropped before it runs.
const SUPERSCRIPTS = /[\u00b2\u00b3\u00b9\u2070-\u209f]/g;

// Text with nothing but printable ASCII and whitespace needs no folding: most of a page, and every row name
// of a 6,000-box grid, takes this path.
const NOT_PLAIN = /[^\x20-\x7e\t\n\r]/;

/** The text as a person reads it: compatibility forms folded (NFKC), invisible characters dropped, spaces squashed. */
export function squash(text: string | null | undefined): string {
  if (!text) return '';
  if (!NOT_PLAIN.test(text)) return text.replace(/\s+/g, ' ').trim();
  return text.replace(SUPERSCRIPTS, '').replace(INVISIBLE, '').normalize('NFKC').replace(/\s+/g, ' ').trim();
}

// Marks that say "required", close a label or point at help, in any order: `:`, `*`, `∗`, `†`, `‡`, `?`,
// `ⓘ`, `ℹ`, `🛈`. After NFKC the full-width forms are plain ones.
const LEADING_MARKS = /^[\s*\u2217]+/;
// The look-behind starts the match only where a run of marks starts: one scan of a long run, not one per mark.
const TRAILING_MARKS = /(?<![\s:*\u2217\u2020\u2021?])[\s:*\u2217\u2020\u2021?]+$/;
// "(required)", "(optional)", "(?)", "(i)", "[?]" at the end.
const TRAILING_NOTE = /\s?[([](?:required|optional|\?|i)[)\]]$/;
const REQUIRED_WORD = /\s(?:required|optional)$/;

// Help icons after a label ("User type ⓘ"): NFKC would turn the circled i into a letter, so they go first.
const HELP_ICONS = /[\u24d8\u2139\u2753\u2754\u{1f6c8}]/gu;

/** A label as the helper compares it: squashed, lower case, required and help marks and a "(required)" note dropped. */
export function normalizeLabel(text: string | null | undefined): string {
  let t = squash(text ? text.replace(HELP_ICONS, ' ') : text).toLowerCase();
  if (!t) return '';
  t = t.replace(LEADING_MARKS, '').replace(TRAILING_MARKS, '');
  // A note, then marks again ("Status (required):" → "status"); twice at most, so no input loops.
  for (let i = 0; i < 2; i++) {
    const withoutNote = t.replace(TRAILING_NOTE, '').replace(REQUIRED_WORD, '');
    if (withoutNote === t || !withoutNote) break;
    t = withoutNote.replace(TRAILING_MARKS, '');
  }
  return t;
}

/**
 * The one key for application, module and permission-object names, wherever they are compared (the page
 * audit, the company Subscriptions audit, the whole-user audit, the audit history and its drift, Apply, the
 * detectors' list of applications): a label as `normalizeLabel` writes it, with "and" and "&" written one
 * way. "Time & Expenses", "Time and Expenses", "TIME&EXPENSES" and "Time & Expenses:" are all
 * "time & expenses". Stored names (the audit history) are kept as the page wrote them and keyed on reading,
 * so every earlier spelling is still found.
 */
export function normalizeName(text: string | null | undefined): string {
  // normalizeLabel leaves single spaces only, so a space is matched as one character, never as a run.
  return normalizeLabel(text).replace(/ and /g, ' & ').replace(/ ?& ?/g, ' & ');
}

/**
 * A name as part of a finding's id: the same for every spelling `normalizeName` takes as one name, and
 * readable — "Time & Expenses" and "Time and Expenses" are "time-and-expenses". "x" when nothing is left.
 */
export function nameSlug(text: string | null | undefined): string {
  return (
    normalizeName(text)
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

/**
 * The text of `el` if it is short, read without walking a big subtree: the walk stops after `max`
 * characters or `maxNodes` nodes and answers null, so a grid's wrapper never costs its whole text.
 */
export function shortText(el: Element, max = 160, maxNodes = 40): string | null {
  let out = '';
  let nodes = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (++nodes > maxNodes) return null;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      if (out.length > max * 2) return null;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = (node as Element).localName;
    if (name === 'script' || name === 'style' || name === 'template') continue;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  const text = squash(out);
  return text.length <= max ? text : null;
}
