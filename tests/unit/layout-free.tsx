import type { ReactNode } from 'react';
import { ActivationPolicyContext } from '@/components/overlay/sealed/SealedButton';
import type { ActivationPolicy } from '@/components/overlay/sealed/sealed-button';

/**
 * happy-dom lays nothing out (every rectangle is empty, nothing is at any point), so the sealed buttons'
 * checks of what the admin sees would refuse every press. Component tests render under this policy; what
 * a press must be (trusted, aimed at the button, a key only where the admin put focus) still holds, and the
 * drawing checks are run in real browsers by tests/e2e/sealed-buttons.spec.ts and tests/firefox.
 */
export const LAYOUT_FREE: ActivationPolicy = {
  layout: () => null,
  watch: () => ({ refusal: () => null, confirm: async () => null, disconnect: () => {} }),
};

export function LayoutFree({ children }: { children: ReactNode }) {
  return <ActivationPolicyContext.Provider value={LAYOUT_FREE}>{children}</ActivationPolicyContext.Provider>;
}
