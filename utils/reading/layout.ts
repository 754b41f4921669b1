import { CONTROL_SELECTOR, isCheckControl, isControl, isRadio } from './controls';
import { composedParent, isOwnUi } from './tree';
import { normalizeLabel, squash } from './text';

/**
 * Layout as a person reads it: where a control has no programmatic name, the visible text a person takes
 * for its label, from the rendered geometry (`getBoundingClientRect`). The nearest text on the same line to
 * its left — for a check box, radio or switch first the text to its right, since "☐ List ☐ View" names
 * each box by the word after it — else the nearest line just above it in its column. Text separated from
 * the control by another control belongs to that one. Links and buttons are actions, not labels.
 *
 * Only a browser lays a page out: where nothing has a size (a document parsed for a unit test, a control
 * hidden in a closed section) this answers null and the reader falls back on document order (names.ts).
 */

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Phrase extends Rect {
  text: string;
}

function rectOf(el: Element): Rect | null {
  try {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
  } catch {
    return null;
  }
}

/** Whether the browser laid `el` out (false in a unit test's parsed document, and for a hidden element). */
export function hasLayout(el: Element): boolean {
  return rectOf(el) !== null;
}

// A scope of more elements than this is a whole form or grid, not the control's neighbourhood.
const MAX_SCOPE_ELEMENTS = 400;
const MAX_TEXTS = 120;

function smallEnough(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 1);
  let n = 0;
  while (walker.nextNode()) if (++n > MAX_SCOPE_ELEMENTS) return false;
  return true;
}

/** The control's neighbourhood: its nearest ancestors up to a few levels, stopping before a whole grid or form. */
function scopeOf(control: Element): Element | null {
  let scope: Element | null = null;
  let node = composedParent(control);
  for (let depth = 0; node && depth < 6 && node.localName !== 'body' && node.localName !== 'html'; depth++) {
    if (!smallEnough(node)) break;
    scope = node;
    node = composedParent(node);
  }
  return scope ?? composedParent(control);
}

const NOT_LABEL_TEXT = new Set(['script', 'style', 'template', 'option', 'optgroup', 'select', 'textarea', 'noscript']);

/** Text that is an action or another control's, not a label: a link, a button, a control's own text. */
function ownerBlocks(text: Text, control: Element): boolean {
  for (let el: Element | null = text.parentElement; el; el = composedParent(el)) {
    if (el === control) return true;
    if (NOT_LABEL_TEXT.has(el.localName)) return true;
    const n = el.localName;
    const role = el.getAttribute('role');
    if (n === 'a' || n === 'button' || role === 'button' || role === 'link' || role === 'tab' || role === 'menuitem') return true;
    if (isControl(el)) return true;
    if (n === 'body') return false;
  }
  return false;
}

function textsIn(scope: Element, control: Element): Text[] {
  const out: Text[] = [];
  const visit = (root: Node): void => {
    const walker = scope.ownerDocument.createTreeWalker(root, 1 | 4);
    for (let node = walker.nextNode(); node && out.length < MAX_TEXTS; node = walker.nextNode()) {
      if (node.nodeType === 3) {
        if (squash(node.nodeValue) && !ownerBlocks(node as Text, control)) out.push(node as Text);
      } else {
        const shadow = (node as Element).shadowRoot;
        if (shadow && !isOwnUi(node as Element)) visit(shadow);
      }
    }
  };
  visit(scope);
  return out;
}

function textRect(text: Text): Rect | null {
  try {
    const range = text.ownerDocument.createRange();
    range.selectNodeContents(text);
    const r = range.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
  } catch {
    return null;
  }
}

