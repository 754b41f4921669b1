import { useEffect, useId, useRef } from 'react';
import type { ControlValue } from '@/utils/apply/controls';
import type { SaveKind } from '@/utils/apply/save-watch';
import { changeCount, planChanges, type ApplyPlan, type ApplyStep, type ControlChange, type PlanNote } from '@/utils/apply/plan';
import { adminClick } from './admin-click';
import { focusProvenanceOf, focusScopeOf } from './sealed/focus-provenance';
import { SealedButton } from './sealed/SealedButton';
import type { ApplyOffer } from './useApply';

export interface ApplyChangesProps {
  apply: ApplyOffer;
  /** Whether the page has anything to apply (a problem among the checks); the button shows only then. */
  offered: boolean;
}

// A window of 6,000 boxes would draw 6,000 lines nobody reads; the step's words and count say it all.
const LISTED_CHANGES = 200;

function valueWords(value: ControlValue, control: Element): string {
  if (typeof value !== 'boolean') return `→ ${value}`;
  const radio = control.localName === 'input' && control.getAttribute('type') === 'radio';
  if (radio) return value ? 'chosen' : 'no longer chosen';
  return value ? 'ticked' : 'unticked';
}

function withoutGroup(subject: string, group: string): string {
  return group && subject.startsWith(`${group} › `) ? subject.slice(group.length + 3) : subject;
}

function ChangeItem({ change, group }: { change: ControlChange; group: string }) {
  return (
    <li data-testid="ish-apply-change" data-subject={change.subject} data-to={String(change.to)}>
      {withoutGroup(change.subject, group)}: {valueWords(change.to, change.control)}
    </li>
  );
}

