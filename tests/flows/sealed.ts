import assert from 'node:assert/strict';
import { until } from './until';
import { focusedTestId, overlayView, pageFields, type FlowDriver } from './apply';

/**
 * Issue 23's attacks on the overlay's buttons, written once for both browser suites (Chromium:
 * tests/e2e/sealed-buttons.spec.ts; Firefox: tests/firefox/sealed-buttons.test.ts), on the Web Services
 * user form's "Fill recommended values": a page script steering the admin's keys onto the button (focus
 * theft), a <style> put into the overlay's open shadow root that stretches the button transparent over the
 * page, an element drawn over the button that lets clicks through, and a script's own clicks. Each does
 * nothing — the form is not filled — and the admin's own click on the button still fills it.
 *
 * Functions marked "in the page" run in the page's own world, as a hostile script would.
 */

export interface AttackDriver extends FlowDriver {
  /** The admin's click at a point of the frame's viewport (trusted input). */
  clickAt(x: number, y: number): Promise<void>;
  /** The admin comes back to the tab of the page (after the report tab an export opened took the front). */
  toFront(): Promise<void>;
}

// ---- in the page -------------------------------------------------------------------------------------

/** In the page: where an element of the overlay or of the page lies, in the frame's viewport. */
export function rectOf(target: { testId?: string; selector?: string }): { x: number; y: number; width: number; height: number } {
  const el = target.testId
    ? document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector(`[data-testid="${target.testId}"]`)
    : document.querySelector(target.selector ?? '');
  const r = el?.getBoundingClientRect();
  return { x: r?.x ?? 0, y: r?.y ?? 0, width: r?.width ?? 0, height: r?.height ?? 0 };
}

/** In the page: why the overlay last refused a press ('' when it did not). */
export function refusal(): string {
  const note = document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector('[data-testid="ish-refused"]');
  return note ? (note.getAttribute('data-reason') ?? 'refused') : '';
}

/**
 * In the page: a search box of the page's own, at its top left, whose key handler moves focus: to the Fill
 * button itself (the first round's attack), and, since that can no longer be reached, onto the panel's
 * Hide button just before it, so the admin's next Tab lands on Fill.
 */
export function installFocusTheft(): { reachedButton: boolean } {
  const box = document.createElement('input');
  box.id = 'ish-attack-search';
  box.setAttribute('aria-label', 'Search');
  box.style.cssText = 'position:fixed;left:8px;top:8px;width:160px;z-index:10';
  document.body.prepend(box);
  const fill = document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="ish-fill"]');
  box.addEventListener('keydown', (event) => {
    fill?.focus();
    if (event.key === 'Enter') return;
    document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector<HTMLElement>('.ish-toggle')?.focus();
  });
  return { reachedButton: !!fill?.shadowRoot };
}

/** In the page: CSS put into the overlay's open shadow root, as a page script can. */
export function injectOverlayStyle(css: string): void {
  const root = document.querySelector('ish-overlay-host')?.shadowRoot;
  const style = document.createElement('style');
  style.id = 'ish-attack-style';
  style.textContent = css;
  root?.append(style);
}

export function removeAttack(): void {
  document.querySelector('ish-overlay-host')?.shadowRoot?.getElementById('ish-attack-style')?.remove();
  document.getElementById('ish-attack-cover')?.remove();
}

/** In the page: an opaque "Search" box drawn exactly over the Fill button, letting clicks through to it. */
export function coverFill(): void {
  const fill = document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector('[data-testid="ish-fill"]');
  const r = fill?.getBoundingClientRect();
  if (!r) return;
  const cover = document.createElement('div');
  cover.id = 'ish-attack-cover';
  cover.textContent = 'Search';
  cover.style.cssText = `position:fixed;left:${r.left - 4}px;top:${r.top - 4}px;width:${r.width + 8}px;height:${r.height + 8}px;background:#fff;color:#000;z-index:2147483647;pointer-events:none`;
  document.body.append(cover);
}

/**
 * In the page: resolves once the browser's own visibility tracking (IntersectionObserver v2, where it
 * exists) sees the Fill button's host as `visible`, and the overlay's own kept observer has been computed
 * since: Chromium computes such an observer at most every 100 ms (its `delay`), so after this
 * observation, 100 ms and two more rendering updates, it has seen the same page. True at once where the
 * browser has no such tracking.
 */
export function visibilitySettled(visible: boolean): Promise<boolean> {
  const host = document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector('[data-testid="ish-fill"]');
  if (!host || typeof IntersectionObserverEntry === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        if (entry.isVisible === visible) {
          observer.disconnect();
          setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))), 100);
        }
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(host);
  });
}

/**
 * In the page: every way a script has to press the Fill button — `.click()`, dispatched pointer, mouse and
 * key events, `focus()` then a key — and whether it could reach the button inside (it cannot: closed root).
 */
