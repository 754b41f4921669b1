import { readdirSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { afterEach, beforeEach, it } from 'vitest';
import { applyRightsFlow, applyWhilePageSaves, scriptCannotExport, scriptCannotFill, type FlowDriver } from '../flows/apply';
import { inOverlay, intacctTab, launchFirefox, openIntacctPage, screenshotFile, waitFor, type FirefoxSession } from './launch';

let session: FirefoxSession;
beforeEach(async () => {
  session = await launchFirefox();
});
afterEach(async () => session?.close());

/** The shared flows' driver for a frame of a puppeteer page: clicks and keys are real (trusted) input. */
function driverFor(page: Page, frame: Frame): FlowDriver {
  const selector = (testId: string): string => inOverlay(`[data-testid="${testId}"]`);
  return {
    // The flows' page functions take plain JSON arguments, which puppeteer passes as they are.
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => frame.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
    click: async (testId) => {
      const button = await waitFor(frame, selector(testId));
      await button.click();
      await button.dispose();
    },
    key: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    screenshot: async (name) => void (await page.screenshot({ path: screenshotFile(`${name}.png`) })),
  };
}

for (const name of ['role-subscriptions', 'role-permissions'] as const) {
  it(`in Firefox, Apply Expensify’s rights on the ${name} page: preview, confirm, every check OK, exactly the previewed controls, no Save; Undo; a page script’s presses do nothing`, async () => {
    const page = await intacctTab(session);
    const frame = await openIntacctPage(page, name);
    await applyRightsFlow(driverFor(page, frame), name);
  });
}

it('in Firefox, a page script’s press on Fill fills nothing', async () => {
  const page = await intacctTab(session);
  const frame = await openIntacctPage(page, 'ws-user-form');
  await scriptCannotFill(driverFor(page, frame));
});

it('in Firefox, a page script’s presses on Export audit save no file and open no tab', async () => {
  const page = await intacctTab(session);
  const frame = await openIntacctPage(page, 'role-permissions');
  await scriptCannotExport(driverFor(page, frame), async () => ({
    downloads: readdirSync(session.downloadsDir).filter((n) => !n.endsWith('.part')).length,
    tabs: (await session.browser.pages()).length,
  }));
});

it('in Firefox, Apply notices the page’s own script pressing Save while it runs: says so, and offers no Undo', async () => {
  const page = await intacctTab(session);
  const frame = await openIntacctPage(page, 'role-subscriptions');
  await applyWhilePageSaves(driverFor(page, frame));
});