/** "ticks 2 boxes", "unticks 46 boxes", "ticks 3 and unticks 2 boxes": the radios are in the step's own words. */
function boxesSummary(changes: readonly ControlChange[]): string {
  const boxes = changes.filter((c) => !(c.control.localName === 'input' && c.control.getAttribute('type') === 'radio'));
  const ticks = boxes.filter((c) => c.to === true).length;
  const unticks = boxes.filter((c) => c.to === false).length;
  const parts = [ticks ? `ticks ${ticks}` : '', unticks ? `unticks ${unticks}` : ''].filter(Boolean);
  if (!parts.length) return `${changes.length} controls`;
  return `${capitalized(parts.join(' and '))} box${ticks + unticks === 1 ? '' : 'es'}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function StepItem({ step }: { step: ApplyStep }) {
  const changes = [...step.sets, ...step.follows];
  const only = changes.length === 1 ? changes[0] : undefined;
  return (
    <li className="ish-apply-step" data-testid="ish-apply-step">
      {only ? (
        <span data-testid="ish-apply-change" data-subject={only.subject} data-to={String(only.to)}>
          {step.text}
        </span>
      ) : (
        <>
          {step.text}
          <details>
            <summary>{boxesSummary(changes)}</summary>
            <ul>
              {changes.slice(0, LISTED_CHANGES).map((c) => (
                <ChangeItem key={c.subject} change={c} group={step.group} />
              ))}
              {changes.length > LISTED_CHANGES && <li>and {changes.length - LISTED_CHANGES} more</li>}
            </ul>
          </details>
        </>
      )}
    </li>
  );
}

/** Focus our code moves after the admin's own press (focus-provenance.ts): the admin's next Tab and Enter are taken. */
function focusOurs(el: HTMLElement | null): void {
  if (el) focusProvenanceOf(focusScopeOf(el)).focusOurs(el);
}

function groupsOf(steps: readonly ApplyStep[]): Array<[string, ApplyStep[]]> {
  const groups = new Map<string, ApplyStep[]>();
  for (const s of steps) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return [...groups];
}

function Notes({ title, notes, testId }: { title: string; notes: readonly PlanNote[]; testId: string }) {
  if (!notes.length) return null;
  return (
    <div className="ish-apply-notes" data-testid={testId}>
      <h4>
        {title} ({notes.length})
      </h4>
      <ul>
        {notes.map((n) => (
          <li key={`${n.subject}\u0000${n.text}`} data-subject={n.subject}>
            {n.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Preview({ plan, note, apply }: { plan: ApplyPlan; note: string; apply: ApplyOffer }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // The preview replaces the button the admin pressed: keyboard focus lands on what it says.
  useEffect(() => focusOurs(heading.current), [plan]);
  const count = planChanges(plan).length;
  return (
    <section className="ish-apply-preview" data-testid="ish-apply-preview" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {count ? `${apply.label}: ${changeCount(count)}` : `${apply.label}: nothing the helper can set here`}
      </h3>
      {note && (
        <p className="ish-caution" role="status">
          {note}
        </p>
      )}
      <p className="ish-note">Nothing on the page changes until you confirm, and the helper never saves.</p>
      {groupsOf(plan.steps).map(([group, steps]) => (
        <div className="ish-apply-group" key={group || '-'}>
          {group && <h4>{group}</h4>}
          <ul>
            {steps.map((s, i) => (
              <StepItem key={i} step={s} />
            ))}
          </ul>
        </div>
      ))}
      <Notes title="Do these by hand" notes={plan.byHand} testId="ish-apply-by-hand" />
      <Notes title="Left as they are" notes={plan.leftAlone} testId="ish-apply-left-alone" />
      {plan.then && <p className="ish-note">{plan.then}</p>}
      <div className="ish-actions">
        {count > 0 && <SealedButton testId="ish-apply-confirm" variant="primary" label={`Apply ${changeCount(count)}`} onPress={apply.onConfirm} />}
        <button type="button" className="ish-secondary" data-testid="ish-apply-cancel" onClick={adminClick(apply.onCancel)}>
          {count > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}

function EditList({ intro, edits }: { intro: string; edits: readonly { subject: string }[] }) {
  if (!edits.length) return null;
  return (
    <>
      <p>{intro}</p>
      <ul>
        {edits.map((e) => (
          <li key={e.subject}>{e.subject}</li>
        ))}
      </ul>
    </>
  );
}

/** What the page did while Apply ran, in the result's words. */
const SAVED_WHILE_APPLYING: Record<SaveKind, string> = {
  save: 'the page’s own script pressed Save',
  submit: 'the page submitted its form',
  unload: 'the page started to leave (its form was sent)',
};

function Result({ apply }: { apply: ApplyOffer }) {
  const box = useRef<HTMLDivElement>(null);
  const { state } = apply;
  useEffect(() => focusOurs(box.current), [state]);
  if (state.phase === 'applied') {
    const { outcome, saved, savedWhileApplying } = state;
    return (
      <div className="ish-apply-result" data-testid="ish-apply-result" data-saved-while-applying={savedWhileApplying ?? undefined} role="status" tabIndex={-1} ref={box}>
        {savedWhileApplying ? (
          <p className="ish-caution" data-testid="ish-apply-saved">
            {`Applied ${changeCount(outcome.applied)}, and ${SAVED_WHILE_APPLYING[savedWhileApplying]} while Apply was still setting the page. Check the saved record in Intacct; Undo is not offered for a saved record.`}
          </p>
        ) : (
          <p>
            {outcome.applied
              ? `Applied ${changeCount(outcome.applied)}. Review them on the page, then click Save yourself.`
              : 'Nothing was changed.'}
          </p>
        )}
        <EditList intro="The page did not take these; set them by hand:" edits={outcome.notTaken} />
        <EditList intro="The page itself also changed (Undo puts these back too):" edits={outcome.alsoChanged} />
        {state.plan.then && <p>{state.plan.then}</p>}
        {savedWhileApplying ? null : saved ? (
          <p className="ish-note">You saved the page, so Undo is no longer offered.</p>
        ) : (
          outcome.edits.length > 0 && (
            <SealedButton testId="ish-apply-undo" label="Undo" onPress={apply.onUndo} />
          )
        )}
      </div>
    );
  }
  if (state.phase === 'undone') {
    const { undone } = state;
    return (
      <div className="ish-apply-result" data-testid="ish-apply-result" role="status" tabIndex={-1} ref={box}>
        <p>Put {undone.restored === 1 ? '1 control' : `${undone.restored} controls`} back as they were before Apply.</p>
        <EditList intro="You changed these again since, so they stay as you set them:" edits={undone.keptAdminEdits} />
        <EditList intro="These could not be put back (the page redrew them); reload the page to drop unsaved changes:" edits={undone.notRestored} />
      </div>
    );
  }
  return null;
}

/** "Apply <integration>'s rights/settings": the button, its preview, and what it did with Undo. */
export function ApplyChanges({ apply, offered }: ApplyChangesProps) {
  const { state } = apply;
  if (state.phase === 'preview') return <Preview plan={state.plan} note={state.note} apply={apply} />;
  const button = offered && state.phase !== 'applied' && (
    <SealedButton testId={apply.kind === 'rights' ? 'ish-apply-rights' : 'ish-apply-settings'} variant="primary" label={`${apply.label}…`} onPress={apply.onStart} />
  );
  if (!button && state.phase === 'idle') return null;
  return (
    <div className="ish-apply">
      <Result apply={apply} />
      {button && <div className="ish-actions">{button}</div>}
    </div>
  );
}
