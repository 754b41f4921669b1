import { looseEquals, sameIgnoringCaseAndSpaces } from '@/utils/audit/compare';
import { checkField, locateField, type AuditFieldsOptions } from '@/utils/audit/fields';
import { indexFields, type FieldIndex } from '@/utils/reading/fields';
import type { FieldRule } from '@/utils/profiles/schema';
import { isInput, isSelect, isTextArea, readControl, selectedOption } from '@/utils/reading/state';
import { isShown } from '@/utils/reading/visibility';
import { announce, setProperty } from './set-control';

// Filling is the one place the extension writes to an Intacct page, and only on the admin's request. It sets
// values the integration's guide prescribes and nothing else: no saving, no clicking, no invented data (an
// admin's email address or an employee's ID are theirs to type).

export interface FillAction {
  ruleId: string;
  subject: string;
  target: Element;
  value: string | boolean;
}

/** The native control to write to, or null for widgets we can't set safely (a div combobox, a file chooser). */
function writable(el: Element): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  let control: Element | null = el;
  if (!isInput(el) && !isSelect(el) && !isTextArea(el)) {
    // The current UI's comboboxes are drawn with divs; only one backed by a native input can be set.
    control = (el.getAttribute('role') ?? '').toLowerCase() === 'combobox' ? el.querySelector('input, select, textarea') : null;
  }
  if (!control || !(isInput(control) || isSelect(control) || isTextArea(control))) return null;
  if (control.disabled) return null;
  if (!isSelect(control) && control.readOnly) return null;
  // A password field is the admin's to type, whatever a profile's label says it is.
  if (isInput(control) && ['file', 'hidden', 'button', 'submit', 'reset', 'image', 'password'].includes(control.type)) return null;
  return control;
}

function matchingOption(select: HTMLSelectElement, value: string): HTMLOptionElement | undefined {
  const options = Array.from(select.options);
  const text = (o: HTMLOptionElement): string => o.textContent ?? '';
  return (
    options.find((o) => text(o).trim() === value) ??
    options.find((o) => o.getAttribute('value') === value) ??
    options.find((o) => looseEquals(text(o), value) || looseEquals(o.getAttribute('value') ?? '', value))
  );
}

/** The one value a rule prescribes for this control, or null when the rule leaves it to the admin. */
function valueFor(rule: FieldRule, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string | boolean | null {
  const e = rule.expect;
  const isToggle = isInput(control) && (control.type === 'checkbox' || control.type === 'radio');
  switch (e.kind) {
    case 'checked':
      return isToggle ? e.value : null;
    case 'equals':
    case 'oneOf': {
      if (isToggle) return null;
      // Of several accepted values, only the one the admin evidently meant (same but for case and spaces);
      // an empty field gets the first. Never swap one sender ID for another: a sender ID is permanent.
      const typed = isSelect(control) ? '' : control.value;
      const value =
        e.kind === 'equals'
          ? e.value
          : typed.trim() === ''
            ? e.values[0]
            : e.values.find((v) => sameIgnoringCaseAndSpaces(v, typed));
      if (value === undefined) return null;
      if (isSelect(control)) {
        const option = matchingOption(control, value);
        return option ? (option.textContent ?? '').trim() : null;
      }
      return value;
    }
    case 'nonEmpty':
    case 'email':
      return null;
  }
}

/** What a fill would change on this page: fields that are empty or wrong and whose rule prescribes one value. */
export function planFill(doc: Document, rules: readonly FieldRule[], taught?: AuditFieldsOptions['taught']): FillAction[] {
  const actions: FillAction[] = [];
  const seen = new Set<Element>();
  let index: FieldIndex | undefined;
  for (const rule of rules) {
    try {
      index ??= indexFields(doc);
      const found = locateField(doc, rule, index, taught?.(rule));
      if (!found || !isShown(found) || seen.has(found)) continue;
      seen.add(found);
      const control = writable(found);
      if (!control) continue;
      if (checkField(rule, found).status === 'ok') continue;
      const value = valueFor(rule, control);
      if (value === null) continue;
      actions.push({ ruleId: rule.id, subject: rule.subject, target: control, value });
    } catch (error) {
      console.warn('[intacct-setup-helper] skipped planning a fill', rule.id, error);
    }
  }
  return actions;
}

function applyOne(action: FillAction): boolean {
  // The page may have redrawn the form since the plan was made; a detached control would swallow the value.
  if (!action.target.isConnected) return false;
  const control = writable(action.target);
  if (!control) return false;
  if (typeof action.value === 'boolean') {
    if (!isInput(control) || (control.type !== 'checkbox' && control.type !== 'radio')) return false;
    if (control.checked === action.value) return false;
    setProperty(control, 'checked', action.value);
    announce(control);
    return true;
  }
  if (isSelect(control)) {
    const option = matchingOption(control, action.value);
    if (!option || selectedOption(control) === option) return false;
    for (const o of Array.from(control.options)) o.selected = o === option;
    control.selectedIndex = option.index;
    announce(control);
    return true;
  }
  if (isInput(control) && (control.type === 'checkbox' || control.type === 'radio')) return false;
  if (readControl(control).value === action.value) return false;
  setProperty(control, 'value', action.value);
  announce(control);
  return true;
}

/**
 * Writes the planned values into the page and tells it through bubbling `input` and `change` events. Never
 * submits, never clicks. Returns how many fields changed. Never throws.
 */
export function applyFill(actions: readonly FillAction[]): number {
  let changed = 0;
  for (const action of actions) {
    try {
      if (applyOne(action)) changed++;
    } catch (error) {
      console.warn('[intacct-setup-helper] could not fill a field', action.ruleId, error);
    }
  }
  return changed;
}
