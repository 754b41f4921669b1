import { holdsControl, isControl } from './controls';
import { normalizeLabel, shortText, squash } from './text';

/**
 * The names a control goes by, the way a browser and an admin read them (reference §3.4): `aria-labelledby`,
 * `aria-label`, `<label for>`, a wrapping label, then what layout says — the label cell left of it in a
 * table row (or above it), a `th scope=row`, the `dt` of its `dd`, the text just before it in a div form,
 * and last its title or placeholder. Every name is normalized (`normalizeLabel`); a control may have several
 * (the current UI pairs a visible "User ID*" label with an aria-label "User ID"), and any of them finds it.
 */

export interface NameLookup {
  /** `label[for]` elements by the id they name, gathered once per page read. */
  labelsFor(id: string): readonly Element[];
  byId(id: string): Element | null;
}

export function nameLookup(doc: Document): NameLookup {
  let labels: Map<string, Element[]> | undefined;
  return {
    labelsFor(id) {
      if (!labels) {
        labels = new Map();
        for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
          const key = label.getAttribute('for') ?? '';
          const list = labels.get(key);
          if (list) list.push(label);
          else labels.set(key, [label]);
        }
      }
      return labels.get(id) ?? [];
    },
    byId(id) {
      try {
        return doc.getElementById(id);
      } catch {
        return null;
      }
    },
  };
}

// Untranslated resource keys the current UI sometimes leaves in aria-labels ("IA.COLLAPSE", reference §3.1).
const RESOURCE_KEY = /^ia\.[a-z0-9_.]+$/i;

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

/** The label's text nodes only, so a hint inside it (`<label>User ID <span>Permanent</span>`) is left out. */
function directText(el: Element): string {
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) out += child.nodeValue ?? '';
  return squash(out);
}

function add(names: string[], text: string | null | undefined): void {
  const name = normalizeLabel(text);
  if (!name || name.length > 120 || RESOURCE_KEY.test(name) || names.includes(name)) return;
  names.push(name);
}

function addLabel(names: string[], label: Element): void {
  add(names, labelText(label));
  add(names, directText(label));
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
  let cell: Element | null = control.parentElement;
  for (let depth = 0; cell && depth < 3 && !isCell(cell); depth++) cell = cell.parentElement;
  if (!cell || !isCell(cell)) return;
  const row = cell.parentElement;
  if (!isRowElement(row)) return;
  let found = false;
  for (let sib = cell.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (!isCell(sib)) continue;
    const text = labelLike(sib);
    if (text) {
      add(names, text);
      found = true;
      break;
    }
  }
  if (found) return;
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
    if (sib.localName === 'dt') {
      add(names, labelText(sib));
      return;
    }
  }
}

/** A div form without `for`: the short text just before the control or its wrapper, within its field. */
function addFromPrecedingText(names: string[], control: Element): void {
  let node: Element | null = control;
  for (let level = 0; node && level < 3; level++) {
    let steps = 0;
    for (let sib = node.previousElementSibling; sib && steps < 2; sib = sib.previousElementSibling, steps++) {
      // Another field's control: the text before it belongs to that field.
      if (holdsControl(sib)) return;
      const text = labelLike(sib);
      if (text) {
        add(names, text);
        return;
      }
    }
    // Bare text right before the control (`Status: <select>`).
    const before = node.previousSibling;
    if (before && before.nodeType === 3 && squash(before.nodeValue)) {
      add(names, before.nodeValue);
      return;
    }
    const parent: Element | null = node.parentElement;
    if (!parent || parent.localName === 'form' || parent.localName === 'body' || isCell(parent)) return;
    node = parent;
  }
}

/** Every name of `control`, best first. Never throws. */
export function controlNames(control: Element, lookup: NameLookup): string[] {
  const names: string[] = [];
  try {
    const labelledBy = control.getAttribute('aria-labelledby');
    if (labelledBy) {
      add(
        names,
        labelledBy
          .split(/\s+/)
          .map((id) => {
            const el = id ? lookup.byId(id) : null;
            return el ? labelText(el) : '';
          })
          .join(' '),
      );
    }
    add(names, control.getAttribute('aria-label'));
    const id = control.getAttribute('id');
    if (id) for (const label of lookup.labelsFor(id)) addLabel(names, label);
    const wrapping = control.closest('label');
    if (wrapping) addLabel(names, wrapping);
    addFromTableRow(names, control);
    addFromDefinition(names, control);
    if (names.length === 0) addFromPrecedingText(names, control);
    if (names.length === 0) {
      add(names, control.getAttribute('title'));
      add(names, control.getAttribute('placeholder'));
    }
  } catch {
    // An odd node (a detached wrapper, a frame's element mid-navigation) has no name; the page still reads.
  }
  return names;
}
