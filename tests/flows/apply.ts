import assert from 'node:assert/strict';
import { until } from './until';

/**
 * Issue 14's end-to-end flows, written once for both browser suites: the Chromium suite (Playwright,
 * tests/e2e/apply.spec.ts) and the Firefox suite (puppeteer-core, tests/firefox/apply.test.ts) each give
 * a small driver for the frame that holds the demo page, and these flows do the rest. Checks use
 * node:assert, so neither suite's `expect` is needed here.
 *
 * The functions marked "in the page" run in the Intacct page's own world, as a page script would: they
 * are serialized by the driver and must not use anything from this module.
 */

export interface FlowDriver {
  /** Runs `fn(arg)` in the frame of the Intacct page, in the page's own world. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** The admin's own click (trusted input) on the overlay's element with this test id. */
  click(testId: string): Promise<void>;
  /** The admin presses a key wherever focus is (trusted input). */
  key(key: 'Tab' | 'Enter' | ' ' | 'x'): Promise<void>;
  /** Saves a screenshot of the tab under this name, for a person to look at. */
  screenshot(name: string): Promise<void>;
}

// ---- in the page -------------------------------------------------------------------------------------

/**
 * In the page: every checkbox and radio of the demo page with what an admin calls it, as the preview names
 * it ("General Ledger › Accounts › Delete", "General Ledger › Reports › All", "Cash Management"), and
 * whether it is ticked.
 */
export function pageControls(): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const appLine = Array.from(document.querySelectorAll('div')).find((d) => /^\s*Application:/.test(d.textContent ?? ''));
  const app = (appLine?.textContent ?? '').replace(/^\s*Application:\s*/, '').trim();
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]'))) {
    let subject = input.getAttribute('aria-label') ?? '';
    if (input.type === 'radio') {
      const legend = input.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '';
      const label = input.id ? (document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? '') : '';
      subject = `${app} › ${legend} › ${label}`;
    } else if (app) {
      const words = subject.split(' ');
      const right = words.pop() ?? '';
      subject = `${app} › ${words.join(' ')} › ${right}`;
    }
    out[subject] = input.checked;
  }
  return out;
}

/** In the page: every text field's and select's value, by id. */
export function pageFields(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([type=checkbox]):not([type=radio]), select'))) {
    out[el.id || el.name] = el.value;
  }
  return out;
}

export interface OverlayView {
  /** Each check as "status subject". */
  findings: string[];
  /** The test ids the overlay shows now. */
  shown: string[];
  /** The preview's changes as "subject=to". */
  previewed: string[];
  result: string;
}

/** In the page: what the overlay shows, read through its open shadow root as any page script can. */
export function overlayView(): OverlayView {
  const root = document.querySelector('ish-overlay-host')?.shadowRoot;
  const all = (sel: string): Element[] => (root ? Array.from(root.querySelectorAll(sel)) : []);
  return {
    findings: all('[data-testid="ish-finding"]').map((f) => `${f.getAttribute('data-status')} ${f.getAttribute('data-subject')}`),
    shown: [...new Set(all('[data-testid]').map((e) => e.getAttribute('data-testid') ?? ''))],
    previewed: all('[data-testid="ish-apply-change"]').map((c) => `${c.getAttribute('data-subject')}=${c.getAttribute('data-to')}`),
    result: all('[data-testid="ish-apply-result"]')[0]?.textContent ?? '',
  };
}

/** In the page: the test id of the overlay element that holds focus (through the open root), or ''. */
export function focusedTestId(): string {
  const host = document.activeElement;
  const inner = host?.shadowRoot?.activeElement ?? null;
  return inner?.getAttribute('data-testid') ?? '';
}

/**
 * In the page: a hostile script presses an overlay button through the open shadow root — `.click()`, then
 * a click event it tries to pass off as trusted. Says what it could reach and whether the forgery took.
 */
export function scriptPresses(testId: string): { found: boolean; forged: boolean } {
  const button = document.querySelector('ish-overlay-host')?.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!button) return { found: false, forged: false };
  button.click();
  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  let forged = false;
  try {
    const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    // isTrusted is an unforgeable own property of every event: redefining it throws.
    Object.defineProperty(event, 'isTrusted', { value: true });
    forged = event.isTrusted;
    button.dispatchEvent(event);
  } catch {
    forged = false;
  }
  return { found: true, forged };
}

