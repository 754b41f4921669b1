/**
 * How the helper compares what a page says with what it looks for. Intacct writes one label many ways:
 * `Sender ID:&nbsp;*`, `User ID *`, `* Status`, `Email address (required)`, with the mark in its own
 * element or not (reference §3.4). All of them are the same label.
 */

/** Runs of spaces, tabs, line breaks and no-break spaces as one space, trimmed. */
export function squash(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

// Marks that say "required" or close a label, in any order: `:`, `*`, the full-width colon, `∗`.
const LEADING_MARKS = /^[\s*\u2217\uff0a]+/;
// The look-behind starts the match only where a run of marks starts: one scan of a long run, not one per mark.
const TRAILING_MARKS = /(?<![\s:*\u2217\uff0a\uff1a])[\s:*\u2217\uff0a\uff1a]+$/;
const REQUIRED_WORD = /\s\(?(?:required|optional)\)?$/;

/** A label as the helper compares it: spaces squashed, lower case, marks and a "(required)" note dropped. */
export function normalizeLabel(text: string | null | undefined): string {
  let t = squash(text).toLowerCase();
  if (!t) return '';
  t = t.replace(LEADING_MARKS, '').replace(TRAILING_MARKS, '');
  const withoutWord = t.replace(REQUIRED_WORD, '');
  if (withoutWord !== t && withoutWord) t = withoutWord.replace(TRAILING_MARKS, '');
  return t;
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
