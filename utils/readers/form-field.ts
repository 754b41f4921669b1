import { normalizeText } from '@/utils/pages/signals';

// Intacct's element ids, names and classes are undocumented and differ between the classic and the current
// UI (reference §3.1, §7), so a field is only ever found through the text an admin reads next to it. The
// label lists come from the profiles, which carry both UI generations' wording (reference §3.3).

export type ControlKind = 'text' | 'select' | 'checkbox' | 'radio' | 'combobox' | 'file' | 'other';

export interface ControlState {
  kind: ControlKind;
  /** What the admin sees in the control: typed text kept as typed (spaces included), a select's option text. */
  value: string;
  /** For checkboxes, switches and radios. */
  checked?: boolean;
}

const NON_FIELD_INPUT_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image']);

/** Elements that hold a value an admin sets. Custom widgets count: the current UI draws Status as a div combobox. */
const CONTROL_SELECTOR = [
  'input',
  'select',
  'textarea',
  '[role="combobox"]',
  '[role="switch"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="textbox"]',
].join(', ');

export function isControl(el: Element): boolean {
  if (!el.matches(CONTROL_SELECTOR)) return false;
  if (el.tagName === 'INPUT') return !NON_FIELD_INPUT_TYPES.has((el.getAttribute('type') ?? 'text').toLowerCase());
  return true;
}

function firstControlIn(root: Element): Element | null {
  if (isControl(root)) return root;
  for (const el of Array.from(root.querySelectorAll(CONTROL_SELECTOR))) if (isControl(el)) return el;
  return null;
}

/**
 * False when the admin cannot see the control: a `hidden` ancestor, a closed `<details>` (the T&E
 * sequence dialog stays collapsed until its Add link is used), `display:none` inline or from a stylesheet. A field the admin
 * cannot see is not "on the page" for the audit, so it raises no finding until it is shown.
 */
export function isShown(el: Element): boolean {
  if (el.tagName === 'INPUT' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return false;
  let child: Element = el;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = (node.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return false;
    if (node !== el && node.tagName === 'DETAILS' && !node.hasAttribute('open') && child.tagName !== 'SUMMARY') return false;
    child = node;
  }
  // A dialog hidden by a stylesheet class (likely for Intacct's own dialogs) shows only in computed style.
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) return false;
  return true;
}

/** A label's own words, without the option texts of a control it wraps (`<label>User type <select>…`). */
function ownLabelText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const childEl = child as Element;
        if (isControl(childEl) || childEl.matches('select, textarea, option, [role="listbox"]')) continue;
        walk(childEl);
      }
    }
  };
  walk(el);
  return out;
}

/** The control that follows a label element: in its following siblings, or after its cell or wrapper. */
function controlAfter(labelEl: Element): Element | null {
  let from: Element | null = labelEl;
  // Two levels reach from `<td><label>` to the value cell and from `<span class="fieldlabel">` within a field div.
  for (let level = 0; from && level < 3; level++) {
    for (let sib = from.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const control = firstControlIn(sib);
      if (control) return control;
      // Another label starts the next field: anything after it belongs to that field.
      if (sib.matches('label, td.label, .fieldlabel')) return null;
    }
    const parent: Element | null = from.parentElement;
    if (!parent || parent.tagName === 'TR' || parent.tagName === 'FORM' || parent.tagName === 'BODY') {
      if (from.tagName === 'TD' || from.tagName === 'TH') return null;
      break;
    }
    // Stop climbing once the wrapper holds more than this one field.
    if (parent.querySelectorAll('label, td.label, .fieldlabel').length > 1) break;
    from = parent;
  }
  return null;
}

function byId(doc: Document, id: string): Element | null {
  try {
    return doc.getElementById(id);
  } catch {
    return null;
  }
}

function controlForLabel(doc: Document, label: Element): Element | null {
  const forId = label.getAttribute('for');
  if (forId) {
    const target = byId(doc, forId);
    if (target) return firstControlIn(target);
  }
  if (label.tagName === 'LABEL') {
    const wrapped = firstControlIn(label);
    if (wrapped && wrapped !== label) return wrapped;
  }
  return controlAfter(label);
}

/** Name given by `aria-label` or `aria-labelledby`. */
export function ariaName(doc: Document, el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label && label.trim()) return label;
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => byId(doc, id)?.textContent ?? '').join(' ');
}

