import { z } from '@/utils/zod';
import { isProblem, type Finding } from '@/utils/audit/finding';
import type { PageKind } from '@/utils/pages/kinds';
import { pageSpec } from '@/utils/pages/registry';
import type { IntegrationProfile, OptionValues, ProfileStep } from '@/utils/profiles/schema';
import { requiredSteps } from '@/utils/profiles/registry';

/** Progress of one integration in one Intacct company: which steps a clean page proved, which the admin ticked. */
export const StepProgressSchema = z.object({
  verified: z.record(z.string(), z.number()),
  ticked: z.record(z.string(), z.number()),
});
export type StepProgress = z.infer<typeof StepProgressSchema>;

/** company ID → profile id → progress. Kept in local storage; it holds no secrets. */
export const ChecklistStoreSchema = z.record(z.string(), z.record(z.string(), StepProgressSchema));
export type ChecklistStore = z.infer<typeof ChecklistStoreSchema>;

export const EMPTY_PROGRESS: StepProgress = { verified: {}, ticked: {} };
/** Used until a page shows which company this is. */
export const UNKNOWN_COMPANY = '(company not seen yet)';

export function parseChecklistStore(value: unknown): ChecklistStore {
  const parsed = ChecklistStoreSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

export function progressOf(store: ChecklistStore, companyId: string, profileId: string): StepProgress {
  return store[companyId]?.[profileId] ?? EMPTY_PROGRESS;
}

function withProgress(store: ChecklistStore, companyId: string, profileId: string, progress: StepProgress): ChecklistStore {
  return { ...store, [companyId]: { ...store[companyId], [profileId]: progress } };
}

/**
 * A page's findings decide the steps they belong to: all ok → verified; any problem → no longer verified
 * (the admin may have undone a fix); a check not found on the page → left as it was, never verified. Steps with no finding on this page are left as they were.
 */
export function recordPageFindings(
  store: ChecklistStore,
  companyId: string,
  profileId: string,
  findings: readonly Finding[],
  at: number,
  /**
   * false where the page shows only part of its step (one module's Permissions window, the sender window
   * for one of two sender IDs): its problems still take the step back, but a clean page proves nothing.
   */
  canVerify = true,
): ChecklistStore {
  // Per step: a problem takes it back; a check not found on the page leaves it as it was (nothing was
  // proven either way); only a page where every check of the step passed verifies it.
  const byStep = new Map<string, 'clean' | 'unknown' | 'problem'>();
  for (const f of findings) {
    if (!f.stepId) continue;
    const was = byStep.get(f.stepId) ?? 'clean';
    const now = isProblem(f.status) ? 'problem' : f.status === 'not-found' ? 'unknown' : 'clean';
    byStep.set(f.stepId, was === 'problem' || now === 'problem' ? 'problem' : was === 'unknown' || now === 'unknown' ? 'unknown' : 'clean');
  }
  if (byStep.size === 0) return store;
  const before = progressOf(store, companyId, profileId);
  const verified = { ...before.verified };
  const ticked = { ...before.ticked };
  let changed = false;
  for (const [stepId, state] of byStep) {
    if (state === 'unknown') continue;
    const clean = state === 'clean';
    if (clean && canVerify && verified[stepId] === undefined) {
      verified[stepId] = at;
      changed = true;
    } else if (!clean && (verified[stepId] !== undefined || ticked[stepId] !== undefined)) {
      // A problem on the page outweighs an earlier clean page or the admin's tick: the step is open again.
      delete verified[stepId];
      delete ticked[stepId];
      changed = true;
    }
  }
  return changed ? withProgress(store, companyId, profileId, { verified, ticked }) : store;
}

export function setTicked(
  store: ChecklistStore,
  companyId: string,
  profileId: string,
  stepId: string,
  ticked: boolean,
  at: number,
): ChecklistStore {
  const before = progressOf(store, companyId, profileId);
  const next = { ...before.ticked };
  if (ticked) next[stepId] = at;
  else delete next[stepId];
  return withProgress(store, companyId, profileId, { ...before, ticked: next });
}

export type StepState = 'verified' | 'ticked' | 'todo';

/** Whether a clean page of this kind proves its steps done, rather than one part of them (its spec's `proves`). */
export function pageProvesItsSteps(kind: PageKind): boolean {
  return pageSpec(kind).proves !== 'part';
}

/** A step the extension can prove from a page: it has field checks there, or its page is checked whole. */
function verifiable(step: ProfileStep): boolean {
  return (step.fields?.length ?? 0) > 0 || step.pageKinds.some((k) => pageSpec(k).proves === 'whole');
}

export interface ChecklistItem {
  step: ProfileStep;
  number: number;
  state: StepState;
  /** The extension can only learn of it from the admin (a download, a call to the vendor). */
  manual: boolean;
}

export function checklistItems(profile: IntegrationProfile, values: OptionValues, progress: StepProgress): ChecklistItem[] {
  return requiredSteps(profile, values).map((step, i) => ({
    step,
    number: i + 1,
    // Anything the extension cannot prove, the admin can tick, or the checklist could never finish.
    manual: step.manual === true || !verifiable(step),
    state: progress.verified[step.id] !== undefined ? 'verified' : progress.ticked[step.id] !== undefined ? 'ticked' : 'todo',
  }));
}

export function nextStep(items: readonly ChecklistItem[]): ChecklistItem | undefined {
  return items.find((item) => item.state === 'todo');
}

export function progressLine(items: readonly ChecklistItem[]): string {
  const done = items.filter((i) => i.state !== 'todo').length;
  return `${done} of ${items.length} steps done`;
}

/** The steps done on the pages open in the Intacct tab: "where this page is in the setup". */
export function itemsOnPages(items: readonly ChecklistItem[], kinds: readonly PageKind[]): ChecklistItem[] {
  return items.filter((item) => item.step.pageKinds.some((k) => kinds.includes(k)));
}