export function scriptPressesFill(): { found: boolean; reachedButton: boolean; focused: boolean } {
  const host = document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="ish-fill"]');
  if (!host) return { found: false, reachedButton: false, focused: false };
  host.click();
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    host.dispatchEvent(new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, { bubbles: true, composed: true, cancelable: true, detail: 1, clientX: 5, clientY: 5 }));
  }
  host.focus();
  const focused = document.activeElement?.shadowRoot?.activeElement === host;
  for (const key of ['Enter', ' ']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  return { found: true, reachedButton: !!host.shadowRoot, focused };
}

// ---- the flows -----------------------------------------------------------------------------------------

/** Long enough for a press's effect (a fill, a React render) to have shown. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 600));
}

async function fillReady(driver: AttackDriver): Promise<Record<string, string>> {
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-fill'), 'the Fill button');
  assert.equal(await driver.evaluate(visibilitySettled, true), true);
  return driver.evaluate(pageFields, undefined);
}

async function assertNotFilled(driver: AttackDriver, before: Record<string, string>, what: string): Promise<void> {
  await settle();
  const now = await driver.evaluate(pageFields, undefined);
  delete now['ish-attack-search'];
  assert.deepEqual(now, before, `${what} filled the form`);
  assert.equal((await driver.evaluate(overlayView, undefined)).shown.includes('ish-fill-result'), false, `${what}: the overlay says it filled`);
}

/** The admin's own click on Fill, after an attack: it fills. */
async function adminFills(driver: AttackDriver, before: Record<string, string>): Promise<void> {
  await driver.evaluate(removeAttack, undefined);
  assert.equal(await driver.evaluate(visibilitySettled, true), true);
  await driver.click('ish-fill');
  await until(() => driver.evaluate(pageFields, undefined), (now) => now['_obj__USERTYPE'] !== before['_obj__USERTYPE'], 'the admin’s Fill');
  assert.equal(await driver.evaluate(refusal, undefined), '', 'the admin’s own click was refused');
}

/**
 * Focus theft: the admin types in the page's search box and presses Enter; the page's key handler tries to
 * focus the Fill button (nothing to focus: the host is not focusable), then moves focus to the panel's Hide
 * button, so the admin's Tab lands on Fill and the next Enter would press it. Neither Enter fills.
 */
export async function focusTheftDoesNothing(driver: AttackDriver): Promise<void> {
  const before = await fillReady(driver);
  assert.deepEqual(await driver.evaluate(installFocusTheft, undefined), { reachedButton: false });
  const box = await driver.evaluate(rectOf, { selector: '#ish-attack-search' });
  await driver.clickAt(box.x + 10, box.y + box.height / 2);
  await driver.key('Enter');
  assert.notEqual(await driver.evaluate(focusedTestId, undefined), 'ish-fill', 'the page moved focus onto Fill');
  await assertNotFilled(driver, before, 'Enter after the page called focus() on Fill');

  // Typing moves focus onto the panel; the admin's Tab then reaches Fill, and Enter presses it.
  await driver.clickAt(box.x + 10, box.y + box.height / 2);
  await driver.key('x');
  // Firefox also stops on the panel's scrolling body on the way.
  for (let i = 0; i < 4 && (await driver.evaluate(focusedTestId, undefined)) !== 'ish-fill'; i++) await driver.key('Tab');
  assert.equal(await driver.evaluate(focusedTestId, undefined), 'ish-fill', 'Tab did not reach Fill (the attack is not what it should be)');
  await driver.key('Enter');
  await assertNotFilled(driver, before, 'Enter on Fill after the page moved focus into the panel');
  assert.equal(await driver.evaluate(refusal, undefined), 'focus');
  await driver.screenshot('sealed-focus-theft');
  await adminFills(driver, before);
}

/**
 * A <style> in the overlay's open shadow root makes the Fill button transparent and scales it over the
 * whole page; the admin clicks the page's own field, which the button now lies over.
 */
export async function injectedStyleDoesNothing(driver: AttackDriver): Promise<void> {
  const before = await fillReady(driver);
  const field = await driver.evaluate(rectOf, { selector: '#_obj__LASTNAME' });
  await driver.evaluate(
    injectOverlayStyle,
    '[data-testid="ish-fill"] { position: fixed !important; left: 0 !important; top: 0 !important; transform-origin: 0 0 !important; transform: scale(60) !important; opacity: 0.02 !important; z-index: 2147483647 !important; }',
  );
  await driver.clickAt(field.x + 5, field.y + field.height / 2);
  await assertNotFilled(driver, before, 'a click on the page under a stretched, transparent Fill');
  assert.equal(await driver.evaluate(refusal, undefined), 'style', 'the click did not reach the stretched button');
  await driver.evaluate(removeAttack, undefined);

  // Stretched without a transform: the host is made to fill the page; the button keeps its own size.
  await driver.evaluate(injectOverlayStyle, '.ish-panel { opacity: 0.05 !important; }');
  const fill = await driver.evaluate(rectOf, { testId: 'ish-fill' });
  await driver.clickAt(fill.x + fill.width / 2, fill.y + fill.height / 2);
  await assertNotFilled(driver, before, 'a click on a faded Fill');
  assert.equal(await driver.evaluate(refusal, undefined), 'style');
  await driver.screenshot('sealed-injected-style');
  await adminFills(driver, before);
}

