import { readFileSync } from 'node:fs';
import type { BrowserContext, Frame, Page, Route } from '@playwright/test';
import { fileFor, pageKey, subjectWords, type BlindCase } from '../fixtures/intacct/blind/cases';
import { launchIntacct, type Launched } from './launch';

/**
 * Runs blind-round cases black-box on the built extension in Chromium, the way the rounds' authors expect
 * (tests/fixtures/intacct/blind/README.md): each case's files on its own `*.intacct.com` URLs, the case's
 * integration chosen as the popup would store it, then the panel read from the frame under test.
 */

export interface CaseResult {
  round: number;
  id: string;
  pass: boolean;
  /** Why it failed, in a line; empty when it passed. */
  reason: string;
}

/** How long a setup page may take to show its panel on a loaded 2-core machine, and an ordinary page to stay quiet. */
const SHOW_TIMEOUT_MS = 10_000;
const QUIET_MS = 2_500;

export interface BlindBrowser {
  launched: Launched;
  run(c: BlindCase): Promise<CaseResult>;
}

function contentType(file: string): string {
  if (file.endsWith('.css')) return 'text/css';
  if (file.endsWith('.js')) return 'text/javascript';
  if (file.endsWith('.svg')) return 'image/svg+xml';
  if (file.endsWith('.png')) return 'image/png';
  return 'text/html; charset=utf-8';
}

async function chooseIntegration(context: BrowserContext, c: BlindCase): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (selection) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ selection });
  }, { profileId: c.integration, options: c.options });
}

function frameUnderTest(page: Page, c: BlindCase): Frame | undefined {
  const wanted = pageKey(c.frame);
  return page.frames().find((f) => {
    try {
      return pageKey(f.url()) === wanted;
    } catch {
      return false;
    }
  });
}

interface PanelState {
  kind: string | null;
  findings: { subject: string; status: string }[];
}

async function panelIn(frame: Frame): Promise<PanelState | null> {
  const overlay = frame.locator('[data-testid="ish-overlay"]');
  if ((await overlay.count()) === 0) return null;
  const kind = await overlay.first().getAttribute('data-page-kind');
  const findings = await frame.locator('[data-testid="ish-finding"]').evaluateAll((els) =>
    els.map((el) => ({ subject: el.getAttribute('data-subject') ?? '', status: el.getAttribute('data-status') ?? '' })),
  );
  return { kind, findings };
}

/** The checks a panel does not (yet) satisfy, each as a line. */
export function unmetChecks(c: BlindCase, findings: PanelState['findings']): string[] {
  const out: string[] = [];
  for (const check of c.checks) {
    const words = subjectWords(check.subject);
    const same = findings.filter((f) => subjectWords(f.subject) === words);
    if (same.length === 0) out.push(`${check.subject}: no such check (expected ${check.status})`);
    else if (!same.some((f) => f.status === check.status)) out.push(`${check.subject}: ${same.map((f) => f.status).join('/')} (expected ${check.status})`);
  }
  return out;
}

async function runSetupCase(page: Page, c: BlindCase): Promise<CaseResult> {
  const base = { round: c.round, id: c.id };
  const deadline = Date.now() + SHOW_TIMEOUT_MS;
  let last: PanelState | null = null;
  let frame: Frame | undefined;
  for (;;) {
    frame = frameUnderTest(page, c);
    if (frame) {
      try {
        last = await panelIn(frame);
      } catch {
        last = null; // the frame navigated while we read it
      }
      if (last && last.kind === c.kind && unmetChecks(c, last.findings).length === 0) return { ...base, pass: true, reason: '' };
    }
    if (Date.now() > deadline) break;
    await page.waitForTimeout(250);
  }
  if (!frame) return { ...base, pass: false, reason: `the frame ${c.frame} never loaded` };
  if (!last) {
    const elsewhere = await otherPanels(page, frame);
    return { ...base, pass: false, reason: `no panel (expected ${c.kind})${elsewhere ? `; a panel in another frame: ${elsewhere}` : ''}` };
  }
  if (last.kind !== c.kind) return { ...base, pass: false, reason: `shown as ${last.kind} (expected ${c.kind})` };
  return { ...base, pass: false, reason: unmetChecks(c, last.findings).join('; ') };
}

async function otherPanels(page: Page, except?: Frame): Promise<string> {
  const kinds: string[] = [];
  for (const frame of page.frames()) {
    if (frame === except) continue;
    try {
      const state = await panelIn(frame);
      if (state) kinds.push(`${state.kind} in ${pageKey(frame.url())}`);
    } catch {
      // a frame that went away
    }
  }
  return kinds.join(', ');
}

async function runOrdinaryCase(page: Page, c: BlindCase): Promise<CaseResult> {
  await page.waitForTimeout(QUIET_MS);
  const panels = await otherPanels(page);
  return { round: c.round, id: c.id, pass: !panels, reason: panels ? `a panel on an ordinary page: ${panels}` : '' };
}

/** One Chromium with the built extension for a whole run; each case gets a fresh tab. */
export async function openBlindBrowser(): Promise<BlindBrowser> {
  let current: BlindCase | null = null;
  const serve = async (route: Route): Promise<boolean> => {
    if (!current) return false;
    const file = fileFor(current, route.request().url());
    if (!file) await route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
    else await route.fulfill({ status: 200, contentType: contentType(file), body: readFileSync(file) });
    return true;
  };
  // BLIND_EXTENSION_DIR measures another build, e.g. the code as it was before a round's fixes.
  const extensionDir = process.env.BLIND_EXTENSION_DIR;
  const launched = await launchIntacct({ withExtension: true, headless: true, extraRoute: serve, ...(extensionDir ? { extensionDir } : {}) });
  const run = async (c: BlindCase): Promise<CaseResult> => {
    current = c;
    await chooseIntegration(launched.context, c);
    const page = await launched.context.newPage();
    try {
      await page.goto(c.open, { waitUntil: 'load' });
      return c.kind === null ? await runOrdinaryCase(page, c) : await runSetupCase(page, c);
    } catch (error) {
      return { round: c.round, id: c.id, pass: false, reason: `the run failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    } finally {
      await page.close().catch(() => undefined);
      current = null;
    }
  };
  return { launched, run };
}
