import { computeAccessibleDescription, computeAccessibleName, getRole } from 'dom-accessibility-api';
import { normalizeLabel, squash } from './text';

/**
 * A control's name, description and role as the browser's accessibility tree gives them, computed by
 * W3C accname 1.2 (dom-accessibility-api): `aria-labelledby` with any number of ids (in the control's own
 * shadow tree), `aria-label`, `<label for>` and wrapping labels, embedded controls, a fieldset's legend,
 * `title`. Never our own guesswork; what a browser cannot name this way is left to layout (layout.ts).
 */

/** The accessible name as written (spaces squashed), or '' when the element has none or cannot be read. */
export function accessibleName(el: Element): string {
  try {
    // The script's own window styles the element: every reader runs in the frame it reads.
    const name = squash(computeAccessibleName(el));
    if (name) return name;
    // HTML-AAM: a text field with nothing else to name it is named by its placeholder.
    const placeholder = el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder');
    return squash(placeholder);
  } catch {
    return '';
  }
}

export function accessibleDescription(el: Element): string {
  try {
    return squash(computeAccessibleDescription(el));
  } catch {
    return '';
  }
}

/**
 * The name plain markup gives without consulting styles, in accname's own order: `aria-labelledby` (each
 * id's text), `aria-label`, the control's `<label>`s. Where a page has thousands of controls (a Permissions
 * window's shortcut radios) this answers without a style lookup per node; null where the markup says
 * nothing this simple, and the full computation decides.
 */
export function plainName(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const root = el.getRootNode() as Document | ShadowRoot;
    const text = squash(ids.split(/\s+/).map((id) => (id && typeof root.getElementById === 'function' ? (root.getElementById(id)?.textContent ?? '') : '')).join(' '));
    return text || null;
  }
  const aria = squash(el.getAttribute('aria-label'));
  if (aria) return aria;
  const labels = (el as { labels?: ArrayLike<Element> | null }).labels;
  if (labels && labels.length) {
    const text = squash(Array.from(labels).map((l) => l.textContent ?? '').join(' '));
    if (text) return text;
  }
  return null;
}

/** The element's role (explicit, else implicit), or null. */
export function roleOf(el: Element): string | null {
  try {
    return getRole(el);
  } catch {
    return null;
  }
}

// Names a widget library gives every control of a kind: they say what it is, not which field it is.
const GENERIC = new Set(['checkbox', 'check box', 'select', 'option', 'on', 'off', 'toggle', 'switch', 'field', 'input', 'text', 'value', 'yes', 'no', 'radio', 'button', 'combobox', 'dropdown', 'choose', 'choose one', 'select one', '--', '-']);
// Untranslated resource keys the current UI sometimes leaves in aria-labels ("IA.COLLAPSE", docs/intacct.md).
const RESOURCE_KEY = /^ia\.[a-z0-9_.]+$/i;

/** A name that does not tell fields apart: empty, one character, a widget's kind, a resource key. */
export function isGenericName(name: string): boolean {
  const n = normalizeLabel(name);
  return n.length < 2 || GENERIC.has(n) || RESOURCE_KEY.test(n);
}
