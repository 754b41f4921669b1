import type { ControlValue } from './controls';

/**
 * What "Apply <integration>'s rights" (or settings) would change on the page, worked out before anything
 * is touched: the preview shows it, the admin confirms it, and Apply then sets exactly these controls.
 */

export interface ControlChange {
  control: Element;
  /** What an admin calls the control: "General Ledger › Accounts › Delete", "Reports › All", "Cash Management". */
  subject: string;
  from: ControlValue;
  to: ControlValue;
}

export interface ApplyStep {
  /** The application or section the step belongs to, for grouping the preview. */
  group: string;
  /** The preview's line: "Choose All under Reports (now Read only)", "Tick Cash Management". */
  text: string;
  /** The controls the step sets itself, in order (a shortcut radio, or the boxes of one row). */
  sets: ControlChange[];
  /**
   * What the page is expected to do in answer, for a shortcut radio: the boxes it ticks or unticks and the
   * radio it switches off. Apply sets any the page left as they were.
   */
  follows: ControlChange[];
}

/** A line of the preview that Apply does not act on: something to do by hand, or left alone on purpose. */
export interface PlanNote {
  subject: string;
  text: string;
}

export interface ApplyPlan {
  /** "Expensify's rights" / "Expensify's settings". */
  title: string;
  steps: ApplyStep[];
  /** Changes the integration needs that the helper cannot make safely: listed, never guessed. */
  byHand: PlanNote[];
  /** Excess the vendor's list does not let the helper call excess, left as it is. */
  leftAlone: PlanNote[];
  /** What the admin does after saving, e.g. open each application's Permissions. */
  then: string;
  /**
   * Every control Apply may touch or whose page script may answer (a section's boxes and radios), with
   * its subject: what Undo puts back, and what the result compares with the preview.
   */
  scope: Array<{ control: Element; subject: string }>;
}

/** Every change the plan makes or expects, in order. */
export function planChanges(plan: ApplyPlan): ControlChange[] {
  return plan.steps.flatMap((s) => [...s.sets, ...s.follows]);
}

/** Whether two plans would do the same thing: the page did not change between the preview and the confirm. */
export function samePlan(a: ApplyPlan, b: ApplyPlan): boolean {
  const x = planChanges(a);
  const y = planChanges(b);
  return x.length === y.length && x.every((c, i) => c.control === y[i]?.control && c.to === y[i]?.to && c.from === y[i]?.from);
}

/** "12 changes" / "1 change". */
export function changeCount(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}
