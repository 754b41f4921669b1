import { accessibleName } from './accessible';
import { ariaBoolean } from './aria-states';
import { explicitRole, isControl, isControlChecked, isRadio, isToggleButton, stateShownBy } from './controls';
import { byIdNear } from './tree';
import { squash } from './text';

/**
 * What a control shows, whatever draws it: typed text, a select's or combobox's shown option, a box's
 * tick, the chosen member of a radio group, a pressed-button group or a list box, a toggle's state. The
 * audit compares these words with what the integration needs; the filler sets them.
 */

export type ControlKind = 'text' | 'select' | 'checkbox' | 'radio' | 'combobox' | 'file' | 'choice' | 'other';

export interface ControlState {
  kind: ControlKind;
  /** What the admin sees: typed text kept as typed (spaces included), a select's option text, a choice's name. */
  value: string;
  /** For boxes, switches, radios and toggles. */
  checked?: boolean;
}

/** What a filled password field reads as: a finding's text is shown, exported and compared, so it only says "set". */
export const PASSWORD_SET = '••••••••';

/**
 * The members of groups the field index assembled (a native radio group shares a `name`, a row of
 * toggle buttons shares a container): the group's element stands for the field.
 */
const groups = new WeakMap<Element, readonly Element[]>();

export function registerGroup(container: Element, members: readonly Element[]): void {
  groups.set(container, members);
}

export function groupMembers(container: Element): readonly Element[] {
  const known = groups.get(container);
  if (known) return known;
  const found = Array.from(container.querySelectorAll('input[type="radio"], [role~="radio"], [aria-pressed], [role~="option"]'));
  return found.filter((el) => isRadio(el) || isToggleButton(el) || explicitRole(el) === 'option');
}

/** Whether `el` stands for a group of choices (a radio group, a pressed-button group, a list box). */
export function isChoiceGroup(el: Element): boolean {
  if (groups.has(el)) return true;
  const role = explicitRole(el);
  return role === 'radiogroup' || role === 'listbox';
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

// By tag name rather than instanceof: a frame's elements belong to that frame's window, not ours.
export function isInput(el: Element): el is HTMLInputElement {
  return el.localName === 'input';
}

export function isSelect(el: Element): el is HTMLSelectElement {
  return el.localName === 'select';
}

export function isTextArea(el: Element): el is HTMLTextAreaElement {
  return el.localName === 'textarea';
}

function memberName(member: Element): string {
  // A native radio's words are its label; its value attribute is a code ("B") the admin never reads.
  return accessibleName(member) || squash(member.textContent) || (member.getAttribute('value') ?? '');
}

function isChosen(member: Element): boolean {
  if (explicitRole(member) === 'option') return ariaBoolean(member.getAttribute('aria-selected')) === true;
  return isControlChecked(member);
}

/** The chosen members' names, joined: "Business", or "" when none is chosen. */
function choiceValue(container: Element): string {
  const members = groupMembers(container);
  let chosen = members.filter(isChosen);
  if (chosen.length === 0 && explicitRole(container) === 'listbox') {
    // A list box may mark its current option only through aria-activedescendant.
    const active = byIdNear(container, container.getAttribute('aria-activedescendant') ?? '');
    if (active) chosen = [active];
  }
  return chosen.map(memberName).filter(Boolean).join(', ');
}

// What a list shows before anything is chosen: "-- None --", "Select…", "Choose one". Not a value.
const PLACEHOLDER = /^(?:[-–—]+ ?[^-–—]{1,30} ?[-–—]+|(?:please )?(?:select|choose|pick)(?: (?:one|an? \w+))?(?:\.\.\.|…)?)$/i;

/** Whether a list's shown text is only its placeholder (or, for a select, an option whose value is empty). */
export function isPlaceholderChoice(text: string, optionValue?: string | null): boolean {
  if (optionValue === '') return true;
  return PLACEHOLDER.test(squash(text));
}

/** The text a combobox shows: its input's value, its value text, else its own words without its list of options. */
function comboboxText(el: Element): string {
  const inner = el.querySelector('input, select, textarea');
  if (inner && isControl(inner)) return readControl(inner).value;
  const valueText = el.getAttribute('aria-valuetext');
  if (valueText) return isPlaceholderChoice(valueText) ? '' : squash(valueText);
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const c = child as Element;
        const role = explicitRole(c);
        if (role === 'listbox' || role === 'option' || c.getAttribute('aria-hidden') === 'true' || c.localName === 'script' || c.localName === 'style') continue;
        walk(c);
      }
    }
  };
  walk(el);
  const shown = squash(out);
  return isPlaceholderChoice(shown) || shown === squash(el.getAttribute('aria-placeholder')) ? '' : shown;
}