/** An opaque box drawn over the Fill button lets the admin's click on it through to the button. */
export async function coverDoesNothing(driver: AttackDriver): Promise<void> {
  const before = await fillReady(driver);
  await driver.evaluate(coverFill, undefined);
  assert.equal(await driver.evaluate(visibilitySettled, false), true);
  const cover = await driver.evaluate(rectOf, { selector: '#ish-attack-cover' });
  await driver.clickAt(cover.x + cover.width / 2, cover.y + cover.height / 2);
  await assertNotFilled(driver, before, 'a click on a box drawn over Fill');
  assert.equal(await driver.evaluate(refusal, undefined), 'covered', 'the click did not reach the covered button');
  await driver.screenshot('sealed-covered');
  await adminFills(driver, before);
}

/** A script's clicks, events and focus() on the Fill button's host: nothing reaches the button. */
export async function scriptClicksDoNothing(driver: AttackDriver): Promise<void> {
  const before = await fillReady(driver);
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(await driver.evaluate(scriptPressesFill, undefined), { found: true, reachedButton: false, focused: false });
  }
  await assertNotFilled(driver, before, 'a script’s clicks');
  assert.equal(await driver.evaluate(refusal, undefined), '', 'a script’s click reached the button');
  await adminFills(driver, before);
}

/** In the page: a script's presses on one of the overlay's buttons, by every means it has. */
export function scriptPresses(testId: string): boolean {
  const host = document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!host) return false;
  host.click();
  host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
  host.focus();
  host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  return true;
}

/** In the page: the Web Services user form loses its Email address field, so its check is "Not found". */
export function dropEmailField(): void {
  document.querySelector('#_obj__EMAIL')?.closest('tr')?.remove();
}

/** In the page: counts the page's own clicks on a field from now on. */
export function countFieldClicks(selector: string): void {
  const w = window as unknown as { fieldClicks: number };
  w.fieldClicks = 0;
  document.querySelector(selector)?.addEventListener('click', () => w.fieldClicks++);
}

export function fieldClicks(): number {
  return (window as unknown as { fieldClicks?: number }).fieldClicks ?? -1;
}

/**
 * Point at it (the Web Services user form without its Email field): a script's presses start nothing, so
 * the admin's next ordinary click on the page stays the page's and teaches nothing; the admin's own press
 * starts pointing.
 */
export async function scriptCannotPointAt(driver: AttackDriver): Promise<void> {
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-fill'), 'the overlay');
  await driver.evaluate(dropEmailField, undefined);
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-point-at'), 'Point at it');
  assert.equal(await driver.evaluate(scriptPresses, 'ish-point-at'), true);
  await settle();
  assert.equal((await driver.evaluate(overlayView, undefined)).shown.includes('ish-picking'), false, 'a script started pointing');
  await driver.evaluate(countFieldClicks, '#_obj__LASTNAME');
  const field = await driver.evaluate(rectOf, { selector: '#_obj__LASTNAME' });
  await driver.clickAt(field.x + 5, field.y + field.height / 2);
  await settle();
  assert.equal(await driver.evaluate(fieldClicks, undefined), 1, 'the admin’s click on the page did not reach the page');
  await driver.click('ish-point-at');
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-picking'), 'pointing, on the admin’s press');
}

/**
 * Compare with last audit (the Permissions window): after the admin's export and a change on the page, a
 * script's presses on Compare do nothing; the admin's press sends the comparison to the popup.
 */
export async function scriptCannotCompare(driver: AttackDriver, tickOne: () => Promise<void>): Promise<void> {
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-export'), 'the Export button');
  await driver.click('ish-export');
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-drift') && v.shown.includes('ish-export-result'), 'the audit kept');
  // The export opened its report in a tab in front; the admin comes back to Intacct's.
  await driver.toFront();
  await tickOne();
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-compare'), 'Compare with last audit');
  assert.equal(await driver.evaluate(scriptPresses, 'ish-compare'), true);
  await settle();
  assert.equal((await driver.evaluate(overlayView, undefined)).shown.includes('ish-compare-result'), false, 'a script pressed Compare');
  await driver.click('ish-compare');
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-compare-result'), 'the admin’s Compare');
  assert.equal((await driver.evaluate(overlayView, undefined)).shown.includes('ish-change'), false, 'the earlier rights were shown on the page');
}
