/**
 * What counts as a control an admin sets, in either UI generation: native inputs, selects and text areas,
 * and the current UI's drawn widgets (a div combobox for Status, switches for subscriptions; reference §3.1).
 * Tags and roles are compared by name, never with instanceof: a frame's elements belong to its own window.
 */

const NON_FIELD_INPUT_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image']);

export const CONTROL_SELECTOR = [
  'input',
  'select',
  'textarea',
  '[role="combobox"]',
  '[role="switch"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="textbox"]',
  '[role="spinbutton"]',
].join(', ');

const CONTROL_ROLES = new Set(['combobox', 'switch', 'checkbox', 'radio', 'textbox', 'spinbutton']);

export function isControl(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') return !NON_FIELD_INPUT_TYPES.has((el.getAttribute('type') ?? 'text').toLowerCase());
  if (tag === 'select' || tag === 'textarea') return true;
  const role = el.getAttribute('role');
  return role !== null && CONTROL_ROLES.has(role.toLowerCase());
}

/** A checkbox or an ARIA checkbox/switch, whichever the UI generation uses. */
export function isCheckControl(el: Element): boolean {
  if (el.localName === 'input') return (el.getAttribute('type') ?? '').toLowerCase() === 'checkbox';
  const role = el.getAttribute('role');
  return role === 'checkbox' || role === 'switch';
}

/** The live state: the `checked` property, which the attribute stops reflecting after the first click. */
export function isControlChecked(el: Element): boolean {
  const checked: unknown = (el as { checked?: unknown }).checked;
  if (typeof checked === 'boolean') return checked;
  return (el.getAttribute('aria-checked') ?? '').toLowerCase() === 'true';
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

/**
 * False when the admin cannot see the control: a `hidden` ancestor, a closed `<details>` (the T&E
 * sequence dialog stays collapsed until its Add link is used), `display:none` inline or from a stylesheet.
 * A field the admin cannot see is not "on the page" for the audit until it is shown.
 */
export function isShown(el: Element): boolean {
  if (el.localName === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return false;
  let child: Element = el;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = (node.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return false;
    if (node !== el && node.localName === 'details' && !node.hasAttribute('open') && child.localName !== 'summary') return false;
    child = node;
  }
  // A dialog hidden by a stylesheet class (likely for Intacct's own dialogs) shows only in computed style.
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) return false;
  return true;
}

// How a read-only view shows a box's state: a tick or a word (reference §3.4 lists view mode among the
// markups to expect). Anything else is no state at all.
const STATE_ON = /^(✓|✔|☑|✅|yes|on|true|subscribed|included|enabled|granted|allowed|active)$/i;
const STATE_OFF = /^(✗|✘|☐|❌|no|off|false|not subscribed|unsubscribed|disabled|denied|not allowed|inactive|—|–)$/i;

/** The on/off state a read-only cell shows ("✓", "Yes", "Subscribed"), or null when it shows none. */
export function stateFromText(text: string | null | undefined): boolean | null {
  const t = (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
  if (!t) return null;
  if (STATE_ON.test(t)) return true;
  if (STATE_OFF.test(t)) return false;
  return null;
}
