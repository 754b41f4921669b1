import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Route } from '@playwright/test';
import { FIXTURE_PAGES, type FixturePage } from '../fixtures/intacct/catalog';
import { findPage, pageUrl, resolveFixture, shellUrl } from '../fixtures/intacct/router';
import { answerGateway, isGatewayUrl, type DemoPermissions } from '../fixtures/intacct/gateway';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium floods this closed network with refused connections
// (build recipe, "Playwright with the extension").
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  withExtension: boolean;
  /** Another unpacked extension to load instead of ours (the benchmark's no-op baseline). */
  extensionDir?: string;
  headless: boolean;
  /** Extra handler tried before the demo Intacct pages, e.g. the XML gateway. */
  extraRoute?: (route: Route) => Promise<boolean>;
  /**
   * Save downloads here under the names the extension gives them (folders included), as an admin's
   * browser does. Without it, Playwright keeps them under GUID names (build recipe).
   */
  downloadsDir?: string;
}

export interface Launched {
  context: BrowserContext;
  close: () => Promise<void>;
}

export function isIntacctHost(url: URL): boolean {
  return url.hostname === 'intacct.com' || url.hostname.endsWith('.intacct.com');
}

/** How long the demo gateway holds a request it never answers (company SLOW) before dropping it. */
const GATEWAY_HANG_MS = 60_000;

/** The demo XML gateway (tests/fixtures/intacct/gateway.ts, where its credentials table is); `permissions` changes the demo user's grid. */
export async function routeDemoGateway(route: Route, permissions?: DemoPermissions): Promise<boolean> {
  const request = route.request();
  if (!isGatewayUrl(request.url())) return false;
  if (request.method() !== 'POST') {
    await route.fulfill({ status: 405, contentType: 'text/plain', body: 'POST only' });
    return true;
  }
  const answer = answerGateway(request.postData() ?? '', permissions);
  if (answer.kind === 'hang') {
    setTimeout(() => void route.abort('timedout').catch(() => undefined), GATEWAY_HANG_MS).unref();
    return true;
  }
  await route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
  return true;
}

/**
 * Serve every https://*.intacct.com request from the demo Intacct, so nothing needs an account or a
 * network: the XML gateway from the demo gateway, every other URL from the demo pages.
 */
export async function routeDemoIntacct(context: BrowserContext, extraRoute?: LaunchOptions['extraRoute']): Promise<void> {
  await context.route(isIntacctHost, async (route) => {
    if (extraRoute && (await extraRoute(route))) return;
    if (await routeDemoGateway(route)) return;
    const reply = resolveFixture(route.request().url());
    await route.fulfill({ status: reply.status, contentType: reply.contentType, body: reply.body });
  });
}

export async function launchIntacct(options: LaunchOptions): Promise<Launched> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'ish-chromium-'));
  const args = [...QUIET_FLAGS];
  if (options.withExtension) {
    const dir = options.extensionDir ?? EXTENSION_DIR;
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  if (options.downloadsDir) {
    // Chromium's own download folder: with the default behaviour restored below, the names the
    // extension asks for ("<folder>/audit.json") are kept.
    mkdirSync(path.join(profileDir, 'Default'), { recursive: true });
    writeFileSync(
      path.join(profileDir, 'Default', 'Preferences'),
      JSON.stringify({ download: { default_directory: options.downloadsDir, prompt_for_download: false } }),
    );
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless,
    args,
    viewport: { width: 1280, height: 800 },
  });
  if (options.downloadsDir) {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach();
  }
  await routeDemoIntacct(context, options.extraRoute);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

export function fixturePage(name: string): FixturePage {
  const page = FIXTURE_PAGES.find((p) => p.name === name) ?? findPage(name);
  if (!page) throw new Error(`no fixture page ${name}`);
  return page;
}

/**
 * Opens a demo page the way Intacct shows it: inside the frameset's iframe#iamain, or, for the pages
 * Intacct opens in their own window, as the top document. Returns the frame that holds the page.
 */
export async function openIntacctPage(page: Page, name: string): Promise<Frame> {
  const fixture = fixturePage(name);
  if (fixture.ownWindow) {
    await page.goto(pageUrl(name));
    return page.mainFrame();
  }
  await page.goto(shellUrl(name));
  const frame = page.frame({ name: 'iamain' });
  if (!frame) throw new Error('the demo shell has no iamain frame');
  await frame.waitForLoadState('load');
  return frame;
}


/**
 * The text of every finished download. Downloads the service worker starts fire no Playwright event and
 * land under GUID names (build recipe), so Chromium is asked where they went; callers tell files apart by content.
 */
export async function completedDownloadTexts(context: BrowserContext): Promise<string[]> {
  const worker = context.serviceWorkers()[0];
  if (!worker) return [];
  const files = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<{ filename: string }[]> } } }).chrome;
    return (await api.downloads.search({ state: 'complete' })).map((d) => d.filename);
  });
  return files.map((file) => readFileSync(file, 'utf8'));
}
