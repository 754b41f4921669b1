import { useEffect, useState } from 'react';
import { applyPlan, isSaveControl, undoApply, type ApplyOutcome, type UndoOutcome } from '@/utils/apply/apply';
import { samePlan, type ApplyPlan } from '@/utils/apply/plan';
import { applyKindOf, planForPage, type ApplyKind } from '@/utils/apply/plan-for-page';
import type { AuditFieldsOptions } from '@/utils/audit/fields';
import type { PageKind } from '@/utils/pages/kinds';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'preview'; plan: ApplyPlan; /** Why the preview was redone, if it was. */ note: string }
  | { phase: 'applied'; plan: ApplyPlan; outcome: ApplyOutcome; /** The admin saved since: Undo is over. */ saved: boolean }
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

  // Once the admin saves, the page's state is Intacct's: Undo would change a saved record, so it goes.
  const undoable = state.phase === 'applied' && !state.saved;
  useEffect(() => {
    if (!undoable) return;
    const onSave = (event: Event): void => {
      if (event.type === 'submit' || isSaveControl(event.target)) setState((s) => (s.phase === 'applied' ? { ...s, saved: true } : s));
    };
    doc.addEventListener('click', onSave, true);
    doc.addEventListener('submit', onSave, true);
    return () => {
      doc.removeEventListener('click', onSave, true);
      doc.removeEventListener('submit', onSave, true);
    };
  }, [doc, undoable]);

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
      setState({ phase: 'applied', plan: fresh, outcome: applyPlan(fresh), saved: false });
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
