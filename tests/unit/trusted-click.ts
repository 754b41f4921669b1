/**
 * A click as the browser reports the admin's own: `isTrusted` true. happy-dom has no trusted events, and a
 * page's script cannot make one in a real browser (`isTrusted` is an unforgeable own property there), so
 * only tests can press the overlay's guarded buttons this way; `.click()` stays the page script's click.
 */
export function trustedClick(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}
