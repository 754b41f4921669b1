import type { Frame, Page } from '@playwright/test';
import { coverDoesNothing, focusTheftDoesNothing, injectedStyleDoesNothing, scriptCannotCompare, scriptCannotPointAt, scriptClicksDoNothing, type AttackDriver } from '../flows/sealed';
import { openIntacctPage, openPermissionsWindow, test } from './harness';

// Issue 23 in Chromium: the page cannot press the overlay's buttons — not by stealing the admin's keys,
// not with CSS put into the overlay's open shadow root, not from under a box drawn over them, not with its
// own clicks — and the admin's own click still works. The same flows run in Firefox (tests/firefox).

const SCREENS = 'test-results/screens';

/** The flows' driver for a frame of a Playwright page: clicks and keys are real (trusted) input. */
async function driverFor(page: Page, frame: Frame): Promise<AttackDriver> {
  const element = frame === page.mainFrame() ? null : await frame.frameElement();
  const offset = (await element?.boundingBox()) ?? { x: 0, y: 0 };
  return {
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => frame.evaluate(fn as (arg: unknown) => R, arg) as Promise<Awaited<R>> as Promise<R>,
    click: (testId) => frame.getByTestId(testId).click(),
    clickAt: (x, y) => page.mouse.click(offset.x + x, offset.y + y),
    key: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    toFront: () => page.bringToFront(),
    screenshot: async (name) => void (await page.screenshot({ path: `${SCREENS}/${name}.png` })),
  };
}

test('focus theft: the page’s key handler cannot put the admin’s Enter on Fill; the admin’s click fills', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await focusTheftDoesNothing(await driverFor(page, frame));
});

test('a style put into the overlay’s shadow root that stretches Fill transparent over the page: a click on the page fills nothing', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await injectedStyleDoesNothing(await driverFor(page, frame));
});

test('a box drawn over Fill that lets clicks through: the admin’s click on it fills nothing', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await coverDoesNothing(await driverFor(page, frame));
});

test('a script’s clicks, events and focus() on Fill reach nothing', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await scriptClicksDoNothing(await driverFor(page, frame));
});

test('a script cannot start “Point at it”: the admin’s next click stays the page’s and teaches nothing', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await scriptCannotPointAt(await driverFor(page, frame));
});

test('a script cannot press “Compare with last audit”; the admin’s press sends it to the popup, not the page', async ({ context, page }) => {
  const win = await openPermissionsWindow(context, page);
  await scriptCannotCompare(await driverFor(win, win.mainFrame()), () => win.getByRole('checkbox', { name: 'Accounts Delete', exact: true }).check());
});
