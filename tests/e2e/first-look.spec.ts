import { expect, test } from './harness';
import { shellUrl } from '../fixtures/intacct/router';
import { ORDINARY_PAGES } from '../fixtures/intacct/ordinary/catalog';

/*
 * In the browser, with their scripts drawn: the pages an admin opens all day never get the recognizer
 * (issue #21). The background's injections are counted in its own worker: the first look must not have
 * asked for one in any frame, while a setup page's frame gets one.
 */
async function countInjections(context: import('@playwright/test').BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => {
    const g = globalThis as unknown as { chrome: { scripting: { executeScript: (...a: unknown[]) => Promise<unknown> } }; __injected?: string[] };
    g.__injected = [];
    const original = g.chrome.scripting.executeScript.bind(g.chrome.scripting);
    g.chrome.scripting.executeScript = (details: unknown, ...rest: unknown[]) => {
      const files = (details as { files?: string[] }).files ?? [];
      g.__injected?.push(...files);
      return original(details, ...rest);
    };
  });
}

async function injected(context: import('@playwright/test').BrowserContext): Promise<string[]> {
  const worker = context.serviceWorkers()[0];
  return worker ? worker.evaluate(() => (globalThis as unknown as { __injected?: string[] }).__injected ?? []) : [];
}

test('ordinary pages end at the first look: no frame asks for the recognizer', async ({ page, context }) => {
  await countInjections(context);
  for (const ordinary of ORDINARY_PAGES) {
    await page.goto(shellUrl(ordinary.name));
    const file = ordinary.path.split('?')[0] ?? '';
    await expect.poll(() => page.frames().some((f) => f.url().includes(file)), ordinary.name).toBe(true);
    const frame = page.frames().find((f) => f.url().includes(file));
    await frame?.waitForFunction(() => document.documentElement.getAttribute('data-page-ready') === '1');
    // Past a look after the page's own drawing (the first look re-looks at most every 250 ms).
    await page.waitForTimeout(600);
    expect(await injected(context), ordinary.name).toEqual([]);
  }
  // The counting works: a setup page's frame gets the recognizer, then the overlay.
  await page.goto(shellUrl('ws-user-form'));
  await expect.poll(() => injected(context)).toContain('/recognizer.js');
});