function sameLine(a: Rect, b: Rect): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/** Text nodes read as a person reads them: neighbours on one line with a small gap make one phrase. */
function phrasesOf(texts: readonly Text[], controls: readonly Rect[]): Phrase[] {
  const pieces: Phrase[] = [];
  for (const t of texts) {
    const r = textRect(t);
    if (r) pieces.push({ ...r, text: squash(t.nodeValue) });
  }
  pieces.sort((a, b) => a.top - b.top || a.left - b.left);
  const phrases: Phrase[] = [];
  for (const p of pieces) {
    const last = phrases[phrases.length - 1];
    const gap = last ? p.left - last.right : Infinity;
    const between = last ? controls.some((c) => sameLine(c, p) && c.left >= last.right - 1 && c.right <= p.left + 1) : false;
    if (last && sameLine(last, p) && gap > -2 && gap < 12 && !between) {
      last.text = `${last.text} ${p.text}`;
      last.right = Math.max(last.right, p.right);
      last.top = Math.min(last.top, p.top);
      last.bottom = Math.max(last.bottom, p.bottom);
    } else phrases.push({ ...p });
  }
  return phrases.filter((p) => normalizeLabel(p.text) !== '');
}

/** Text written as a label: it ends in a colon (or a required mark after one). */
export function endsAsLabel(text: string): boolean {
  return /[:：][*∗]?$/.test(text.replace(/\s/g, ''));
}

const MAX_LEFT_GAP = 600;
const MAX_RIGHT_GAP = 300;
const MAX_ABOVE_GAP = 40;

function nearestLeft(r: Rect, phrases: readonly Phrase[], controls: readonly Rect[]): Phrase | null {
  let best: Phrase | null = null;
  for (const p of phrases) {
    if (!sameLine(p, r) || p.right > r.left + 2 || r.left - p.right > MAX_LEFT_GAP) continue;
    if (controls.some((c) => sameLine(c, r) && c.left >= p.right - 1 && c.right <= r.left + 1)) continue;
    if (!best || p.right > best.right) best = p;
  }
  return best;
}

function nearestRight(r: Rect, phrases: readonly Phrase[], controls: readonly Rect[]): Phrase | null {
  let best: Phrase | null = null;
  for (const p of phrases) {
    if (!sameLine(p, r) || p.left < r.right - 2 || p.left - r.right > MAX_RIGHT_GAP) continue;
    if (controls.some((c) => sameLine(c, r) && c.left >= r.right - 1 && c.right <= p.left + 1)) continue;
    if (!best || p.left < best.left) best = p;
  }
  return best;
}

function nearestAbove(r: Rect, phrases: readonly Phrase[], controls: readonly Rect[]): Phrase | null {
  let best: Phrase | null = null;
  for (const p of phrases) {
    if (p.bottom > r.top + 2 || r.top - p.bottom > MAX_ABOVE_GAP) continue;
    // In its column: starting near the control's left edge, or over it.
    const overlaps = Math.min(p.right, r.right) - Math.max(p.left, r.left) > 0;
    if (!overlaps && Math.abs(p.left - r.left) > 16) continue;
    if (controls.some((c) => c.top >= p.bottom - 1 && c.bottom <= r.top + 1 && Math.min(c.right, r.right) > Math.max(c.left, r.left))) continue;
    if (!best || p.bottom > best.bottom) best = p;
  }
  return best;
}

/**
 * The label a person reads beside `control`, or null (no layout, or no text where a label would be).
 * `control` may be a group (a radio group's container), read as one box.
 */
export function visualLabel(control: Element): string | null {
  const r = rectOf(control);
  if (!r) return null;
  const scope = scopeOf(control);
  if (!scope) return null;
  const others: Rect[] = [];
  for (const el of Array.from(scope.querySelectorAll(CONTROL_SELECTOR))) {
    if (el === control || control.contains(el) || el.contains(control) || !isControl(el)) continue;
    const cr = rectOf(el);
    if (cr) others.push(cr);
  }
  const phrases = phrasesOf(textsIn(scope, control), others).filter((p) => !(p.left >= r.left && p.right <= r.right && p.top >= r.top && p.bottom <= r.bottom));
  const left = nearestLeft(r, phrases, others);
  // A box is named by the words after it ("☐ List ☐ View"), unless the text before it is written as a
  // label, ending in a colon ("Expense types: ☑ Employees pick expense types…").
  const check = isCheckControl(control) || isRadio(control);
  const right = check && !(left && endsAsLabel(left.text)) ? nearestRight(r, phrases, others) : null;
  const found = right ?? left ?? nearestAbove(r, phrases, others);
  return found ? found.text : null;
}
