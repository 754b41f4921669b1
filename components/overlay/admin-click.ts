import type { SyntheticEvent } from 'react';

/**
 * The overlay's actions that change Intacct's page or save files (Apply, Fill, Export) run only on the
 * admin's own click or key press. The panel's shadow root is open — tests and assistive technology read
 * it — so a script of the page can reach its buttons; the browser marks that script's `.click()` as not
 * trusted, and it does nothing. A keyboard's Enter or Space on a focused button is a trusted click.
 */
export function adminClick(action: () => void): (event: SyntheticEvent) => void {
  return (event) => {
    if (event.nativeEvent.isTrusted !== true) return;
    action();
  };
}
