import { accessibleName } from './accessible';
import { CONTROL_SELECTOR, explicitRole, firstControlIn, holdsControl, isControl, isRadio, isToggleButton } from './controls';
import { hasLayout, visualLabel } from './layout';
import { controlNames, labelText } from './names';
import { registerGroup } from './state';
import { byIdNear, contentRoots, queryAllDeep, type ContentRoot } from './tree';
import { isShown } from './visibility';
import { normalizeLabel, shortText } from './text';

/**
 * Every field of a page by the names an admin reads, built in one pass: each control with its names — a
 * radio group, a row of toggle buttons or a list box as one field whose value is its chosen member — and
 * the label/value pairs of a read-only view (`dt`/`dd`, a label cell beside a text cell, a label element
 * beside a value, a tick drawn as an image). Open shadow roots are part of the page. Detection reads the
 * names; the audit and the filler look fields up by them.
 */
export interface FieldEntry {
  names: string[];
  /** The control the admin sets (for a group, the element holding its members), or null on a read-only view. */
  control: Element | null;
  /** On a read-only view, the element that shows the value. */
  value: Element | null;
}

export interface FieldIndex {
  readonly entries: readonly FieldEntry[];
  /** Every name on the page, for recognition. */
  readonly names: ReadonlySet<string>;
}

export interface IndexOptions {
  /** Stop after this many controls: recognition needs a page's first fields, not all 6,000 checkboxes. */
  maxControls?: number;
}

const LABELISH_CLASS = /(^|[\s_-])(label|fieldlabel|field-label|lbl|caption|key)([\s_-]|$)/i;

function isDataTable(table: Element): boolean {
  const first = table.querySelector('tr');
  if (!first) return false;
  const cells = Array.from(first.children);
  return cells.length > 1 && cells.every((c) => c.localName === 'th' || c.getAttribute('role') === 'columnheader');
}

function readOnlyPairs(roots: readonly ContentRoot[], out: FieldEntry[], seenValues: Set<Element>): void {
  const push = (labelEl: Element, value: Element | null | undefined): void => {
    if (!value || seenValues.has(value) || holdsControl(value)) return;
    const name = normalizeLabel(labelText(labelEl));
    if (!name || name.length > 80) return;
    const text = shortText(value, 400, 80);
    if (text === null) return;
    seenValues.add(value);
    out.push({ names: [name], control: null, value });
  };
  for (const dt of queryAllDeep(roots, 'dt')) {
    const dd = dt.nextElementSibling;
    if (dd?.localName === 'dd') push(dt, dd);
  }
  const dataTables = new Map<Element, boolean>();
  for (const row of queryAllDeep(roots, 'tr')) {
    const table = row.closest('table');
    if (table) {
      let data = dataTables.get(table);
      if (data === undefined) dataTables.set(table, (data = isDataTable(table)));
      if (data) continue;
    }
    const cells = Array.from(row.children).filter((c) => c.localName === 'td' || c.localName === 'th');
    const head = cells[0];
    if (!head || holdsControl(head)) continue;
    if (cells.length === 2 || head.getAttribute('scope') === 'row') push(head, cells[1]);
  }
  // `<label>User type</label><span>Business</span>` and `<div class="fieldlabel">…</div><div>…</div>`.
  for (const el of queryAllDeep(roots, 'label, [class*="label"], [class*="Label"], [class*="key"]')) {
    if (el.localName === 'label' && (el.getAttribute('for') || holdsControl(el))) continue;
    if (el.localName !== 'label' && !LABELISH_CLASS.test(el.getAttribute('class') ?? '')) continue;
    push(el, el.nextElementSibling);
  }
}

/** A group's own name: its legend or ARIA label, else the label a person reads beside it. */
function groupNames(container: Element): string[] {
  const names: string[] = [];
  const role = explicitRole(container);
  if (container.localName === 'fieldset' || role === 'group' || role === 'radiogroup' || role === 'toolbar') {
    const name = normalizeLabel(accessibleName(container));
    if (name) names.push(name);
  }
  if (names.length === 0 && hasLayout(container)) {
    const seen = normalizeLabel(visualLabel(container));
    if (seen) names.push(seen);
  }
  for (const name of controlNames(container, false)) if (!names.includes(name)) names.push(name);
  return names;
}

/** The nearest element holding every member, below the form. */
function commonContainer(members: readonly Element[]): Element | null {
  let container: Element | null = members[0]?.parentElement ?? null;
  while (container && !members.every((m) => container?.contains(m))) container = container.parentElement;
  if (!container) return null;
  // The smallest named wrapper around them: a label around the first radio is not the group.
  while (container.localName === 'label' && container.parentElement) container = container.parentElement;
  return container;
}

/**
 * Native radios sharing a `name` (or, without one, a container), and toggle buttons sharing a parent:
 * each set is one field whose value is the chosen member ("User type: ( ) Employee (•) Business").
 */
