import { announce, setProperty } from '@/utils/fill/set-control';
import { isShown } from '@/utils/reading/visibility';
import { isInput, isSelect, isTextArea, readControl, selectedOption } from '@/utils/reading/state';

/**
 * The controls Apply may set, and how it sets them: a native checkbox or radio is clicked (the click,
 * input and change events a person's click fires, so `onclick` handlers run too); a select or text field
 * gets its value the way Fill writes it. Anything else — a drawn widget without a native input, a
 * read-only view's ✓, a disabled or hidden box — is the admin's to change by hand: a guess there could
 * tick something the page never shows as ticked.
 */

export type ControlValue = boolean | string;

/** Why a control cannot be set safely, in words the preview shows after "do this by hand". */
export type Unsettable = 'read-only view' | 'drawn widget' | 'disabled' | 'hidden' | 'not a control';

const UNSETTABLE_WORDS: Record<Unsettable, string> = {
  'read-only view': 'this is a read-only view (open the page for editing)',
  'drawn widget': 'the page draws its boxes without native checkboxes, which the helper does not set',
  disabled: 'the page has switched it off (disabled)',
  hidden: 'it is hidden on the page',
  'not a control': 'it is not a control the helper sets',
};

export function unsettableWords(reason: Unsettable): string {
  return UNSETTABLE_WORDS[reason];
}

function isToggleInput(el: Element): el is HTMLInputElement {
  if (!isInput(el)) return false;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return type === 'checkbox' || type === 'radio';
}

function inDisabledFieldset(el: Element): boolean {
  let child: Element = el;
  for (let node = el.parentElement; node; child = node, node = node.parentElement) {
    if (node.localName !== 'fieldset' || !node.hasAttribute('disabled')) continue;
    const legend = Array.from(node.children).find((c) => c.localName === 'legend');
    if (child !== legend) return true;
  }
  return false;
}

/** What about the control itself stops Apply setting it (its kind, disabled), without asking whether it shows. */
function controlProblem(el: Element): Unsettable | null {
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  if (!isInput(el) && !isSelect(el) && !isTextArea(el)) {
    // Any other element standing for a box is a read-only view's ✓ or "Yes" (utils/reading/controls).
    return ['checkbox', 'switch', 'radio', 'combobox', 'textbox', 'spinbutton'].includes(role) ? 'drawn widget' : 'read-only view';
  }
  if (isInput(el) && ['file', 'hidden', 'button', 'submit', 'reset', 'image', 'password'].includes((el.getAttribute('type') ?? 'text').toLowerCase())) {
    return 'not a control';
  }
  // aria-disabled is how a page greys a box out; a disabled fieldset disables what it holds, but its legend.
  if ((el as HTMLInputElement).disabled || (el.getAttribute('aria-disabled') ?? '').toLowerCase() === 'true' || inDisabledFieldset(el)) return 'disabled';
  if (!isSelect(el) && (el as HTMLInputElement | HTMLTextAreaElement).readOnly && !isToggleInput(el)) return 'disabled';
  return null;
}

/** Hidden by an attribute or inline style between `el` and `shownAncestor` (which the caller saw shown). */
function hiddenBelow(el: Element, shownAncestor: Element): boolean {
  for (let node: Element | null = el; node && node !== shownAncestor; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = (node.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  }
  return false;
}

/**
 * Null when Apply may set `el`; otherwise why not. A page's visibility costs a style computation per
 * control, so a caller with thousands of boxes in one grid passes the grid it saw shown.
 */
export function whyUnsettable(el: Element, shownAncestor?: Element): Unsettable | null {
  const problem = controlProblem(el);
  if (problem) return problem;
  const shown = shownAncestor ? !hiddenBelow(el, shownAncestor) : isShown(el);
  return shown ? null : 'hidden';
}

/** What the control holds now: checked for a checkbox or radio, the option text of a select, the text typed. */
export function readValue(el: Element): ControlValue {
  if (isToggleInput(el)) return el.checked;
  const state = readControl(el);
  return state.checked ?? state.value;
}

function optionFor(select: HTMLSelectElement, text: string): HTMLOptionElement | undefined {
  const options = Array.from(select.options);
  return options.find((o) => (o.textContent ?? '').replace(/\s+/g, ' ').trim() === text) ?? options.find((o) => o.value === text);
}

/**
 * Puts `value` into `el` as a person would; false when the page did not take it (a click handler that
 * cancelled, a select without that option). Never submits and never clicks anything but the box itself.
 */
export function writeValue(el: Element, value: ControlValue): boolean {
  // Whether it shows was judged by the plan the admin confirmed; the control itself is checked again.
  if (!el.isConnected || controlProblem(el) !== null) return false;
  if (typeof value === 'boolean') {
    if (!isToggleInput(el)) return false;
    if (el.checked === value) return true;
    // A radio is switched off only by choosing another one of its group.
    if (el.type === 'radio' && !value) return false;
    el.click();
    return el.checked === value;
  }
  if (isSelect(el)) {
    const option = optionFor(el, value);
    if (!option) return false;
    if (selectedOption(el) === option) return true;
    for (const o of Array.from(el.options)) o.selected = o === option;
    el.selectedIndex = option.index;
    announce(el);
    return selectedOption(el) === option;
  }
  if (isToggleInput(el)) return false;
  if (readControl(el).value === value) return true;
  setProperty(el, 'value', value);
  announce(el);
  return readControl(el).value === value;
}
