import { useEffect, useRef, useState } from 'react';
import { applyPlan, undoApply, type ApplyOutcome, type UndoOutcome } from '@/utils/apply/apply';
import { watchForSave, type SaveKind } from '@/utils/apply/save-watch';
import { samePlan, type ApplyPlan } from '@/utils/apply/plan';
import { applyKindOf, planForPage, type ApplyKind } from '@/utils/apply/plan-for-page';
import type { AuditFieldsOptions } from '@/utils/audit/fields';
import type { PageKind } from '@/utils/pages/kinds';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'preview'; plan: ApplyPlan; /** Why the preview was redone, if it was. */ note: string }
  | {
      phase: 'applied';
      plan: ApplyPlan;
      outcome: ApplyOutcome;
      /** The page was saved (or left) since: Undo is over. */
      saved: boolean;
      /** How, if it happened while Apply was still setting the page (the page's own script pressed Save). */
      savedWhileApplying: SaveKind | null;
    }
  | { phase: 'undone'; undone: UndoOutcome };

export interface ApplyOffer {
  kind: ApplyKind;
  /** "Apply Expensify’s rights". */
  label: string;
  state: ApplyState;
  onStart: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onUndo: () => void;
}

const CHANGED_SINCE_PREVIEW = 'The page changed since the preview, so nothing was applied: check this new preview, then confirm again.';

/**
 * Apply's steps on this page: preview (nothing changes), confirm (the page is planned again and changed
 * only if it still matches what the admin saw), then Undo until the admin saves.
 */
export function useApply(options: {
  doc: Document;
  kind: PageKind;
  profile: IntegrationProfile;
  values: OptionValues;
  taught?: AuditFieldsOptions['taught'];
  /** The page changed under the live audit: re-read it. */
  onPageChanged: () => void;
}): ApplyOffer | undefined {
  const { doc, kind, profile, values, taught, onPageChanged } = options;
  const [state, setState] = useState<ApplyState>({ phase: 'idle' });

  useEffect(() => setState({ phase: 'idle' }), [doc, kind, profile, values]);

  // Once the page is saved, its state is Intacct's: Undo would change a saved record, so it goes. The watch
  // starts before Apply's first click (the page's own handler may press Save in answer to one) and lasts
  // while Undo is offered.
  const stopWatch = useRef<(() => void) | null>(null);
  const undoable = state.phase === 'applied' && !state.saved;
  useEffect(() => {
    if (undoable) return;
    stopWatch.current?.();
    stopWatch.current = null;
  }, [undoable]);
  useEffect(
    () => () => {
      stopWatch.current?.();
      stopWatch.current = null;
    },
    [],
  );

  const applyKind = applyKindOf(kind);
  if (!applyKind) return undefined;
  const plan = (): ApplyPlan | null => planForPage(doc, kind, profile, values, taught);

  return {
    kind: applyKind,
    label: `Apply ${profile.name}’s ${applyKind}`,
    state,
    onStart: () => {
      const next = plan();
      if (next) setState({ phase: 'preview', plan: next, note: '' });
    },
    onConfirm: () => {
      if (state.phase !== 'preview') return;
      const fresh = plan();
      if (!fresh) return;
      if (!samePlan(state.plan, fresh)) {
        setState({ phase: 'preview', plan: fresh, note: CHANGED_SINCE_PREVIEW });
        return;
      }
      stopWatch.current?.();
      let during: SaveKind | null = null;
      let applying = true;
      stopWatch.current = watchForSave(doc, (how) => {
        if (applying) during ??= how;
        else setState((s) => (s.phase === 'applied' ? { ...s, saved: true } : s));
      });
      let outcome: ApplyOutcome;
      try {
        outcome = applyPlan(fresh);
      } finally {
        applying = false;
      }
      if (during !== null) {
        stopWatch.current?.();
        stopWatch.current = null;
      }
      setState({ phase: 'applied', plan: fresh, outcome, saved: during !== null, savedWhileApplying: during });
      onPageChanged();
    },
    onCancel: () => setState({ phase: 'idle' }),
    onUndo: () => {
      if (state.phase !== 'applied' || state.saved) return;
      setState({ phase: 'undone', undone: undoApply(state.outcome.edits) });
      onPageChanged();
    },
  };
}
