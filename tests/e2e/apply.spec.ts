import type { BrowserContext, Frame, Page } from '@playwright/test';
import { applyRightsFlow, applyWhilePageSaves, scriptCannotExport, scriptCannotFill, type FlowDriver } from '../flows/apply';
import { completedDownloadTexts, openIntacctPage, test } from './harness';

const SCREENS = 'test-results/screens';

/** The shared flows' driver for a frame of a Playwright page: clicks and keys are real (trusted) input. */
function driverFor(page: Page, frame: Frame): FlowDriver {
  return {
    // The flows' page functions take plain JSON arguments, which Playwright passes as they are.
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => frame.evaluate(fn as (arg: unknown) => R, arg),
    click: (testId) => frame.getByTestId(testId).click(),
    key: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    screenshot: async (name) => void (await page.screenshot({ path: `${SCREENS}/${name}.png` })),
  };
}

async function saved(context: BrowserContext): Promise<{ downloads: number; tabs: number }> {
  return { downloads: (await completedDownloadTexts(context)).length, tabs: context.pages().length };
}

for (const name of ['role-subscriptions', 'role-permissions'] as const) {
  test(`Apply Expensify’s rights on the ${name} page: preview, confirm, every check OK, exactly the previewed controls, no Save; Undo; a page script’s presses do nothing`, async ({ page }) => {
    const frame = await openIntacctPage(page, name);
    await applyRightsFlow(driverFor(page, frame), name);
  });
}

test('a page script’s press on Fill fills nothing', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await scriptCannotFill(driverFor(page, frame));
});

test('a page script’s presses on Export audit save no file and open no tab', async ({ page, context }) => {
  const frame = await openIntacctPage(page, 'role-permissions');
  await scriptCannotExport(driverFor(page, frame), () => saved(context));
});

test('Apply notices the page’s own script pressing Save while it runs: says so, and offers no Undo', async ({ page }) => {
  const frame = await openIntacctPage(page, 'role-subscriptions');
  await applyWhilePageSaves(driverFor(page, frame));
});
