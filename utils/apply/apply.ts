import { readValue, writeValue, type ControlValue } from './controls';
import { planChanges, type ApplyPlan, type ControlChange } from './plan';

/**
 * Carries out a confirmed plan and puts the page back on Undo. Every control in the plan's scope is read
 * before and after, so the admin learns exactly what changed — what the preview said, anything the page
 * did not take, and anything the page's own script changed in answer — and Undo restores all of it.
 * Never saves and never clicks anything but the boxes, radios and fields of the plan.
 */

export interface ControlEdit {
  control: Element;
  subject: string;
  before: ControlValue;
  after: ControlValue;
}

export interface ApplyOutcome {
  /** Every control of the scope that differs from before the apply: what Undo puts back. */
  edits: ControlEdit[];
  /** How many of the previewed changes the page now shows. */
  applied: number;
  /** Previewed changes the page did not take: for the admin to make by hand. */
  notTaken: ControlChange[];
  /** Controls the page's own script changed in answer, beyond the preview (a section switched to Custom). */
  alsoChanged: ControlEdit[];
}

export interface UndoOutcome {
  restored: number;
  /** Fields the admin changed again since the apply: left as the admin set them. */
  keptAdminEdits: ControlEdit[];
  /** Controls that could not be put back (the page redrew them, or refused). */
  notRestored: ControlEdit[];
}

function isRadio(el: Element): boolean {
  return el.localName === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'radio';
}

function safely(what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    // One control that throws (a page handler's error) must not stop the others.
    console.warn(`[intacct-setup-helper] could not ${what}`, error);
  }
}

export function applyPlan(plan: ApplyPlan): ApplyOutcome {
  const expected = planChanges(plan);
  const before = new Map<Element, { subject: string; value: ControlValue }>();
  for (const { control, subject } of [...plan.scope, ...expected]) {
    if (!before.has(control)) before.set(control, { subject, value: readValue(control) });
  }
  for (const step of plan.steps) {
    for (const change of step.sets) safely(`set ${change.subject}`, () => void writeValue(change.control, change.to));
    // A shortcut radio's page script ticks its section's boxes; any box it left is set here.
    for (const change of step.follows) {
      if (readValue(change.control) !== change.to && !(isRadio(change.control) && change.to === false)) {
        safely(`set ${change.subject}`, () => void writeValue(change.control, change.to));
      }
    }
  }
  const edits: ControlEdit[] = [];
  for (const [control, { subject, value }] of before) {
    const now = readValue(control);
    if (now !== value) edits.push({ control, subject, before: value, after: now });
  }
  const notTaken = expected.filter((c) => readValue(c.control) !== c.to);
  const previewed = new Set(expected.map((c) => c.control));
  return { edits, applied: expected.length - notTaken.length, notTaken, alsoChanged: edits.filter((e) => !previewed.has(e.control)) };
}

/**
 * Puts back what an apply changed. Boxes go first and radios last: on a page whose boxes switch their
 * section to Custom when clicked, the section's radio put back last leaves it as it was.
 */
export function undoApply(edits: readonly ControlEdit[]): UndoOutcome {
  const boxes = edits.filter((e) => !isRadio(e.control));
  // Of a radio group only the radio that was chosen can be chosen again; the others follow it.
  const radios = edits.filter((e) => isRadio(e.control) && e.before === true);
  const keptAdminEdits: ControlEdit[] = [];
  for (const edit of [...boxes, ...radios]) {
    const now = readValue(edit.control);
    if (now === edit.before) continue;
    if (now !== edit.after) {
      keptAdminEdits.push(edit);
      continue;
    }
    safely(`put back ${edit.subject}`, () => void writeValue(edit.control, edit.before));
  }
  // A radio put back may have made its page script redo boxes differently: one more pass over the boxes.
  for (const edit of boxes) {
    if (!keptAdminEdits.includes(edit) && readValue(edit.control) !== edit.before) {
      safely(`put back ${edit.subject}`, () => void writeValue(edit.control, edit.before));
    }
  }
  const notRestored = edits.filter((e) => !keptAdminEdits.includes(e) && readValue(e.control) !== e.before);
  return { restored: edits.length - keptAdminEdits.length - notRestored.length, keptAdminEdits, notRestored };
}

/** A Save button (or Save & new…) of Intacct's page: once the admin saves, Undo is no longer offered. */
export function isSaveControl(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const button = (target as Element).closest('button, input[type="submit"], input[type="button"], [role="button"], a');
  if (!button) return false;
  const text = (button.getAttribute('aria-label') ?? button.getAttribute('value') ?? button.textContent ?? '').replace(/\s+/g, ' ').trim();
  return /^save\b/i.test(text);
}