/**
 * The words of a read-only value, without a note the page sets apart after it in an element of its own
 * and in parentheses ("<b>Expensify</b> <span>(cannot be changed)</span>" reads "Expensify").
 */
function shownValue(el: Element): string {
  const all = squash(el.textContent);
  let kept = '';
  let dropped = false;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    const text = node.nodeType === 1 || node.nodeType === 3 ? (node.textContent ?? '') : '';
    if (node.nodeType === 1 && kept.trim() && /^\(.*\)$/s.test(squash(text))) {
      dropped = true;
      continue;
    }
    kept += text;
  }
  return dropped ? squash(kept) : all;
}

/** Reads what a control shows. Never throws: an unreadable control reads as empty `other`. */
export function readControl(el: Element): ControlState {
  try {
    if (isChoiceGroup(el)) return { kind: 'choice', value: choiceValue(el) };
    if (isToggleButton(el)) {
      const pressed = isControlChecked(el);
      return { kind: 'checkbox', value: pressed ? 'checked' : '', checked: pressed };
    }
    if (isInput(el)) {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox') return { kind: 'checkbox', value: el.checked ? 'checked' : '', checked: el.checked };
      if (type === 'radio') return { kind: 'radio', value: el.checked ? el.value : '', checked: el.checked };
      if (type === 'file') {
        const names = el.files ? Array.from(el.files).map((f) => f.name) : [];
        return { kind: 'file', value: names.join(', ') };
      }
      if (type === 'password') return { kind: 'text', value: el.value ? PASSWORD_SET : '' };
      return { kind: 'text', value: el.value };
    }
    if (isSelect(el)) {
      const option = selectedOption(el);
      const text = option ? squash(option.textContent) : '';
      return { kind: 'select', value: option && !isPlaceholderChoice(text, option.getAttribute('value')) ? text : '' };
    }
    if (isTextArea(el)) return { kind: 'text', value: el.value };
    const role = explicitRole(el);
    if (role === 'switch' || role === 'checkbox' || role === 'menuitemcheckbox' || role === 'radio') {
      const checked = isControlChecked(el);
      return { kind: role === 'radio' ? 'radio' : 'checkbox', value: checked ? 'checked' : '', checked };
    }
    if (role === 'combobox') return { kind: 'combobox', value: comboboxText(el) };
    if (role === 'textbox' || role === 'searchbox') return { kind: 'text', value: el.textContent ?? '' };
    if (role === 'spinbutton' || role === 'slider') {
      return { kind: 'text', value: squash(el.getAttribute('aria-valuetext') ?? el.getAttribute('aria-valuenow') ?? el.textContent) };
    }
    // A read-only view's value: its words (without a note set apart in parentheses), or a tick drawn as an image.
    const text = shownValue(el);
    if (text) return { kind: 'other', value: text };
    const shown = stateShownBy(el);
    return shown === null ? { kind: 'other', value: '' } : { kind: 'other', value: shown ? 'Yes' : 'No' };
  } catch {
    return { kind: 'other', value: '' };
  }
}
