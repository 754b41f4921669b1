import { sealedButtonOf } from '@/components/overlay/sealed/sealed-button';

/** `event` as the browser reports the admin's own input: `isTrusted` true. */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/**
 * A click as the browser reports the admin's own: `isTrusted` true. happy-dom has no trusted events, and a
 * page's script cannot make one in a real browser (`isTrusted` is an unforgeable own property there), so
 * only tests can press the overlay's guarded buttons this way; `.click()` stays the page script's click.
 * On a sealed button's host (components/overlay/sealed) the press goes where the admin's pointer would:
 * down on the button inside the closed root, then the click (the tests reach it through the extension's
 * own module, which no page script can).
 */
export function trustedClick(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  const target = sealedButtonOf(el) ?? el;
  if (target !== el) target.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true, isPrimary: true, detail: 1 })));
  target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 1 })));
}