/** In the page: counts every submit and every click on a Save button from now on. */
export function watchSaves(): void {
  const w = window as unknown as { ishSaves: number };
  w.ishSaves = 0;
  document.addEventListener('submit', () => w.ishSaves++, true);
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button, input[type=button], input[type=submit]');
      const text = button ? (button.textContent || (button as HTMLInputElement).value || '') : '';
      if (/save/i.test(text)) w.ishSaves++;
    },
    true,
  );
}

export function saves(): number {
  return (window as unknown as { ishSaves?: number }).ishSaves ?? -1;
}

// ---- the flows -----------------------------------------------------------------------------------------

/** Long enough for a click's effect (a React render, a debounced re-audit) to have shown. */
const SETTLE_MS = 600;

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

function changed(before: Record<string, boolean>, after: Record<string, boolean>): string[] {
  return Object.keys(after)
    .filter((k) => after[k] !== before[k])
    .map((k) => `${k}=${String(after[k])}`)
    .sort();
}

const notOk = (view: OverlayView): string[] => view.findings.filter((f) => !f.startsWith('ok '));

/**
 * Expensify on the demo role's Subscriptions page or Permissions window (already open, with the overlay):
 * a page script's presses do nothing; the admin's Apply previews, changes nothing until confirmed, then
 * changes exactly the previewed controls, every check turns OK and Save is never clicked; Undo puts every
 * control back. The admin's keyboard works as well as the mouse (Tab to Confirm, then Enter).
 */
export async function applyRightsFlow(driver: FlowDriver, page: 'role-subscriptions' | 'role-permissions'): Promise<void> {
  const view = (): Promise<OverlayView> => driver.evaluate(overlayView, undefined);
  const controls = (): Promise<Record<string, boolean>> => driver.evaluate(pageControls, undefined);
  const first = await until(view, (v) => v.shown.includes('ish-apply-rights') && notOk(v).length > 0, 'the Apply button and the open checks');
  const open = notOk(first).sort();
  await driver.evaluate(watchSaves, undefined);
  const before = await controls();

  // A page script can reach the button through the open shadow root, but its click is not the admin's.
  const pressed = await driver.evaluate(scriptPresses, 'ish-apply-rights');
  assert.deepEqual(pressed, { found: true, forged: false });
  await settle();
  assert.equal((await view()).shown.includes('ish-apply-preview'), false, 'a page script opened the preview');

  await driver.click('ish-apply-rights');
  const preview = await until(view, (v) => v.shown.includes('ish-apply-confirm'), 'the preview');
  assert.ok(preview.previewed.length > 0, 'the preview lists no change');
  await driver.screenshot(`apply-preview-${page}`);
  assert.deepEqual(changed(before, await controls()), [], 'the preview changed the page');

  assert.deepEqual(await driver.evaluate(scriptPresses, 'ish-apply-confirm'), { found: true, forged: false });
  await settle();
  assert.deepEqual(changed(before, await controls()), [], 'a page script confirmed the apply');

  // The admin's keyboard: from the preview's heading (where focus went after the press on Apply), Tab on to
  // Confirm and press Enter.
  for (let i = 0; i < 20 && (await driver.evaluate(focusedTestId, undefined)) !== 'ish-apply-confirm'; i++) await driver.key('Tab');
  assert.equal(await driver.evaluate(focusedTestId, undefined), 'ish-apply-confirm', 'Tab did not reach Confirm');
  await driver.key('Enter');
  const applied = await until(view, (v) => v.result.startsWith('Applied') && notOk(v).length === 0, 'every check OK after Apply');
  assert.match(applied.result, /Review them on the page, then click Save yourself\./);
  assert.deepEqual(changed(before, await controls()), [...preview.previewed].sort(), 'the page changed other than previewed');
  assert.equal(await driver.evaluate(saves, undefined), 0, 'Save was clicked or the form submitted');
  await driver.screenshot(`apply-applied-${page}`);

  const afterApply = await controls();
  assert.deepEqual(await driver.evaluate(scriptPresses, 'ish-apply-undo'), { found: true, forged: false });
  await settle();
  assert.deepEqual(changed(afterApply, await controls()), [], 'a page script pressed Undo');

  await driver.click('ish-apply-undo');
  const undone = await until(view, (v) => v.result.startsWith('Put ') && notOk(v).length === open.length, 'the page as it was after Undo');
  assert.deepEqual(changed(before, await controls()), [], 'Undo left controls changed');
  assert.deepEqual(notOk(undone).sort(), open);
  assert.equal(await driver.evaluate(saves, undefined), 0, 'Save was clicked or the form submitted');
}

