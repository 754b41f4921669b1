import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { normalizedContent, readCustomErpPackage } from '../../utils/package/custom-erp-package';
import { GATEWAY_PATH } from '../fixtures/intacct/gateway';
import { builtProfile } from '../unit/package/built-profile';
import {
  attributeOf,
  downloads,
  inOverlay,
  intacctTab,
  launchFirefox,
  openIntacctPage,
  openPopup,
  showSection,
  poll,
  textOf,
  typeInto,
  waitFor,
  type FirefoxSession,
  screenshotFile,
} from './launch';

// The demo gateway's credentials table is at the top of tests/fixtures/intacct/gateway.ts.
const USER_SECRET = 'user-pw-ff-5b81';
const SENDER_SECRET = 'sender-pw-ff-c3e0';

let session: FirefoxSession;
beforeEach(async () => {
  session = await launchFirefox();
});
afterEach(async () => session?.close());

/** The popup after the admin opened a setup page in Intacct, so the company ID is known. */
async function popupAfterIntacct(): Promise<Page> {
  const page = await intacctTab(session);
  const frame = await openIntacctPage(page, 'company-security');
  await waitFor(frame, inOverlay('[data-testid="ish-overlay"]'));
  const popup = await openPopup(session, 'connection');
  await poll(async () => (await popup.$eval('[data-testid="ish-conn-company"]', (el) => (el as HTMLInputElement).value)) === 'DEMOCO', 'the company ID');
  return popup;
}

async function runTest(popup: Page, typed: { sender?: string } = {}): Promise<ElementHandle<Element>> {
  await typeInto(popup, '[data-testid="ish-conn-user-password"]', USER_SECRET);
  await typeInto(popup, '[data-testid="ish-conn-sender"]', typed.sender ?? 'democo_sender');
  await typeInto(popup, '[data-testid="ish-conn-sender-password"]', SENDER_SECRET);
  const before = session.proxy.requests.length;
  await popup.click('[data-testid="ish-conn-test"]');
  await poll(async () => (await textOf(popup, '[data-testid="ish-conn-test"]')) === 'Test connection' && session.proxy.requests.length > before, 'the test to finish', 20_000);
  // The background page really asked the (demo) XML gateway.
  expect(session.proxy.requests.slice(before).map((r) => `${r.method} ${new URL(r.url).pathname}`)).toContain(`POST ${GATEWAY_PATH}`);
  return waitFor(popup, '[data-testid="ish-conn-result"]');
}

it('the connection test against the demo gateway: connected, then the diagnosis of an unauthorized sender', async () => {
  const popup = await popupAfterIntacct();
  expect(await popup.$eval('[data-testid="ish-conn-user"]', (el) => (el as HTMLInputElement).value)).toBe('xmlgateway_expensify');

  await runTest(popup);
  await poll(async () => (await attributeOf(popup, '[data-testid="ish-conn-result"]', 'data-code')) === 'ok', 'a successful test');
  expect(await textOf(popup, '[data-testid="ish-conn-result"]')).toContain('Connection works');
  expect(await attributeOf(popup, '[data-testid="ish-connection-state"]', 'data-state')).toBe('connected');

  await runTest(popup, { sender: 'unauthorized' });
  await poll(async () => (await attributeOf(popup, '[data-testid="ish-conn-result"]', 'data-code')) === 'sender-not-authorized', 'the diagnosis');
  expect(await textOf(popup, '[data-testid="ish-conn-result"]')).toContain('The sender ID is not authorized for this company');
  expect(await textOf(popup, '[data-testid="ish-conn-fix"]')).toMatch(/^Step \d+: Authorize Expensify’s sender ID/);
  expect(await attributeOf(popup, '[data-testid="ish-connection-state"]', 'data-state')).toBe('failing');
  await popup.screenshot({ path: screenshotFile('popup-diagnosis.png'), fullPage: true });
});

it('an imported profile’s package is built and saved under its name, and parses back to the same package', async () => {
  const popup = await openPopup(session, 'settings');
  await popup.click('[data-testid="ish-setting"][data-setting="custom-profile"] summary');
  const dir = mkdtempSync(path.join(tmpdir(), 'ish-profile-'));
  try {
    const file = path.join(dir, 'acme-profile.json');
    writeFileSync(file, JSON.stringify(builtProfile(), null, 2));
    const input = (await waitFor(popup, '[data-testid="ish-profile-import"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await poll(async () => (await textOf(popup, '[data-testid="ish-import-ok"]')).includes('Acme Expenses'), 'the import');
  await poll(async () => (await attributeOf(popup, '[data-testid="ish-package"]', 'data-kind')) === 'built', 'the built package');

  await showSection(popup, 'package');
  await popup.click('[data-testid="ish-package-download"]');
  await poll(async () => (await textOf(popup, '[data-testid="ish-package-status"]')) === 'Saved acme-expenses-package.xml to your downloads.', 'the saved message');
  const files = await downloads(session, 1);
  const xml = files.get('acme-expenses-package.xml');
  expect(xml, `the package among ${[...files.keys()].join(', ')}`).toBeDefined();
  const read = readCustomErpPackage(xml!);
  if (!read.ok) throw new Error(read.problems.join('; '));
  const profile = builtProfile();
  if (profile.package?.kind !== 'built') throw new Error('no built package');
  expect(read.content).toEqual(normalizedContent(profile.package));
});
