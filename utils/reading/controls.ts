import { ariaBoolean } from './aria-states';
import { squash } from './text';

/**
 * What counts as a control an admin sets or reads, in either UI generation and in any widget library:
 * native inputs, selects and text areas; ARIA checkboxes, switches, radios and radio groups, comboboxes,
 * list boxes, text boxes, spin buttons and sliders; toggle buttons (`aria-pressed`). Tags and roles are
 * compared by name, never with instanceof: a frame's elements belong to its own window.
 */

const NON_FIELD_INPUT_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image']);

/** Roles of a single control the admin sets. */
const CONTROL_ROLES = new Set(['combobox', 'switch', 'checkbox', 'radio', 'textbox', 'searchbox', 'spinbutton', 'slider', 'listbox', 'radiogroup', 'menuitemcheckbox']);

export const CONTROL_SELECTOR = [
  'input',
  'select',
  'textarea',
  ...[...CONTROL_ROLES].map((r) => `[role~="${r}"]`),
  '[aria-pressed]',
].join(', ');

/** The first role token of `role=`, lower case (ARIA lets a page list fallbacks: "switch checkbox"). */
export function explicitRole(el: Element): string | null {
  const role = el.getAttribute('role');
  if (!role) return null;
  const first = role.trim().split(/\s+/)[0];
  return first ? first.toLowerCase() : null;
}

function inputType(el: Element): string {
  return (el.getAttribute('type') ?? 'text').toLowerCase();
}

/** A button that stays pressed or not (`aria-pressed`): a toggle an admin sets. */
export function isToggleButton(el: Element): boolean {
  const pressed = el.getAttribute('aria-pressed');
  if (pressed === null || ariaBoolean(pressed) === null) return false;
  const role = explicitRole(el);
  return el.localName === 'button' || role === 'button' || (el.localName === 'input' && inputType(el) === 'button');
}

export function isControl(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') return !NON_FIELD_INPUT_TYPES.has(inputType(el)) || isToggleButton(el);
  if (tag === 'select' || tag === 'textarea') return true;
  const role = explicitRole(el);
  if (role !== null && CONTROL_ROLES.has(role)) return true;
  return isToggleButton(el);
}

/** A box that is on or off: a checkbox, an ARIA checkbox or switch, a toggle button. */
export function isCheckControl(el: Element): boolean {
  if (el.localName === 'input') return inputType(el) === 'checkbox';
  const role = explicitRole(el);
  return role === 'checkbox' || role === 'switch' || role === 'menuitemcheckbox' || isToggleButton(el);
}

export function isRadio(el: Element): boolean {
  return (el.localName === 'input' && inputType(el) === 'radio') || explicitRole(el) === 'radio';
}

/**
 * The live state of a box, radio or toggle: the `checked` property (which the attribute stops reflecting
 * after the first click), else `aria-checked`, else `aria-pressed`.
 */
export function isControlChecked(el: Element): boolean {
  const checked: unknown = (el as { checked?: unknown }).checked;
  if (el.localName === 'input' && typeof checked === 'boolean') return checked;
  const aria = ariaBoolean(el.getAttribute('aria-checked'));
  if (aria !== null) return aria;
  return ariaBoolean(el.getAttribute('aria-pressed')) === true;
}

/** The first control at or under `root`, or null. */
export function firstControlIn(root: Element): Element | null {
  if (isControl(root)) return root;
  for (const el of Array.from(root.querySelectorAll(CONTROL_SELECTOR))) if (isControl(el)) return el;
  return null;
}

/** Whether `root` holds a control, looked for without building a list. */
export function holdsControl(root: Element): boolean {
  if (isControl(root)) return true;
  const found = root.querySelector(CONTROL_SELECTOR);
  if (!found) return false;
  return isControl(found) || firstControlIn(root) !== null;
}

// How a read-only view shows a box's state: a tick or a word (docs/intacct.md lists view mode among the
// markups to expect). Anything else is no state at all.
const STATE_ON = /^(✓|✔|☑|✅|☒|yes|on|true|subscribed|included|enabled|granted|allowed|active|checked|selected)$/i;
const STATE_OFF = /^(✗|✘|☐|❌|no|off|false|not subscribed|unsubscribed|disabled|denied|not allowed|inactive|unchecked|not selected|—|–|-)$/i;

const MARK = /^([✓✔☑✅☒✗✘☐❌])\s*/u;

/** The on/off state a read-only cell shows ("✓", "Yes", "Subscribed", "✔ Subscribed"), or null when it shows none. */
export function stateFromText(text: string | null | undefined): boolean | null {
  const t = squash(text).replace(/[.!]$/, '');
  if (!t) return null;
  const mark = MARK.exec(t);
  if (mark && mark[0].length < t.length) {
    // A tick and a word: both must say the same.
    const byMark = stateFromText(mark[1]);
    const byWord = stateFromText(t.slice(mark[0].length));
    return byMark === byWord ? byWord : null;
  }
  if (STATE_ON.test(t)) return true;
  if (STATE_OFF.test(t)) return false;
  return null;
}

/**
 * The on/off state an element shows without a control: its words, else a tick drawn as an image or an
 * icon named by `alt`, `title` or `aria-label` (`<img alt="Yes">`, `<i class="icon" title="Granted">`).
 */
export function stateShownBy(el: Element): boolean | null {
  const text = squash(el.textContent);
  if (text) return stateFromText(text);
  const marks = el.matches('img, svg, [role="img"], i, span') ? [el] : Array.from(el.querySelectorAll('img, svg, [role="img"], i, span')).slice(0, 3);
  for (const mark of marks) {
    for (const attr of ['alt', 'aria-label', 'title']) {
      const state = stateFromText(mark.getAttribute(attr));
      if (state !== null) return state;
    }
    const title = mark.localName === 'svg' ? mark.querySelector('title') : null;
    if (title) {
      const state = stateFromText(title.textContent);
      if (state !== null) return state;
    }
  }
  return null;
}
