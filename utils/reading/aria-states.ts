/**
 * Which roles carry which ARIA state, for the states a setup page can show on a control: ticked
 * (`aria-checked`), pressed (`aria-pressed`), chosen (`aria-selected`). The table is the WAI-ARIA 1.2 role
 * model as `aria-query` publishes it, cut down to the roles a setup page uses; a unit test holds it to
 * aria-query, which is not bundled (it is ten times the size of everything the reader needs from it).
 */
export const STATE_ROLES = {
  'aria-checked': ['checkbox', 'switch', 'radio', 'menuitemcheckbox', 'menuitemradio', 'option', 'treeitem'],
  'aria-pressed': ['button'],
  'aria-selected': ['option', 'tab', 'gridcell', 'row', 'treeitem', 'columnheader', 'rowheader'],
} as const;

export type StateAttribute = keyof typeof STATE_ROLES;

/** Whether `role` carries `state` (so the attribute means what it says on that element). */
export function carriesState(role: string | null, state: StateAttribute): boolean {
  return role !== null && (STATE_ROLES[state] as readonly string[]).includes(role);
}

/** An ARIA tri-state as a boolean: "true" (and "mixed", partly ticked, which is not off) → true, "false" → false, else null. */
export function ariaBoolean(value: string | null): boolean | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'true' || v === 'mixed') return true;
  if (v === 'false') return false;
  return null;
}
