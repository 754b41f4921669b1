import { CONTROL_SELECTOR, firstControlIn, holdsControl, isControl, isShown } from './controls';
import { controlNames, labelText, nameLookup, type NameLookup } from './names';
import { normalizeLabel, shortText } from './text';

/**
 * Every field of a page by the names an admin reads, built in one pass: each control with its names, and
 * the label/value pairs of a read-only view (`dt`/`dd`, a label cell beside a text cell, a label element
 * beside a value). Detection reads the names; the audit and the filler look fields up by them.
 */
export interface FieldEntry {
  names: string[];
  /** The control the admin sets, or null on a read-only view. */
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

function readOnlyPairs(doc: Document, out: FieldEntry[], seenValues: Set<Element>): void {
  const push = (labelEl: Element, value: Element | null | undefined): void => {
    if (!value || seenValues.has(value) || holdsControl(value)) return;
    const name = normalizeLabel(labelText(labelEl));
    if (!name || name.length > 80) return;
    const text = shortText(value, 400, 80);
    if (text === null) return;
    seenValues.add(value);
    out.push({ names: [name], control: null, value });
  };
  for (const dt of Array.from(doc.querySelectorAll('dt'))) {
    const dd = dt.nextElementSibling;
    if (dd?.localName === 'dd') push(dt, dd);
  }
  const dataTables = new Map<Element, boolean>();
  for (const row of Array.from(doc.querySelectorAll('tr'))) {
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
  for (const el of Array.from(doc.querySelectorAll('label, [class*="label"], [class*="Label"], [class*="key"]'))) {
    if (el.localName === 'label' && (el.getAttribute('for') || holdsControl(el))) continue;
    if (el.localName !== 'label' && !LABELISH_CLASS.test(el.getAttribute('class') ?? '')) continue;
    push(el, el.nextElementSibling);
  }
}

export function indexFields(doc: Document, options: IndexOptions = {}): FieldIndex {
  const max = options.maxControls ?? 2000;
  const lookup: NameLookup = nameLookup(doc);
  const entries: FieldEntry[] = [];
  const byControl = new Map<Element, FieldEntry>();
  const found = doc.querySelectorAll(CONTROL_SELECTOR);
  for (let i = 0, n = 0; i < found.length && n < max; i++) {
    const control = found[i] as Element;
    if (!isControl(control)) continue;
    // The input inside a combobox is the combobox's; the combobox carries the names.
    const box = control.localName === 'input' ? control.parentElement?.closest('[role="combobox"]') : null;
    if (box && byControl.has(box)) continue;
    n++;
    const entry: FieldEntry = { names: controlNames(control, lookup), control, value: null };
    entries.push(entry);
    byControl.set(control, entry);
  }
  // `<label for>` naming a wrapper rather than the control itself.
  for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
    const target = lookup.byId(label.getAttribute('for') ?? '');
    if (!target || isControl(target)) continue;
    const control = firstControlIn(target);
    const entry = control ? byControl.get(control) : undefined;
    const name = normalizeLabel(labelText(label));
    if (entry && name && !entry.names.includes(name)) entry.names.push(name);
  }
  readOnlyPairs(doc, entries, new Set());

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
 * control (a closed dialog). Null when the page has no field by any of those names. (Apart from the index
 * so that recognition, which needs only the names, does not carry it into every frame.)
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
  return hidden && !readOnly ? hidden : (readOnly ?? hidden);
}
