import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import type { Section } from '../../components/popup/sections';
import { FIXTURE_PAGES, POD_HOST, type FixturePage } from '../fixtures/intacct/catalog';
import { findPage, pageUrl, resolveFixture, shellUrl } from '../fixtures/intacct/router';
import { startDemoProxy, type DemoProxy } from './demo-proxy';
import { WAIT_MS } from '../flows/until';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on id of the build under test, as the built manifest names it (policies are keyed by it). */
/**
 * Where a test saves a screenshot to look at. Made on use: Playwright empties test-results/ when the
 * Chromium suite starts, which runs before this one in `npm test`.
 */
export function screenshotFile(name: string): string {
  const dir = path.join(ROOT, 'test-results/firefox');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

export function geckoId(): string {
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${FIREFOX_BUILD}/manifest.json names no gecko id: run npx wxt build -b firefox first`);
  return id;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on's moz-extension:// host, fixed at launch so its pages can be opened by URL. */
  uuid: string;
  downloadsDir: string;
  proxy: DemoProxy;
  close(): Promise<void>;
}

function isIntacctHost(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname === 'intacct.com' || hostname.endsWith('.intacct.com');
  } catch {
    return false;
  }
}

/**
 * Firefox with the built add-on installed (puppeteer-core over WebDriver BiDi; build recipe, "Firefox at
 * run time"). Fresh profile each time: the add-on's storage starts empty, as for a new admin.
 */
/** `executablePath`: another Firefox than the installed one (the policy tests' own, firefox-policy.ts). */
export async function launchFirefox(executablePath: string = FIREFOX): Promise<FirefoxSession> {
  const id = geckoId();
  const uuid = randomUUID();
  const downloadsDir = mkdtempSync(path.join(tmpdir(), 'ish-firefox-downloads-'));
  const proxy = await startDemoProxy();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // Opening the add-on's own pages (moz-extension://) by URL is "system access" to Firefox's remote agent.
      args: ['--remote-allow-system-access'],
      // The demo proxy's certificate is made up (see demo-proxy.ts).
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        // The moz-extension:// host is random per profile unless set: set it, so the popup has a URL.
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'browser.download.dir': downloadsDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      },
    });
    const installed = await browser.installExtension(FIREFOX_BUILD);
    if (installed !== id) throw new Error(`Firefox installed ${installed}, expected ${id}`);
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await proxy.close();
    rmSync(downloadsDir, { recursive: true, force: true });
    throw error;
  }
  const launched = browser;
  return {
    browser: launched,
    uuid,
    downloadsDir,
    proxy,
    close: async () => {
      await launched.close().catch(() => undefined);
      await proxy.close();
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

/** Serves every https://*.intacct.com request of this tab from the demo Intacct, as Playwright's routing does for Chromium. */
export async function serveDemoIntacct(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    if (!isIntacctHost(request.url())) {
      void request.continue().catch(() => undefined);
      return;
    }
    const reply = resolveFixture(request.url());
    void request.respond({ status: reply.status, contentType: reply.contentType, body: reply.body }).catch(() => undefined);
  });
}

export function fixture(name: string): FixturePage {
  const page = FIXTURE_PAGES.find((p) => p.name === name) ?? findPage(name);
  if (!page) throw new Error(`no fixture page ${name}`);
  return page;
}

/** Does `url` show this catalog page (its path and every query key of the catalog path)? */
function showsFixture(url: string, page: FixturePage): boolean {
  try {
    const want = new URL(page.path, POD_HOST);
    const got = new URL(url);
    return got.pathname === want.pathname && [...want.searchParams].every(([k, v]) => got.searchParams.get(k) === v);
  } catch {
    return false;
  }
}

async function poll<T>(read: () => T | Promise<T>, what: string, timeoutMs = WAIT_MS): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined && value !== false) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A new tab served by the demo Intacct. */
export async function intacctTab(session: FirefoxSession): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await serveDemoIntacct(page);
  return page;
}

/**
 * Opens a demo page as Intacct shows it: inside the frameset's iframe#iamain, or as its own window.
 * Returns the frame that holds the page.
 */
export async function openIntacctPage(page: Page, name: string): Promise<Frame> {
  const wanted = fixture(name);
  await page.goto(wanted.ownWindow ? pageUrl(name) : shellUrl(name));
  if (wanted.ownWindow) return page.mainFrame();
  return poll(() => page.frames().find((f) => f !== page.mainFrame() && showsFixture(f.url(), wanted)), `the ${name} frame`);
}

/**
 * Opens one of the add-on's pages in a tab. The navigation swaps the tab into the extension process, so
 * puppeteer never sees it finish; the page is ready once `readySelector` is there.
 */
export async function openExtensionPage(session: FirefoxSession, file: string, readySelector: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 560, height: 800 });
  page.goto(`moz-extension://${session.uuid}/${file}`).catch(() => undefined);
  // While the tab changes process, a query can hit the discarded document and fail: ask again.
  await poll(async () => {
    try {
      const ready = await page.$(readySelector);
      await ready?.dispose();
      return ready !== null;
    } catch {
      return false;
    }
  }, `${file} to show ${readySelector}`);
  return page;
}

/** The popup as a page of its own, on a section (`popup.html#connection`) or on Setup, where it opens. */
export function openPopup(session: FirefoxSession, section?: Section): Promise<Page> {
  return openExtensionPage(session, `popup.html${section ? `#${section}` : ''}`, `[data-testid="ish-popup"][data-section="${section ?? 'setup'}"]`);
}

/** The admin's click on a section's tab; resolves once its panel shows. */
export async function showSection(popup: Page, section: Section): Promise<void> {
  await popup.click(`#pp-tab-${section}`);
  await popup.waitForSelector(`#pp-panel-${section}:not([hidden])`, { timeout: WAIT_MS });
}

// ---- reading the page ---------------------------------------------------------------------------------

/** `pierce/` reaches into the overlay's open shadow root. */
export function inOverlay(selector: string): string {
  return `pierce/${selector}`;
}

export function findingSelector(subject: string): string {
  return inOverlay(`[data-testid="ish-finding"][data-subject="${subject.replace(/"/g, '\\"')}"]`);
}

export async function attributeOf(frame: Frame | Page, selector: string, name: string): Promise<string | null> {
  const element = await frame.$(selector);
  if (!element) return null;
  try {
    return await element.evaluate((el, attr) => el.getAttribute(attr), name);
  } finally {
    await element.dispose();
  }
}

export async function textOf(frame: Frame | Page, selector: string): Promise<string> {
  const element = await frame.$(selector);
  if (!element) return '';
  try {
    return await element.evaluate((el) => el.textContent ?? '');
  } finally {
    await element.dispose();
  }
}

export async function waitFor(frame: Frame | Page, selector: string): Promise<ElementHandle<Element>> {
  const element = await frame.waitForSelector(selector, { timeout: WAIT_MS });
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

/** Replaces an input's value the way typing does (React listens for the key events' input events). */
export async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  const input = await waitFor(page, selector);
  await input.evaluate((el) => (el as HTMLInputElement).select());
  if (value) await input.type(value);
  else await page.keyboard.press('Backspace');
  await input.dispose();
}

// ---- downloads ----------------------------------------------------------------------------------------

/**
 * The finished downloads (Firefox keeps the name the add-on gave, folders included: an evidence pack is
 * one folder of four files), once `count` files are there, keyed by their path under the downloads folder.
 */
export async function downloads(session: FirefoxSession, count: number): Promise<Map<string, string>> {
  const files = (): string[] =>
    readdirSync(session.downloadsDir, { recursive: true, encoding: 'utf8' }).filter((n) => statSync(path.join(session.downloadsDir, n)).isFile());
  await poll(() => {
    const names = files();
    // Firefox puts an empty file under the final name and writes beside it in a .part file until done.
    return names.length >= count && names.every((n) => !n.endsWith('.part')) && names.every((n) => statSync(path.join(session.downloadsDir, n)).size > 0);
  }, `${count} finished downloads in ${session.downloadsDir}`);
  const texts = new Map<string, string>();
  for (const name of files()) texts.set(name, readFileSync(path.join(session.downloadsDir, name), 'utf8'));
  return texts;
}

export { poll };