/** The Web Services user form (open, with the overlay): a page script's press on Fill fills nothing. */
export async function scriptCannotFill(driver: FlowDriver): Promise<void> {
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-fill'), 'the Fill button');
  const before = await driver.evaluate(pageFields, undefined);
  for (let i = 0; i < 3; i++) assert.deepEqual(await driver.evaluate(scriptPresses, 'ish-fill'), { found: true, forged: false });
  await settle();
  assert.deepEqual(await driver.evaluate(pageFields, undefined), before, 'a page script filled the form');
  assert.equal((await driver.evaluate(overlayView, undefined)).shown.includes('ish-fill-result'), false);
  // The admin's own click does fill: the check above could see a fill.
  await driver.click('ish-fill');
  await until(() => driver.evaluate(pageFields, undefined), (now) => JSON.stringify(now) !== JSON.stringify(before), 'the admin’s Fill');
}

/**
 * The Permissions window (open, with the overlay): five page-script presses on Export audit save no file
 * and open no tab. `saved` counts the finished downloads and open tabs the browser suite can see.
 */
export async function scriptCannotExport(driver: FlowDriver, saved: () => Promise<{ downloads: number; tabs: number }>): Promise<void> {
  await until(() => driver.evaluate(overlayView, undefined), (v) => v.shown.includes('ish-export'), 'the Export button');
  const before = await saved();
  for (let i = 0; i < 5; i++) assert.deepEqual(await driver.evaluate(scriptPresses, 'ish-export'), { found: true, forged: false });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  assert.deepEqual(await saved(), before, 'a page script exported the audit');
  // The admin's own click does export: the check above could see an export.
  await driver.click('ish-export');
  await until(saved, (now) => now.downloads > before.downloads && now.tabs > before.tabs, 'the admin’s export (files and the report tab)');
}

/** In the page: the page's own click handler presses its Save button the first time a box is clicked. */
export function saveOnFirstBoxClick(): void {
  let done = false;
  for (const box of Array.from(document.querySelectorAll('input[type=checkbox]'))) {
    box.addEventListener('click', () => {
      if (done) return;
      done = true;
      Array.from(document.querySelectorAll<HTMLButtonElement>('button')).find((b) => /^\s*save\b/i.test(b.textContent ?? ''))?.click();
    });
  }
}

/**
 * The role's Subscriptions page whose own script presses Save in answer to Apply's first click (issue 23):
 * the result says the page saved while Apply ran, never "click Save yourself", and offers no Undo.
 */
export async function applyWhilePageSaves(driver: FlowDriver): Promise<void> {
  const view = (): Promise<OverlayView> => driver.evaluate(overlayView, undefined);
  await until(view, (v) => v.shown.includes('ish-apply-rights'), 'the Apply button');
  await driver.evaluate(saveOnFirstBoxClick, undefined);
  await driver.evaluate(watchSaves, undefined);
  await driver.click('ish-apply-rights');
  await until(view, (v) => v.shown.includes('ish-apply-confirm'), 'the preview');
  await driver.click('ish-apply-confirm');
  const done = await until(view, (v) => v.shown.includes('ish-apply-result'), 'the result');
  assert.ok((await driver.evaluate(saves, undefined)) > 0, 'the page’s script did not press Save (the test is not what it should be)');
  assert.match(done.result, /the page’s own script pressed Save while Apply was still setting the page/);
  assert.doesNotMatch(done.result, /click Save yourself/);
  assert.equal(done.shown.includes('ish-apply-undo'), false, 'Undo is offered on a saved record');
  await driver.screenshot('apply-page-saved');
}
