import { selectedOption } from '@/utils/reading/state';

/** Every control of a page with what it shows, to tell exactly which ones a test's apply or undo changed. */
export function controlStates(doc: Document): Map<Element, string> {
  const states = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll('input, select, textarea, [role="checkbox"], [role="switch"], [role="radio"]'))) {
    if (el.localName === 'input') {
      const input = el as HTMLInputElement;
      states.set(el, input.type === 'checkbox' || input.type === 'radio' ? String(input.checked) : input.value);
    } else if (el.localName === 'select') {
      states.set(el, selectedOption(el as HTMLSelectElement)?.textContent ?? '');
    } else if (el.localName === 'textarea') states.set(el, (el as HTMLTextAreaElement).value);
    else states.set(el, el.getAttribute('aria-checked') ?? '');
  }
  return states;
}

/** The controls whose state differs between two snapshots, with their new state. */
export function changedControls(before: ReadonlyMap<Element, string>, after: ReadonlyMap<Element, string>): Map<Element, string> {
  const changed = new Map<Element, string>();
  for (const [el, value] of after) if (before.get(el) !== value) changed.set(el, value);
  return changed;
}
