import { accessibleName, isGenericName } from './accessible';
import { holdsControl, isCheckControl, isControl, isRadio } from './controls';
import { endsAsLabel, hasLayout, visualLabel } from './layout';
import { normalizeLabel, shortText, squash } from './text';

/**
 * The names a control goes by, best first: the accessible name the browser computes (accessible.ts), then,
 * where that is missing or generic, the label a person reads beside it (layout.ts); the label cell of its
 * table row and the `dt` of its `dd` (a classic page's structure, which both agree with); and where the
 * browser has no layout (a unit test's document, a hidden control), the text next to it in document order.
 * Last its title and placeholder. Every name is normalized (`normalizeLabel`); a control may have several
 * (the current UI pairs a visible "User ID*" label with an aria-label "User ID"), and any of them finds it.
 */

const NOT_LABEL_TEXT = new Set(['select', 'textarea', 'option', 'optgroup', 'script', 'style', 'template', 'button']);

/** A label's own words, without the option texts of a control it wraps (`<label>User type <select>…`). */
export function labelText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const childEl = child as Element;
        if (NOT_LABEL_TEXT.has(childEl.localName) || isControl(childEl) || childEl.getAttribute('role') === 'listbox') continue;
        walk(childEl);
      }
    }
  };
  walk(el);
  return squash(out);
}

function add(names: string[], text: string | null | undefined): void {
  const name = normalizeLabel(text);
  if (!name || name.length > 120 || isGenericName(name) || names.includes(name)) return;
  names.push(name);
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

function isCell(el: Element): boolean {
  const n = el.localName;
  if (n === 'td' || n === 'th') return true;
  const role = el.getAttribute('role');
  return role !== null && CELL_ROLES.has(role);
}

function isRowElement(el: Element | null): el is Element {
  return el !== null && (el.localName === 'tr' || el.getAttribute('role') === 'row');
}

/** The text of a cell or element that holds no control and reads as a label. */
function labelLike(el: Element): string | null {
  if (holdsControl(el)) return null;
  const text = shortText(el, 100);
  return text ? text : null;
}

/** Label cells in the control's table row: a row header, the nearest text cell to its left, or the cell above. */
function addFromTableRow(names: string[], control: Element): void {
  // A group of radios may be held by its cell itself.
  let cell: Element | null = isCell(control) ? control : control.parentElement;
  for (let depth = 0; cell && depth < 3 && !isCell(cell); depth++) cell = cell.parentElement;
  if (!cell || !isCell(cell)) return;
  const row = cell.parentElement;
  if (!isRowElement(row)) return;
  for (let sib = cell.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (!isCell(sib)) continue;
    const text = labelLike(sib);
    if (text) return add(names, text);
  }
  // A label row above the value row: same column, a row that holds no control.
  const above = row.previousElementSibling;
  if (!isRowElement(above) || holdsControl(above)) return;
  const column = Array.prototype.indexOf.call(row.children, cell) as number;
  const over = above.children[column];
  if (over && isCell(over)) add(names, labelLike(over));
}

function addFromDefinition(names: string[], control: Element): void {
  const dd = control.closest('dd');
  if (!dd) return;
  for (let sib = dd.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.localName === 'dt') return add(names, labelText(sib));
  }
}

/**
 * Document order, for a check box or radio: the words right after it (`<input type=checkbox> List`), or in
 * the next cell when it stands alone in its own (`<td><input type=radio></td><td>All</td>`). As written.
 */
function followingText(control: Element): string | null {
  const after = control.nextSibling;
  if (after && after.nodeType === 3 && squash(after.nodeValue)) return squash(after.nodeValue);
  const alone = !control.nextElementSibling && !control.previousElementSibling && control.parentElement && isCell(control.parentElement);
  const next = alone ? control.parentElement?.nextElementSibling : control.nextElementSibling;
  if (next && !holdsControl(next) && next.localName !== 'a' && next.localName !== 'button') return shortText(next, 80);
  return null;
}

function addFollowingText(names: string[], control: Element): void {
  add(names, followingText(control));
}

/**
 * Document order, in a div form without `for`: the short text just before the control or its wrapper,
 * within its field. With `labelsOnly`, only text written as a label (ending in a colon).
 */
function addPrecedingText(names: string[], control: Element, labelsOnly: boolean): void {
  const take = (text: string | null | undefined): void => {
    if (text && (!labelsOnly || endsAsLabel(text))) add(names, text);
  };
  let node: Element | null = control;
  for (let level = 0; node && level < 3; level++) {
    let steps = 0;
    for (let sib = node.previousElementSibling; sib && steps < 2; sib = sib.previousElementSibling, steps++) {
      // Another field's control: the text before it belongs to that field.
      if (holdsControl(sib)) return;
      const text = labelLike(sib);
      if (text) return take(text);
    }
    // Bare text right before the control (`Status: <select>`).
    const before = node.previousSibling;
    if (before && before.nodeType === 3 && squash(before.nodeValue)) return take(before.nodeValue);
    const parent: Element | null = node.parentElement;
    if (!parent || parent.localName === 'form' || parent.localName === 'body' || isCell(parent)) return;
    node = parent;
  }
}

/**
 * The words a person reads as the control's label, as the page writes them (case kept): beside it on
 * screen, else in document order (the words after a box, unless the text before it is written as a
 * label). Null when there are none. Names rows of boxes by their own words ("☐ Administration ☐ Accounts
 * Receivable" on one line).
 */
export function visibleLabel(control: Element): string | null {
  try {
    if (hasLayout(control)) return visualLabel(control);
    if (isCheckControl(control) || isRadio(control)) {
      const before: string[] = [];
      addPrecedingText(before, control, true);
      if (!before.length) return followingText(control);
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Every name of `control`, best first. Never throws. `own: false` skips the element's own accessible name:
 * a group held by a plain cell or div would be named by its members' words.
 */
export function controlNames(control: Element, own = true): string[] {
  const names: string[] = [];
  try {
    if (own) add(names, accessibleName(control));
    const laidOut = hasLayout(control);
    if (names.length === 0 && laidOut) add(names, visualLabel(control));
    addFromTableRow(names, control);
    addFromDefinition(names, control);
    if (names.length === 0) {
      // In document order as on screen: a box is named by the words after it, unless the text before it
      // is written as a label (ending in a colon).
      const before: string[] = [];
      addPrecedingText(before, control, true);
      if ((isCheckControl(control) || isRadio(control)) && !before.length) addFollowingText(names, control);
      if (names.length === 0) addPrecedingText(names, control, false);
    }
    add(names, control.getAttribute('title'));
    add(names, control.getAttribute('placeholder'));
  } catch {
    // An odd node (a detached wrapper, a frame's element mid-navigation) has no name; the page still reads.
  }
  return names;
}
