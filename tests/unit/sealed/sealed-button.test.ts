import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sealButton, sealedButtonOf, type ActivationPolicy } from '@/components/overlay/sealed/sealed-button';
import { focusProvenanceOf } from '@/components/overlay/sealed/focus-provenance';
import type { Refusal } from '@/components/overlay/sealed/layout-checks';
import { LAYOUT_FREE } from '../layout-free';
import { trusted, trustedClick } from '../trusted-click';

// Issue 23: the overlay's action buttons sit in closed shadow roots and act only on a press the admin aimed
// at them. The drawing checks need a browser's layout (tests/e2e/sealed-buttons.spec.ts, tests/firefox);
// here, what a press must be, under a policy that answers for the drawing.

let page: HTMLElement;
let panel: ShadowRoot;
let hide: HTMLButtonElement;
let host: HTMLSpanElement;
let pressed: ReturnType<typeof vi.fn<() => void>>;
let refused: ReturnType<typeof vi.fn<(why: Refusal) => void>>;

function seal(policy: ActivationPolicy = LAYOUT_FREE): void {
  sealButton(host, { label: 'Fill recommended values (5)', variant: 'primary', disabled: false }, { onPress: pressed, onRefused: refused }, policy);
}

beforeEach(() => {
  page = document.createElement('input');
  const overlayHost = document.createElement('ish-overlay-host');
  document.body.append(page, overlayHost);
  panel = overlayHost.attachShadow({ mode: 'open' });
  hide = document.createElement('button');
  hide.textContent = 'Hide';
  host = document.createElement('span');
  host.setAttribute('data-testid', 'ish-fill');
  panel.append(hide, host);
  pressed = vi.fn<() => void>();
  refused = vi.fn<(why: Refusal) => void>();
});
afterEach(() => {
  document.body.replaceChildren();
});

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const key = (type: string, name: string): KeyboardEvent => trusted(new KeyboardEvent(type, { key: name, bubbles: true, composed: true, cancelable: true }));
const focusIn = (target: Element, from: Element | null): void => {
  target.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true, relatedTarget: from })));
};
/** Enter on the focused button, as the browser delivers it: the key, then a click with no pointer (detail 0). */
async function enter(): Promise<void> {
  const button = sealedButtonOf(host)!;
  button.dispatchEvent(key('keydown', 'Enter'));
  button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true, detail: 0 })));
  await flush();
}
/** The admin's Tab from `from` onto the Fill button: the key, the focus its default action moves, the key's release there. */
function tabOnto(from: Element): void {
  from.dispatchEvent(key('keydown', 'Tab'));
  focusIn(host, from);
  host.dispatchEvent(key('keyup', 'Tab'));
}

describe('a sealed button', () => {
  it('keeps its button in a closed root a page script cannot reach or press', async () => {
    seal();
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttribute('data-label')).toBe('Fill recommended values (5)');
    expect(host.tabIndex).toBe(-1);
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
    // Even the button's own untrusted events do nothing (a page cannot get there; this is the last line).
    sealedButtonOf(host)!.click();
    await flush();
    expect(pressed).not.toHaveBeenCalled();
    expect(refused).not.toHaveBeenCalled();
  });

  it('runs its action on the admin’s pointer press on the button', async () => {
    seal();
    trustedClick(host);
    await flush();
    expect(pressed).toHaveBeenCalledOnce();
  });

  it('runs its action once for a double click', async () => {
    seal();
    trustedClick(host);
    trustedClick(host);
    await flush();
    expect(pressed).toHaveBeenCalledOnce();
  });

  it('refuses a trusted click that no press on the button began (it reached the button some other way)', async () => {
    seal();
    sealedButtonOf(host)!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 })));
    await flush();
    expect(pressed).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith('no-press');
  });

  it('refuses a press the drawing checks refuse, at the press or just after it', async () => {
    seal({ ...LAYOUT_FREE, layout: () => 'style' });
    trustedClick(host);
    await flush();
    expect(refused).toHaveBeenLastCalledWith('style');
    seal({ ...LAYOUT_FREE, watch: () => ({ refusal: () => null, confirm: async () => 'covered', disconnect: () => {} }) });
    trustedClick(host);
    await flush();
    expect(refused).toHaveBeenLastCalledWith('covered');
    expect(pressed).not.toHaveBeenCalled();
  });
});

describe('Enter on a sealed button', () => {
  it('presses it after the admin tabbed onto it from the page', async () => {
    seal();
    tabOnto(page);
    await enter();
    expect(pressed).toHaveBeenCalledOnce();
  });

  it('presses it after the admin tabbed through the panel from a button they clicked', async () => {
    seal();
    hide.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true, isPrimary: true })));
    focusIn(hide, page);
    tabOnto(hide);
    await enter();
    expect(pressed).toHaveBeenCalledOnce();
  });

  it('does nothing where the page moved focus onto it', async () => {
    seal();
    focusIn(host, page);
    await enter();
    expect(pressed).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith('focus');
  });

  it('does nothing after the page moved focus from its own key handler during the admin’s Tab', async () => {
    seal();
    page.addEventListener('keydown', () => focusIn(host, page), { once: true });
    page.dispatchEvent(key('keydown', 'Tab'));
    host.dispatchEvent(key('keyup', 'Tab'));
    await enter();
    expect(refused).toHaveBeenCalledWith('focus');
  });

  it('does nothing after the page cancelled the admin’s Tab and moved focus itself', async () => {
    seal();
    page.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
    tabOnto(page);
    await enter();
    expect(refused).toHaveBeenCalledWith('focus');
  });

  it('does nothing after the admin’s Tab from a panel control the page had focused', async () => {
    seal();
    focusIn(hide, page);
    tabOnto(hide);
    await enter();
    expect(refused).toHaveBeenCalledWith('focus');
  });

  it('does nothing when focus arrived without the Tab’s release reaching it (a later, scripted move)', async () => {
    seal();
    page.dispatchEvent(key('keydown', 'Tab'));
    focusIn(host, page);
    await enter();
    expect(refused).toHaveBeenCalledWith('focus');
  });

  it('presses it after our own code moved focus there following the admin’s action', async () => {
    seal();
    // The browser's focus event, as a real focus() dispatches it.
    hide.focus = () => focusIn(hide, null);
    focusProvenanceOf(panel).focusOurs(hide);
    tabOnto(hide);
    await enter();
    expect(pressed).toHaveBeenCalledOnce();
  });
});