function nativeGroups(controls: readonly Element[]): Map<Element, Element[]> {
  const byKey = new Map<string, Element[]>();
  let anonymous = 0;
  for (const c of controls) {
    if (explicitRole(c) === 'radio' && c.closest('[role~="radiogroup"]')) continue;
    let key: string | null = null;
    if (c.localName === 'input' && isRadio(c)) {
      const name = c.getAttribute('name');
      const form = c.closest('form');
      key = name ? `radio:${name}:${form ? Array.prototype.indexOf.call(c.ownerDocument.forms, form) : -1}` : `radio-anon:${anonymous++}`;
    } else if (isRadio(c) || isToggleButton(c)) {
      key = null;
    }
    if (key) {
      const list = byKey.get(key) ?? [];
      list.push(c);
      byKey.set(key, list);
    }
  }
  // Radios and toggle buttons without a shared name: siblings under one parent (or grandparent).
  const loose = controls.filter((c) => (isToggleButton(c) || (isRadio(c) && c.localName !== 'input')) && !c.closest('[role~="radiogroup"]'));
  const byParent = new Map<Element, Element[]>();
  for (const c of loose) {
    const parent = c.parentElement?.localName === 'label' ? c.parentElement.parentElement : c.parentElement;
    if (!parent) continue;
    const list = byParent.get(parent) ?? [];
    list.push(c);
    byParent.set(parent, list);
  }
  const groups = new Map<Element, Element[]>();
  for (const members of [...byKey.values(), ...byParent.values()]) {
    if (members.length < 2) continue;
    const container = commonContainer(members);
    if (container && container.localName !== 'form' && container.localName !== 'body' && !groups.has(container)) groups.set(container, members);
  }
  return groups;
}

export function indexFields(doc: Document, options: IndexOptions = {}): FieldIndex {
  const max = options.maxControls ?? 2000;
  const roots = contentRoots(doc);
  const entries: FieldEntry[] = [];
  const byControl = new Map<Element, FieldEntry>();
  const found = queryAllDeep(roots, CONTROL_SELECTOR);
  const controls: Element[] = [];
  for (let i = 0; i < found.length && controls.length < max; i++) {
    const control = found[i] as Element;
    if (!isControl(control)) continue;
    // The input inside a combobox is the combobox's; the combobox carries the names.
    if (control.localName === 'input' && control.parentElement?.closest('[role~="combobox"]')) continue;
    controls.push(control);
  }
  const groups = nativeGroups(controls);
  const inGroup = new Set<Element>();
  for (const [container, members] of groups) {
    registerGroup(container, members);
    for (const m of members) inGroup.add(m);
  }
  for (const control of controls) {
    // A radio of a radio group is one of the group's choices, named for the choice ("Business"), not the field.
    if (isRadio(control) && (control.closest('[role~="radiogroup"]') || inGroup.has(control))) continue;
    if (explicitRole(control) === 'option') continue;
    const entry: FieldEntry = { names: controlNames(control), control, value: null };
    entries.push(entry);
    byControl.set(control, entry);
  }
  for (const [container] of groups) {
    const names = groupNames(container);
    if (names.length) entries.push({ names, control: container, value: null });
  }
  // `<label for>` naming a wrapper rather than the control itself.
  for (const label of queryAllDeep(roots, 'label[for]')) {
    const target = byIdNear(label, label.getAttribute('for') ?? '');
    if (!target || isControl(target)) continue;
    const control = firstControlIn(target);
    const entry = control ? byControl.get(control) : undefined;
    const name = normalizeLabel(labelText(label));
    if (entry && name && !entry.names.includes(name)) entry.names.push(name);
  }
  readOnlyPairs(roots, entries, new Set());

  let names: Set<string> | undefined;
  return {
    entries,
    get names() {
      if (!names) {
        names = new Set();
        for (const e of entries) for (const n of e.names) names.add(n);
      }
      return names;
    },
  };
}

/**
 * The field whose name is one of `labels`: a shown control first, then a read-only value, then a hidden
 * control (a collapsed section, another tab, a closed dialog: the caller says where it is). Null when the
 * page has no field by any of those names.
 */
export function findInIndex(index: FieldIndex, labels: readonly string[]): Element | null {
  const wanted = new Set(labels.map(normalizeLabel).filter(Boolean));
  if (wanted.size === 0) return null;
  let hidden: Element | null = null;
  let readOnly: Element | null = null;
  for (const entry of index.entries) {
    if (!entry.names.some((n) => wanted.has(n))) continue;
    if (entry.control) {
      if (isShown(entry.control)) return entry.control;
      hidden ??= entry.control;
    } else if (entry.value && !readOnly && isShown(entry.value)) readOnly = entry.value;
  }
  return readOnly ?? hidden;
}

/**
 * Finds the field whose name is one of `labels` (case, spaces, colons and required marks ignored), the way
 * an admin finds it: by its accessible name or the label beside it, in any markup. A shown control wins
 * over a read-only value, which wins over a hidden control. Pass an `index` to look up several fields from
 * one read of the page. Never throws.
 */
export function findField(doc: Document, labels: readonly string[], index?: FieldIndex): Element | null {
  try {
    return findInIndex(index ?? indexFields(doc), labels);
  } catch (error) {
    console.warn('[intacct-setup-helper] could not look for a field', labels, error);
    return null;
  }
}
