import { createContext, useContext, useLayoutEffect, useRef, useState } from 'react';
import type { Refusal } from './layout-checks';
import { BROWSER_POLICY, sealButton, type ActivationPolicy, type SealedButton as Sealed } from './sealed-button';
import type { SealedVariant } from './sealed-style';

/** The checks of the panel's drawing: the browser's, unless a unit test (no layout in happy-dom) provides its own. */
export const ActivationPolicyContext = createContext<ActivationPolicy>(BROWSER_POLICY);

export interface SealedButtonProps {
  /** The public hook (README, shared conventions): on the host, which tests and tools can reach. */
  testId: string;
  label: string;
  variant?: SealedVariant;
  disabled?: boolean;
  onPress: () => void;
}

// Said after a trusted press the helper did not take: the admin clicked something drawn over the button,
// a changed button, or pressed a key where the page had moved focus.
const REFUSED_NOTE = 'Not taken: click the button itself, or Tab to it and press Enter.';

/** An action button of the panel that a page script can neither press, restyle nor focus (sealed-button.ts). */
export function SealedButton({ testId, label, variant = 'secondary', disabled = false, onPress }: SealedButtonProps) {
  const policy = useContext(ActivationPolicyContext);
  const host = useRef<HTMLSpanElement>(null);
  const sealed = useRef<Sealed | null>(null);
  const press = useRef(onPress);
  press.current = onPress;
  const [refused, setRefused] = useState<Refusal | null>(null);
  const state = { label, variant, disabled };
  const latest = useRef(state);
  latest.current = state;

  useLayoutEffect(() => {
    if (!host.current) return;
    const button = sealButton(
      host.current,
      latest.current,
      {
        onPress: () => {
          setRefused(null);
          press.current();
        },
        // Nothing of the press is logged: the note is all the admin needs (its reason code says which check).
        onRefused: setRefused,
      },
      policy,
    );
    sealed.current = button;
    return () => {
      button.destroy();
      sealed.current = null;
    };
  }, [policy]);

  useLayoutEffect(() => {
    sealed.current?.update({ label, variant, disabled });
  }, [label, variant, disabled]);

  return (
    <>
      <span ref={host} className="ish-sealed" data-testid={testId} />
      {refused && (
        <span className="ish-note ish-refused" role="status" data-testid="ish-refused" data-reason={refused}>
          {REFUSED_NOTE}
        </span>
      )}
    </>
  );
}
