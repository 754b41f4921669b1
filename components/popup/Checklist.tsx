import { useId } from 'react';
import type { ChecklistItem } from '@/utils/checklist/progress';
import { progressLine } from '@/utils/checklist/progress';

export interface ChecklistProps {
  companyId: string | null;
  items: readonly ChecklistItem[];
  onTick: (stepId: string, ticked: boolean) => void;
  /** Steps done on the pages open in the Intacct tab. */
  here?: readonly string[];
}

const STATE_TEXT = { verified: 'checked on its page', ticked: 'ticked by you', todo: 'to do' } as const;

/** The integration's steps with their progress in this company; steps the extension cannot see can be ticked. */
export function Checklist({ companyId, items, onTick, here = [] }: ChecklistProps) {
  const done = items.filter((i) => i.state !== 'todo').length;
  const ids = useId();
  return (
    <section aria-labelledby="pp-checklist" data-testid="ish-checklist">
      <div className="pp-checklist-head">
        <h2 id="pp-checklist">Checklist{companyId ? ` · ${companyId}` : ''}</h2>
        <p className="muted" data-testid="ish-progress">
          {progressLine(items)}
        </p>
      </div>
      <progress className="pp-progress" max={items.length || 1} value={done} aria-label="Setup progress" />
      <ol className="pp-steps">
        {items.map((item, index) => (
          <li
            key={item.step.id}
            className={here.includes(item.step.id) ? 'pp-here' : undefined}
            data-testid="ish-checklist-step"
            data-step-id={item.step.id}
            data-state={item.state}
            data-here={here.includes(item.step.id) ? 'true' : undefined}
            aria-current={here.includes(item.step.id) ? 'step' : undefined}
          >
            <span className={`pp-mark pp-${item.state}`} aria-hidden="true">
              {item.state === 'todo' ? '○' : '✓'}
            </span>
            <span className="pp-step-title" id={`${ids}-${index}`}>
              {item.number}. {item.step.title}
              <span className="pp-step-state"> — {STATE_TEXT[item.state]}</span>
              {here.includes(item.step.id) && <span className="pp-here-mark"> · this page</span>}
            </span>
            {item.manual && item.state !== 'verified' && (
              <label className="pp-tick">
                <input
                  type="checkbox"
                  // Every tick reads "Done": the step's title tells a screen reader which one.
                  aria-describedby={`${ids}-${index}`}
                  checked={item.state === 'ticked'}
                  onChange={(e) => onTick(item.step.id, e.target.checked)}
                />
                Done
              </label>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
