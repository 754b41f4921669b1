import { useEffect, useId, useRef, useState } from 'react';
import { REVIEWER_MAX, parseReviewer, reviewerItem } from '@/utils/storage/evidence';

// Typing is saved after a short pause: one storage write per name, not per key.
const SAVE_DELAY_MS = 300;

/** Who signs the evidence: typed once, kept in storage.local, written on every pack. */
export function Reviewer() {
  const [reviewer, setReviewer] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ids = useId();

  useEffect(() => {
    void reviewerItem.getValue().then((v) => setReviewer(parseReviewer(v)));
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const type = (value: string): void => {
    setReviewer(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void reviewerItem.setValue(value.trim().slice(0, REVIEWER_MAX)), SAVE_DELAY_MS);
  };

  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-reviewer-settings" className="cx">
      <h2 id={`${ids}-h`}>Reviewer</h2>
      <label>
        Your name on audit evidence
        <input
          data-testid="ish-reviewer"
          value={reviewer}
          maxLength={REVIEWER_MAX}
          placeholder="Your name, as the auditor should read it"
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            clearTimeout(timer.current);
            void reviewerItem.setValue(reviewer.trim());
          }}
          autoComplete="name"
        />
      </label>
      <p className="help">Every exported audit names its reviewer, with the date, time and time zone.</p>
    </section>
  );
}
