import type { BrowserContext, Frame, Page } from '@playwright/test';
import { completedDownloadTexts, expect, openIntacctPage, test } from './harness';
import {
  IMG_PAYLOAD,
  JS_URL_PAYLOAD,
  LONG_TEXT,
  LONG_TEXT_START,
  PWNED_GLOBAL,
  SVG_PAYLOAD,
} from '../fixtures/intacct/hostile/payloads';

// Hostile page text (issue #6): role, user, sender, application and object names and field values that look
// like markup, a javascript: URL, or run to 10,000 characters. The pages escape them (as Intacct does), so
// anything that runs was made to run by the extension.

const SCREENS = 'test-results/screens';
const PANEL_MAX_WIDTH = 360;

interface Watch {
  /** Every assignment to window.__ishPwned, in any frame of any page (main world). */
  pwned: string[];
  /** Requests the payload's <img src=x> would make if it were ever parsed as HTML. */
  imgRequests: string[];
  /** Uncaught errors that mention the payload (a half-run payload would throw one). */
  pageErrors: string[];
}

/** Listens for the payloads' effects: a setter on window.__ishPwned in every frame, and the image's request. */
async function watchForPayloads(context: BrowserContext, page: Page): Promise<Watch> {
  const watch: Watch = { pwned: [], imgRequests: [], pageErrors: [] };
  await context.addInitScript((name: string) => {
    let value: unknown;
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => value,
      set: (v: unknown) => {
        value = v;
        console.error(`ISH-PWNED in ${location.href}`);
      },
    });
  }, PWNED_GLOBAL);
  context.on('console', (message) => {
    if (message.text().startsWith('ISH-PWNED')) watch.pwned.push(message.text());
  });
  context.on('request', (request) => {
    if (/\/x(?:[?#]|$)/.test(request.url())) watch.imgRequests.push(request.url());
  });
  page.on('pageerror', (error) => {
    if (/ishPwned|onerror|onload/i.test(`${error.message} ${error.stack ?? ''}`)) watch.pageErrors.push(String(error));
  });
  return watch;
}

/** What the overlay's shadow root holds that page text must never become. */
async function activeContentInOverlay(frame: Frame): Promise<{ elements: string[]; handlers: string[]; urlAttributes: number } | null> {
  return frame.evaluate(() => {
    const root = document.querySelector('ish-overlay-host')?.shadowRoot;
    if (!root) return null;
    const all = Array.from(root.querySelectorAll('*'));
    return {
      elements: all.filter((el) => /^(img|svg|script|iframe|object|embed|image|video|audio|math)$/i.test(el.localName)).map((el) => el.localName),
      handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
      urlAttributes: root.querySelectorAll('a[href], [src], [srcdoc], [formaction], [action]').length,
    };
  });
}

/** The panel's box and whether anything inside it is wider than it (a horizontal scroll or an overflow). */
async function panelLayout(frame: Frame): Promise<{ width: number; right: number; viewport: number; overflow: string[] } | null> {
  return frame.evaluate(() => {
    const root = document.querySelector('ish-overlay-host')?.shadowRoot;
    const panel = root?.querySelector('.ish-panel');
    if (!root || !panel) return null;
    const box = panel.getBoundingClientRect();
    const overflow: string[] = [];
    for (const el of [panel, ...Array.from(panel.querySelectorAll('*'))]) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden' && el.clientWidth > 0) {
        overflow.push(`${el.localName}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
      }
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1) && !el.closest('.ish-brand')) {
        overflow.push(`${el.localName}.${el.className} sticks out (${Math.round(r.left)}–${Math.round(r.right)})`);
      }
    }
    return { width: box.width, right: box.right, viewport: innerWidth, overflow: overflow.slice(0, 10) };
  });
}

async function expectNothingRan(page: Page, watch: Watch): Promise<void> {
  // onerror and onload fire after a failed fetch or a parse: give them time to, had anything been parsed.
  await page.waitForTimeout(600);
  for (const frame of page.frames()) {
    expect(await frame.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED_GLOBAL), frame.url()).toBeUndefined();
  }
  expect(watch.pwned).toEqual([]);
  expect(watch.imgRequests).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
}

async function expectSoundOverlay(frame: Frame, page: Page, name: string): Promise<void> {
  const overlay = frame.getByTestId('ish-overlay');
  await expect(overlay).toBeVisible();
  expect(await activeContentInOverlay(frame)).toEqual({ elements: [], handlers: [], urlAttributes: 0 });
  // The page's own DOM gained nothing either (the demo pages hold no img or svg of their own).
  expect(await frame.evaluate(() => document.querySelectorAll('img, svg, script[src]').length)).toBe(0);
  const layout = await panelLayout(frame);
  expect(layout).not.toBeNull();
  expect(layout!.width).toBeLessThanOrEqual(PANEL_MAX_WIDTH);
  expect(layout!.right).toBeLessThanOrEqual(layout!.viewport);
  expect(layout!.overflow).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/security-${name}.png` });
}

test('hostile field values on the Web Services user form are shown as text and run nothing', async ({ page, context }) => {
  const watch = await watchForPayloads(context, page);
  const frame = await openIntacctPage(page, 'hostile-ws-user-form');
  const overlay = frame.getByTestId('ish-overlay');
  await expect(frame.locator('[data-testid="ish-finding"][data-subject="User ID"]')).toHaveAttribute('data-status', 'wrong');
  for (const text of [IMG_PAYLOAD, SVG_PAYLOAD, JS_URL_PAYLOAD, LONG_TEXT_START]) {
    await expect(overlay.getByText(text).first(), text).toBeVisible();
  }
  // The values come back exactly as typed, not as markup or with the markup stripped.
  await expect(frame.locator('[data-testid="ish-finding"][data-subject="User ID"] q').first()).toHaveText(IMG_PAYLOAD);
  await expect(frame.locator('[data-testid="ish-finding"][data-subject="Email address"] q').first()).toHaveText(SVG_PAYLOAD);
  // The 10,000-character value is shortened in the panel, and kept verbatim as the value's tooltip.
  const longValue = frame.locator('[data-testid="ish-finding"][data-subject="Admin privileges"] q').first();
  await expect(longValue).toHaveAttribute('title', LONG_TEXT);
  await expect(longValue).toHaveText(new RegExp(`^${LONG_TEXT_START}.*…$`));
  // Pointing at the hostile fields from the overlay touches nothing.
  await frame.locator('[data-testid="ish-finding"][data-subject="User ID"] button').click();
  await frame.locator('[data-testid="ish-finding"][data-subject="Admin privileges"] button').click();
  await expectSoundOverlay(frame, page, 'ws-user-form');
  await expectNothingRan(page, watch);
});

test('hostile sender IDs, descriptions and statuses on the Security page run nothing', async ({ page, context }) => {
  const watch = await watchForPayloads(context, page);
  const frame = await openIntacctPage(page, 'hostile-company-security');
  const sender = frame.locator('[data-testid="ish-finding"][data-subject="Sender ID expensify"]');
  // The right ID with a status that is markup: the audit says it is not Active and quotes the status as text.
  await expect(sender).toHaveAttribute('data-status', 'wrong');
  await expect(sender.getByText(`expensify, ${IMG_PAYLOAD}`)).toBeVisible();
  await expect(sender.getByText(IMG_PAYLOAD).first()).toBeVisible();
  await sender.locator('button').click();
  await expectSoundOverlay(frame, page, 'company-security');
  await expectNothingRan(page, watch);
});

test('hostile role and application names on the role’s Subscriptions page are shown as text and run nothing', async ({ page, context }) => {
  const watch = await watchForPayloads(context, page);
  const frame = await openIntacctPage(page, 'hostile-role-subscriptions');
  const overlay = frame.getByTestId('ish-overlay');
  await expect(frame.locator('[data-testid="ish-finding"][data-subject="Cash Management"]')).toHaveAttribute('data-status', 'missing');
  for (const name of [IMG_PAYLOAD, SVG_PAYLOAD, JS_URL_PAYLOAD, LONG_TEXT]) {
    await expect(frame.locator('[data-testid="ish-finding"]').filter({ hasText: name.slice(0, 40) }).first(), name.slice(0, 40)).toHaveAttribute('data-status', 'excess');
  }
  for (const text of [IMG_PAYLOAD, SVG_PAYLOAD, JS_URL_PAYLOAD, LONG_TEXT_START]) {
    await expect(overlay.getByText(text).first(), text).toBeVisible();
  }
  await expectSoundOverlay(frame, page, 'role-subscriptions');
  await expectNothingRan(page, watch);
});

test('hostile role, object and application names in the Permissions window are text in the overlay, the report and the files', async ({ page, context }) => {
  const watch = await watchForPayloads(context, page);
  const frame = await openIntacctPage(page, 'hostile-role-permissions');
  const overlay = frame.getByTestId('ish-overlay');
  await expect(frame.locator('[data-testid="ish-finding"][data-subject="General Ledger › Accounts"]')).toHaveAttribute('data-status', 'missing');
  // Passing checks fold away under the problems; the admin opens them to read the hostile names.
  for (const folded of await overlay.getByTestId('ish-passing').locator('summary').all()) await folded.click();
  for (const subject of [`General Ledger › ${IMG_PAYLOAD}`, `General Ledger › ${SVG_PAYLOAD}`, `General Ledger › ${JS_URL_PAYLOAD}`]) {
    await expect(overlay.getByText(subject, { exact: true }), subject).toBeVisible();
  }
  await expect(overlay.getByText(`General Ledger › ${LONG_TEXT_START}`).first()).toBeVisible();
  for (const app of [SVG_PAYLOAD, JS_URL_PAYLOAD]) {
    await expect(frame.locator('[data-testid="ish-finding"]').filter({ has: frame.getByText(app, { exact: true }) }).first(), app).toHaveAttribute('data-status', 'excess');
  }
  await expectSoundOverlay(frame, page, 'role-permissions');

  // Export: the report shows the names as text and runs nothing; the JSON and CSV carry them unchanged.
  const reportPage = context.waitForEvent('page');
  await frame.getByTestId('ish-export').click();
  const report = await reportPage;
  await report.waitForLoadState('load');
  expect(new URL(report.url()).pathname).toBe('/report.html');
  const shown = report.frameLocator('iframe#report');
  await expect(shown.getByText(IMG_PAYLOAD, { exact: true }).first()).toBeVisible();
  await expect(shown.getByText(`General Ledger › ${IMG_PAYLOAD}`, { exact: true })).toBeVisible();
  await expect(shown.getByText(`General Ledger › ${SVG_PAYLOAD}`, { exact: true })).toBeVisible();
  await expect(shown.getByText(`General Ledger › ${JS_URL_PAYLOAD}`, { exact: true })).toBeVisible();
  await expect(shown.getByText(`General Ledger › ${LONG_TEXT_START}`).first()).toBeVisible();
  await expect(shown.locator('img, svg, script, iframe, object, embed, a[href]')).toHaveCount(0);
  await expect(shown.locator('*[onerror], *[onload]')).toHaveCount(0);
  // The 10,000-character name wraps inside the report's table instead of widening the page.
  const width = await report.evaluate(() => {
    const doc = (document.getElementById('report') as HTMLIFrameElement).contentDocument!;
    return { scroll: doc.documentElement.scrollWidth, client: doc.documentElement.clientWidth };
  });
  expect(width.scroll).toBeLessThanOrEqual(width.client + 1);
  await shown.getByText(`General Ledger › ${IMG_PAYLOAD}`, { exact: true }).scrollIntoViewIfNeeded();
  await report.screenshot({ path: `${SCREENS}/security-report.png` });

  await expect.poll(async () => (await completedDownloadTexts(context)).length, { timeout: 10_000 }).toBe(4);
  const contents = await completedDownloadTexts(context);
  const json = contents.find((text) => text.trimStart().startsWith('{'));
  const csv = contents.find((text) => text.startsWith('Company,'));
  expect(json).toBeTruthy();
  const exported = JSON.parse(json!) as { subject: { kind: string; name: string } | null; rows: { subject: string; status: string }[] };
  expect(exported.subject).toEqual({ kind: 'role', name: IMG_PAYLOAD });
  const subjects = exported.rows.map((f) => f.subject);
  for (const subject of [`General Ledger › ${IMG_PAYLOAD}`, `General Ledger › ${SVG_PAYLOAD}`, `General Ledger › ${JS_URL_PAYLOAD}`, SVG_PAYLOAD, JS_URL_PAYLOAD]) {
    expect(subjects).toContain(subject);
  }
  // The 10,000-character object name is shortened to the message's limit, not a reason to drop the export.
  const long = subjects.find((s) => s.startsWith(`General Ledger › ${LONG_TEXT_START}`));
  expect(long).toBeDefined();
  expect(csv).toContain(IMG_PAYLOAD);
  expect(csv).toContain(SVG_PAYLOAD.replace(/"/g, '""'));

  for (const frameOfReport of report.frames()) {
    // The report iframe runs no script at all (sandboxed, CSP default-src 'none'); evaluate only where it can.
    if (frameOfReport === report.mainFrame()) {
      expect(await frameOfReport.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED_GLOBAL)).toBeUndefined();
    }
  }
  await expectNothingRan(page, watch);
});

test('control: the watch does see a payload that is parsed as HTML', async ({ page, context }) => {
  // Without this, "nothing ran" could mean the watch is blind. Parse the payloads ourselves, in the page.
  const watch = await watchForPayloads(context, page);
  const frame = await openIntacctPage(page, 'hostile-ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  await frame.evaluate(([img, svg]) => {
    const box = document.createElement('div');
    box.innerHTML = `${img}<div title="${svg}"></div>`;
    document.body.append(box);
  }, [IMG_PAYLOAD, `x${SVG_PAYLOAD}`]);
  await expect.poll(() => watch.pwned.length).toBeGreaterThan(0);
  await expect.poll(() => watch.imgRequests.length).toBeGreaterThan(0);
  expect(await frame.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED_GLOBAL)).toBe(1);
});
