import { accessibleName } from './accessible';
import { byIdNear, composedParent } from './tree';
import { normalizeLabel, shortText, squash } from './text';

/**
 * Whether the admin can see a control now, and where it is when they cannot: a setting inside a collapsed
 * section or on another tab is still on the page (its state is in the DOM), so a check reads it and says
 * where it is instead of calling it not found.
 */

function styleHides(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * False when the admin cannot see the control: a `hidden` ancestor, a closed `<details>`, `display:none`
 * inline or from a stylesheet (checkVisibility, where the browser has it), an `<input type=hidden>`.
 */
export function isShown(el: Element): boolean {
  if (el.localName === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return false;
  let child: Element = el;
  for (let node: Element | null = el; node; node = composedParent(node)) {
    if (node.hasAttribute('hidden') || styleHides(node)) return false;
    if (node !== el && node.localName === 'details' && !node.hasAttribute('open') && child.localName !== 'summary') return false;
    child = node;
  }
  // A dialog hidden by a stylesheet class shows only in computed style.
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) return false;
  return true;
}

function hidesItself(el: Element): boolean {
  if (el.hasAttribute('hidden') || styleHides(el) || el.getAttribute('aria-hidden') === 'true') return true;
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  try {
    const style = view.getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden' || style.contentVisibility === 'hidden';
  } catch {
    return false;
  }
}

/** The name of what opens `panel`: the control whose `aria-controls` names it, or the tab that labels it. */
function opener(panel: Element): { name: string; tab: boolean } | null {
  const id = panel.getAttribute('id');
  const doc = panel.ownerDocument;
  if (id) {
    for (const el of Array.from(doc.querySelectorAll('[aria-controls]'))) {
      if (!(el.getAttribute('aria-controls') ?? '').split(/\s+/).includes(id)) continue;
      const name = accessibleName(el);
      if (name) return { name, tab: el.getAttribute('role') === 'tab' };
    }
  }
  const labelledBy = (panel.getAttribute('aria-labelledby') ?? '').split(/\s+/)[0];
  const label = labelledBy ? byIdNear(panel, labelledBy) : null;
  if (label) {
    const name = accessibleName(label) || squash(label.textContent);
    if (name) return { name, tab: panel.getAttribute('role') === 'tabpanel' || label.getAttribute('role') === 'tab' };
  }
  return null;
}

/** The title just before a hidden block: the heading, legend or button a person would click to open it. */
function titleBefore(block: Element): string | null {
  let node: Element | null = block;
  for (let up = 0; node && up < 3; up++, node = node.parentElement) {
    for (let sib = node.previousElementSibling, steps = 0; sib && steps < 3; sib = sib.previousElementSibling, steps++) {
      const text = shortText(sib, 80);
      if (text && normalizeLabel(text)) return text;
    }
  }
  return null;
}

/**
 * Where a control the admin cannot see is: "in the collapsed section “Expense report approval”", "on the
 * tab “Roles information”", "in a hidden part of the page". Null when it is shown.
 */
export function whereHidden(el: Element): string | null {
  if (isShown(el)) return null;
  for (let node: Element | null = composedParent(el); node; node = composedParent(node)) {
    if (node.localName === 'details' && !node.hasAttribute('open')) {
      const summary = Array.from(node.children).find((c) => c.localName === 'summary');
      const title = summary ? shortText(summary, 80) : null;
      return title ? `in the collapsed section “${title}”` : 'in a collapsed section';
    }
    if (!hidesItself(node)) continue;
    const open = opener(node);
    if (open) return open.tab ? `on the tab “${open.name}”` : `in the collapsed section “${open.name}”`;
    const title = node.getAttribute('role') === 'dialog' ? accessibleName(node) : titleBefore(node);
    if (node.getAttribute('role') === 'dialog') return title ? `in the closed dialog “${title}”` : 'in a closed dialog';
    return title ? `in the hidden section “${title}”` : 'in a hidden part of the page';
  }
  return 'in a hidden part of the page';
}
