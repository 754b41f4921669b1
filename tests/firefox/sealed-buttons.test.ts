import type { Frame, Page } from 'puppeteer-core';
import { afterEach, beforeEach, it } from 'vitest';
import { coverDoesNothing, focusTheftDoesNothing, injectedStyleDoesNothing, scriptCannotCompare, scriptCannotPointAt, scriptClicksDoNothing, type AttackDriver } from '../flows/sealed';
import { inOverlay, intacctTab, launchFirefox, openIntacctPage, screenshotFile, waitFor, type FirefoxSession } from './launch';

// Issue 23 in Firefox: the same attacks as tests/e2e/sealed-buttons.spec.ts. Firefox has no
// IntersectionObserver v2, so the covering box is caught by the overlay's own check of what is drawn
// above the button.

let session: FirefoxSession;
beforeEach(async () => {
  session = await launchFirefox();
});
afterEach(async () => session?.close());

/** The flows' driver for a frame of a puppeteer page: clicks and keys are real (trusted) input. */
async function driverFor(page: Page, frame: Frame): Promise<AttackDriver> {
  const element = frame === page.mainFrame() ? null : await frame.frameElement();
  const offset = (await element?.boundingBox()) ?? { x: 0, y: 0 };
  await element?.dispose();
  return {
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => frame.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
    click: async (testId) => {
      const host = await waitFor(frame, inOverlay(`[data-testid="${testId}"]`));
      await host.click();
      await host.dispose();
    },
    clickAt: (x, y) => page.mouse.click(offset.x + x, offset.y + y),
    key: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    toFront: () => page.bringToFront(),
    screenshot: async (name) => void (await page.screenshot({ path: screenshotFile(`${name}.png`) })),
  };
}

it('in Firefox, focus theft: the page’s key handler cannot put the admin’s Enter on Fill; the admin’s click fills', async () => {
  const page = await intacctTab(session);
  await focusTheftDoesNothing(await driverFor(page, await openIntacctPage(page, 'ws-user-form')));
});

it('in Firefox, a style put into the overlay’s shadow root that stretches Fill transparent over the page: a click on the page fills nothing', async () => {
  const page = await intacctTab(session);
  await injectedStyleDoesNothing(await driverFor(page, await openIntacctPage(page, 'ws-user-form')));
});

it('in Firefox, a box drawn over Fill that lets clicks through: the admin’s click on it fills nothing', async () => {
  const page = await intacctTab(session);
  await coverDoesNothing(await driverFor(page, await openIntacctPage(page, 'ws-user-form')));
});

it('in Firefox, a script’s clicks, events and focus() on Fill reach nothing', async () => {
  const page = await intacctTab(session);
  await scriptClicksDoNothing(await driverFor(page, await openIntacctPage(page, 'ws-user-form')));
});

it('in Firefox, a script cannot start “Point at it”: the admin’s next click stays the page’s and teaches nothing', async () => {
  const page = await intacctTab(session);
  await scriptCannotPointAt(await driverFor(page, await openIntacctPage(page, 'ws-user-form')));
});

it('in Firefox, a script cannot press “Compare with last audit”; the admin’s press sends it to the popup, not the page', async () => {
  const page = await intacctTab(session);
  // The Intacct tab names the company first (the frameset's .cc), as when the admin opens the window from it.
  await (await waitFor(await openIntacctPage(page, 'role-subscriptions'), inOverlay('[data-testid="ish-overlay"]'))).dispose();
  const frame = await openIntacctPage(page, 'role-permissions');
  await scriptCannotCompare(await driverFor(page, frame), async () => {
    await frame.click('input[aria-label="Accounts Delete"]');
  });
});