/** Finds the control whose visible label is one of `labels` (case, spaces and a trailing `*` or `:` ignored). */
export function findField(doc: Document, labels: readonly string[]): Element | null {
  const wanted = new Set(labels.map((l) => normalizeText(l)).filter(Boolean));
  if (wanted.size === 0) return null;
  let fallback: Element | null = null;
  const consider = (control: Element | null): Element | null => {
    if (!control) return null;
    if (isShown(control)) return control;
    fallback ??= control;
    return null;
  };
  try {
    for (const label of Array.from(doc.querySelectorAll('label, td.label, .fieldlabel'))) {
      if (!wanted.has(normalizeText(ownLabelText(label)))) continue;
      const found = consider(controlForLabel(doc, label));
      if (found) return found;
    }
    for (const el of Array.from(doc.querySelectorAll('[aria-label], [aria-labelledby]'))) {
      if (!isControl(el) || !wanted.has(normalizeText(ariaName(doc, el)))) continue;
      const found = consider(el);
      if (found) return found;
    }
    // Last resort for a classic label cell whose class a tenant renamed: a plain cell with the label's text.
    for (const cell of Array.from(doc.querySelectorAll('td'))) {
      if (!wanted.has(normalizeText(cell.textContent)) || firstControlIn(cell)) continue;
      const found = consider(controlAfter(cell));
      if (found) return found;
    }
  } catch (error) {
    console.warn('[intacct-setup-helper] could not look for a field', labels, error);
  }
  return fallback;
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The option a select shows. Asked several ways because DOM implementations disagree at the edges (happy-dom
 * reports selectedIndex -1 for a first option marked `selected`); a single select with options always shows one.
 */
export function selectedOption(select: HTMLSelectElement): HTMLOptionElement | null {
  const options = Array.from(select.options);
  return (
    (select.selectedIndex >= 0 ? options[select.selectedIndex] : undefined) ??
    select.selectedOptions?.[0] ??
    options.find((o) => o.hasAttribute('selected')) ??
    (select.multiple ? undefined : options.find((o) => !o.disabled)) ??
    null
  );
}

function selectedOptionText(select: HTMLSelectElement): string {
  const option = selectedOption(select);
  return option ? squash(option.textContent) : '';
}

// By tag name rather than instanceof: a frame's elements belong to that frame's window, not ours.
export function isInput(el: Element): el is HTMLInputElement {
  return el.tagName === 'INPUT';
}

export function isSelect(el: Element): el is HTMLSelectElement {
  return el.tagName === 'SELECT';
}

export function isTextArea(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

function ariaChecked(el: Element): boolean {
  return (el.getAttribute('aria-checked') ?? '').toLowerCase() === 'true';
}

/** What a filled password field reads as. */
export const PASSWORD_SET = '••••••••';

/** Reads what a control shows. Never throws: an unreadable control reads as empty `other`. */
export function readControl(el: Element): ControlState {
  try {
    if (isInput(el)) {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox') return { kind: 'checkbox', value: el.checked ? 'checked' : '', checked: el.checked };
      if (type === 'radio') return { kind: 'radio', value: el.checked ? el.value : '', checked: el.checked };
      if (type === 'file') {
        const names = el.files ? Array.from(el.files).map((f) => f.name) : [];
        return { kind: 'file', value: names.join(', ') };
      }
      // A password is never read: a finding's text is shown, exported and compared, so it only says "set".
      if (type === 'password') return { kind: 'text', value: el.value ? PASSWORD_SET : '' };
      return { kind: 'text', value: el.value };
    }
    if (isSelect(el)) return { kind: 'select', value: selectedOptionText(el) };
    if (isTextArea(el)) return { kind: 'text', value: el.value };
    const role = (el.getAttribute('role') ?? '').toLowerCase();
    if (role === 'switch' || role === 'checkbox' || role === 'radio') {
      const checked = ariaChecked(el);
      return { kind: role === 'radio' ? 'radio' : 'checkbox', value: checked ? 'checked' : '', checked };
    }
    if (role === 'combobox') {
      const inner = el.querySelector('input, select, textarea');
      if (inner && isControl(inner)) return { kind: 'combobox', value: readControl(inner).value };
      return { kind: 'combobox', value: squash(el.getAttribute('aria-valuetext') ?? el.textContent) };
    }
    if (role === 'textbox') return { kind: 'text', value: el.textContent ?? '' };
    return { kind: 'other', value: squash(el.textContent) };
  } catch {
    return { kind: 'other', value: '' };
  }
}
