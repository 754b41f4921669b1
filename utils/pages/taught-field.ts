import { firstControlIn, isControl } from '@/utils/reading/controls';
import { controlNames } from '@/utils/reading/names';
import { normalizeLabel } from '@/utils/reading/text';
import type { PageKind } from './kinds';

/**
 * "Point at it" (issue #9): the field the admin clicked for a check the helper could not find, kept as the
 * field's accessible name or, where it has none, a stable id or name attribute — never its value.
 */
export interface PointedField {
  kind: PageKind;
  label: string;
  name?: string;
  attribute?: { key: 'id' | 'name'; value: string };
}

/** The control the admin meant by clicking `target`: itself, the control its label names, or the one inside. */
export function controlAt(target: Element): Element | null {
  if (isControl(target)) return target;
  const inControl = target.closest('[role="combobox"], [role="checkbox"], [role="switch"], [role="radio"], [role="textbox"]');
  if (inControl) return inControl;
  const label = target.closest('label');
  if (label) {
    const forId = label.getAttribute('for');
    const named = forId ? target.ownerDocument.getElementById(forId) : null;
    if (named) return firstControlIn(named);
    return firstControlIn(label);
  }
  // A click on a field's cell or wrapper: the one control in it.
  for (let up: Element | null = target, depth = 0; up && depth < 3; up = up.parentElement, depth++) {
    const controls = up.querySelectorAll('input, select, textarea, [role="combobox"], [role="checkbox"], [role="switch"]');
    if (controls.length === 1 && controls[0] && isControl(controls[0])) return controls[0];
    if (controls.length > 1) return null;
  }
  return null;
}

// Generated ids ("ext-gen1234", "f_83920", UUIDs) change on every load; a stable one reads like a name.
const STABLE = /^[A-Za-z][\w:.-]{0,79}$/;
const GENERATED = /\d{4,}|^(ext-gen|yui|gwt|ember|react|ng-|mui|rc_|:r)|[0-9a-f]{8}-[0-9a-f]{4}/i;

function stable(value: string | null): value is string {
  return value !== null && STABLE.test(value) && !GENERATED.test(value);
}

/** What to remember of `control` for the check labelled `label`, or null when it has nothing stable. */
export function pointedField(control: Element, kind: PageKind, label: string): PointedField | null {
  const base = { kind, label: normalizeLabel(label) };
  const name = controlNames(control)[0];
  if (name) return { ...base, name };
  const id = control.getAttribute('id');
  if (stable(id)) return { ...base, attribute: { key: 'id', value: id } };
  const attr = control.getAttribute('name');
  if (stable(attr)) return { ...base, attribute: { key: 'name', value: attr } };
  return null;
}
