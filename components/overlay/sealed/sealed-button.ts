import { focusProvenanceOf, focusScopeOf } from './focus-provenance';
import { centreOf, layoutRefusal, type Point, type Refusal, type SealedParts } from './layout-checks';
import { SEALED_CSS, type SealedVariant } from './sealed-style';
import { watchVisibility, type VisibilityWatch } from './visibility';

/**
 * A "sealed button" (issue 23): the overlay's actions that change Intacct's page, save files, keep rules or
 * show kept audits sit in a closed shadow root of a host in the panel. The host keeps the public
 * `data-testid` (tests and the admin's tools find it through the panel's open root); the real <button> and
 * its <style> are out of reach of the page's scripts and CSS. The host itself is not focusable and the
 * root does not delegate focus, so a page's `host.focus()` and `host.click()` do nothing. A trusted click
 * on the host's area lands on the button.
 *
 * The button acts only on a press the admin aimed at it: a trusted pointer press on the button itself, or
 * Enter or Space on it while it holds focus the admin put there (focus-provenance.ts), and only while it is
 * drawn as itself and visible where the press landed (layout-checks.ts, visibility.ts).
 */

/** How the checks of the panel's drawing are made: the browser's (default), or a layout-free one in unit tests. */
export interface ActivationPolicy {
  layout(parts: SealedParts, at: Point): Refusal | null;
  watch(parts: SealedParts): VisibilityWatch;
}

export const BROWSER_POLICY: ActivationPolicy = {
  layout: layoutRefusal,
  watch: (parts) => watchVisibility(parts, SEALED_ROOTS),
};

export interface SealedButtonState {
  label: string;
  variant: SealedVariant;
  disabled: boolean;
}

export interface SealedButton {
  update(state: SealedButtonState): void;
  destroy(): void;
}

export interface SealedButtonHandlers {
  /** A press the admin aimed at the button. */
  onPress: () => void;
  /** A trusted press that failed a check: the admin may need to be told to click the button itself. */
  onRefused: (why: Refusal) => void;
}

interface Press {
  /** A check that already failed when the press began (a cover removed at the last moment counts). */
  early: Refusal | null;
  /** For a key: whether the admin had put focus on the button. */
  focusOk: boolean;
}

const PARTS = new WeakMap<Element, SealedParts>();
const SEALED_ROOTS = new WeakSet<ShadowRoot>();

/**
 * The button inside a sealed host. Only code of the extension's own bundle (its isolated world, and our unit
 * tests) can call this; a page script cannot reach this module.
 */
export function sealedButtonOf(host: Element): HTMLButtonElement | undefined {
  return PARTS.get(host)?.button;
}

function partsOf(host: HTMLElement): SealedParts {
  const known = PARTS.get(host);
  if (known) return known;
  const root = host.attachShadow({ mode: 'closed' });
  const style = host.ownerDocument.createElement('style');
  style.textContent = SEALED_CSS;
  const button = host.ownerDocument.createElement('button');
  button.type = 'button';
  root.append(style, button);
  const parts = { host, root, button };
  PARTS.set(host, parts);
  SEALED_ROOTS.add(root);
  return parts;
}

const ACTIVATING_KEYS = new Set(['Enter', ' ']);

/** Seals `host` (once; later calls re-bind) and wires its button to `handlers` under `policy`. */
export function sealButton(host: HTMLElement, state: SealedButtonState, handlers: SealedButtonHandlers, policy: ActivationPolicy = BROWSER_POLICY): SealedButton {
  const parts = partsOf(host);
  const { button } = parts;
  const focus = focusProvenanceOf(focusScopeOf(host));
  const watch = policy.watch(parts);
  let pointerPress: Press | null = null;
  let keyPress: Press | null = null;
  let destroyed = false;
  let confirming = false;

  // Checked as the press begins, in the same dispatch as any page listener that runs before ours: a cover
  // the page takes away at that moment is still known to the kept visibility observer.
  const atStart = (event: Event, at: Point): Refusal | null => policy.layout(parts, at) ?? watch.refusal(event.timeStamp);
  const onPointerDown = (event: PointerEvent): void => {
    keyPress = null;
    pointerPress = event.isTrusted && event.isPrimary ? { early: atStart(event, { x: event.clientX, y: event.clientY }), focusOk: false } : null;
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!event.isTrusted || !ACTIVATING_KEYS.has(event.key) || event.repeat) return;
    pointerPress = null;
    keyPress = { early: atStart(event, centreOf(button)), focusOk: focus.isAdminFocused(host) };
  };
  const forget = (): void => {
    pointerPress = null;
    keyPress = null;
  };
  const onClick = (event: MouseEvent): void => {
    // A script's click is not the admin's: nothing happens, and nothing is said.
    if (!event.isTrusted) return;
    // A key's click carries no pointer: detail 0 (a mouse click counts its clicks from 1).
    const keyboard = event.detail === 0;
    const press = keyboard ? keyPress : pointerPress;
    forget();
    let why: Refusal | null;
    if (!press) why = 'no-press';
    else if (keyboard && !press.focusOk) why = 'focus';
    else why = press.early ?? policy.layout(parts, keyboard ? centreOf(button) : { x: event.clientX, y: event.clientY });
    if (why) {
      handlers.onRefused(why);
      return;
    }
    // And visible now, as the browser sees it (a frame later): only then does the action run. One press
    // at a time: a double click runs the action once, as it did when the action ran at once.
    if (confirming) return;
    confirming = true;
    void watch.confirm().then((late) => {
      confirming = false;
      if (destroyed || !host.isConnected) return;
      if (late) handlers.onRefused(late);
      else handlers.onPress();
    });
  };

  button.addEventListener('pointerdown', onPointerDown);
  button.addEventListener('keydown', onKeyDown);
  button.addEventListener('blur', forget);
  button.addEventListener('click', onClick);

  const update = (next: SealedButtonState): void => {
    button.textContent = next.label;
    button.title = next.label;
    button.className = next.variant;
    button.disabled = next.disabled;
    // What tests and the admin's tools read of the button, on the host they can reach.
    host.setAttribute('data-label', next.label);
    if (next.disabled) host.setAttribute('aria-disabled', 'true');
    else host.removeAttribute('aria-disabled');
  };
  update(state);

  return {
    update,
    destroy: () => {
      destroyed = true;
      button.removeEventListener('pointerdown', onPointerDown);
      button.removeEventListener('keydown', onKeyDown);
      button.removeEventListener('blur', forget);
      button.removeEventListener('click', onClick);
      watch.disconnect();
    },
  };
}
