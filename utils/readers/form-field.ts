import { isControl } from '@/utils/reading/controls';
import { findInIndex, indexFields, type FieldIndex } from '@/utils/reading/fields';
import { squash } from '@/utils/reading/text';

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

/**
 * Finds the field whose name is one of `labels` (case, spaces, colons and required marks ignored), the way
 * an admin finds it: by its accessible name or the label beside it, in any markup (`utils/reading/fields`).
 * A shown control wins over a hidden one; a read-only view's value element stands in for a control.
 * Pass an `index` to look up several fields from one read of the page.
 */
export function findField(doc: Document, labels: readonly string[], index?: FieldIndex): Element | null {
  try {
    return findInIndex(index ?? indexFields(doc), labels);
  } catch (error) {
    console.warn('[intacct-setup-helper] could not look for a field', labels, error);
    return null;
  }
}

/** Name given by `aria-label` or `aria-labelledby`. */
export function ariaName(doc: Document, el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label && label.trim()) return label;
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
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
