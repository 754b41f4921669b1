import { test as base, expect, type BrowserContext, type Frame, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXPENSIFY_PROFILE } from '../../utils/profiles/expensify';
import { requiredPermissions } from '../../utils/profiles/registry';
import { DEMO_PERMISSIONS, isGatewayUrl, type DemoPermissions } from '../fixtures/intacct/gateway';
import { PACK_FILE_NAMES, writeDemoEvidence } from '../../scripts/evidence-pack';
import { openPermissionsWindow, openPopup, showSection } from './harness';
import { extensionId, launchIntacct, routeDemoGateway } from './launch';
import { auditWholeUser, exportFromPopup, popupAfterIntacct, setReviewer } from './whole-user-audit';

// The evidence an auditor accepts, end to end in Chromium: the pack as Chromium writes it to disk (real
// names, one folder), verified with sha256sum; the company named even for a Permissions window of its own;
// "audit → change one right → compare" on the demo Intacct; and the whole-user audit against the demo
// gateway's reply.

const test = base.extend<{ downloads: string; context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  downloads: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ish-evidence-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ downloads }, use) => {
    const launched = await launchIntacct({ withExtension: true, headless: true, downloadsDir: downloads });
    await use(launched.context);
    await launched.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionId(context));
  },
});

/** The four files of a pack, once Chromium has written them all. */
async function packFiles(downloads: string, folder: string): Promise<Record<string, string>> {
  const dir = path.join(downloads, folder);
  await expect.poll(() => PACK_FILE_NAMES.every((f) => existsSync(path.join(dir, f))), { timeout: 10_000 }).toBe(true);
  return Object.fromEntries(PACK_FILE_NAMES.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

function sha256sumCheck(dir: string): string {
  return execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function finding(frame: Frame | Page | Locator, subject: string) {
  return frame.locator(`[data-testid="ish-finding"][data-subject="${subject}"]`);
}

/** The folder the overlay says it saved to. */
async function savedFolder(win: Page): Promise<string> {
  const result = win.getByTestId('ish-export-result');
  await expect(result).toContainText('Saved audit.json, audit.csv, report.html, SHA256SUMS', { timeout: 10_000 });
  const folder = /Downloads\/([^/]+)\//.exec((await result.textContent()) ?? '')?.[1];
  if (!folder) throw new Error('no folder named');
  return folder;
}

test('a Permissions window opened from the Intacct tab exports a verifiable pack that names the company', async ({ context, page, downloads }) => {
  const win = await openPermissionsWindow(context, page);
  await expect(finding(win, 'General Ledger › Accounts')).toHaveAttribute('data-status', 'missing');
  const onPage = await win
    .locator('[data-testid="ish-finding"]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')}|${e.getAttribute('data-subject')}`).sort());

  const reportTab = context.waitForEvent('page');
  await win.getByTestId('ish-export').click();
  const folder = await savedFolder(win);
  expect(folder).toMatch(/^intacct-audit-DEMOCO-role-Expensify-\d{4}-\d{2}-\d{2}-\d{6}$/);
  const files = await packFiles(downloads, folder);

  const json = JSON.parse(files['audit.json'] ?? '{}') as { company: string; rows: { status: string; subject: string }[]; auditedAt: string };
  // The window's own URL has no company: it came from the Intacct tab that opened it.
  expect(json.company).toBe('DEMOCO');
  expect(json.rows.map((r) => `${r.status}|${r.subject}`).sort()).toEqual(onPage);
  expect(json.auditedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(files['audit.csv']?.split('\r\n')[1]).toMatch(/^DEMOCO,Role Expensify,Expensify,/);
  expect(sha256sumCheck(path.join(downloads, folder))).toBe('audit.json: OK\naudit.csv: OK\nreport.html: OK\n');

  const report = await reportTab;
  const body = report.frameLocator('#report');
  await expect(body.locator('dl.meta')).toContainText('DEMOCO');
  const digest = createHash('sha256').update(files['audit.json'] ?? '').digest('hex');
  await expect(body.locator('.digest').first()).toHaveText(digest);
  await report.setViewportSize({ width: 1100, height: 1400 });
  await report.screenshot({ path: 'test-results/screens/evidence-report-page.png', fullPage: true });
});

test('audit → one right changed on the demo Intacct → the overlay says so and the popup’s comparison shows exactly that change', async ({
  context,
  page,
  downloads,
  extensionId,
}) => {
  const win = await openPermissionsWindow(context, page);
  await expect(win.getByTestId('ish-drift')).toHaveCount(0);
  await win.getByTestId('ish-export').click();
  await savedFolder(win);
  // Once kept, the page matches its audit.
  await expect(win.getByTestId('ish-drift')).toContainText('Same rights as your audit of');

  await win.getByRole('checkbox', { name: 'Accounts Delete', exact: true }).check();
  const drift = win.getByTestId('ish-drift');
  await expect(drift).toHaveAttribute('data-changes', '1');
  await expect(drift).toContainText(/Changed since your audit of \d{1,2} [A-Z][a-z]{2}: 1 changed\./);

  // The comparison — the earlier rights and their reviewer — shows in the popup, never on Intacct's page.
  await win.getByTestId('ish-compare').click();
  await expect(win.getByTestId('ish-compare-result')).toContainText('is in the helper’s popup');
  await expect(win.getByTestId('ish-change')).toHaveCount(0);
  await win.getByTestId('ish-overlay').screenshot({ path: 'test-results/screens/evidence-overlay-drift.png' });
  const popup = await openPopup(context, extensionId, 'audit');
  const changes = popup.getByTestId('ish-page-comparison').getByTestId('ish-change');
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toHaveAttribute('data-subject', 'General Ledger › Accounts');
  await expect(changes.first()).toHaveAttribute('data-change', 'changed');
  await expect(changes.first()).toHaveText('General Ledger › Accounts: Delete added');
  await expect(popup.getByTestId('ish-page-comparison')).toContainText('role “Expensify” in DEMOCO');
  await popup.getByTestId('ish-page-comparison').screenshot({ path: 'test-results/screens/evidence-popup-page-comparison.png' });
  await popup.close();

  await win.getByTestId('ish-export-comparison').click();
  const folder = await savedFolder(win);
  expect(folder).toMatch(/^intacct-audit-changes-DEMOCO-role-Expensify-/);
  const files = await packFiles(downloads, folder);
  const json = JSON.parse(files['audit.json'] ?? '{}') as { kind: string; comparison: { changes: unknown[] } };
  expect(json.kind).toBe('compare');
  expect(json.comparison.changes).toEqual([
    { module: 'General Ledger', object: 'Accounts', change: 'changed', before: ['List', 'View', 'Add', 'Edit'], after: ['List', 'View', 'Add', 'Edit', 'Delete'], added: ['Delete'], removed: [] },
  ]);
  expect(sha256sumCheck(path.join(downloads, folder))).toContain('report.html: OK');
});

test('the whole-user audit lists the same missing and excess modules as the demo gateway’s permissions reply holds', async ({
  context,
  page,
  extensionId,
  downloads,
}) => {
  const popup = await popupAfterIntacct(context, page, extensionId);
  await showSection(popup, 'settings');
  await popup.getByTestId('ish-option-permissionModel').selectOption('role-based');
  await setReviewer(popup, 'Dana Reviewer');
  await auditWholeUser(popup);
  const probe = popup.getByTestId('ish-probe');
  await expect(probe).toHaveAttribute('data-source', 'getUserPermissions');

  // What the reply holds, read from the demo gateway itself, against what Expensify needs.
  const rules = requiredPermissions(EXPENSIFY_PROFILE, { permissionModel: 'role-based' });
  const granted = DEMO_PERMISSIONS.map(([app]) => app.trim());
  const isNeeded = (app: string) => rules.some((r) => [r.module, ...r.aliases].some((n) => n.toLowerCase() === (app === 'Time' ? 'time & expenses' : app.toLowerCase())));
  const missing = rules.filter((r) => ![r.module, ...r.aliases].some((n) => granted.some((g) => g.toLowerCase() === n.toLowerCase()))).map((r) => r.module);
  const excess = granted.filter((app) => !isNeeded(app));
  expect(missing).toEqual(['Cash Management']);
  expect(excess.sort()).toEqual(['Accounts Receivable', 'Time']);

  const modules = probe.getByTestId('ish-audit-module');
  const byStatus = async (status: string) =>
    (await modules.evaluateAll((els, s) => els.filter((e) => e.getAttribute('data-status') === s).map((e) => e.getAttribute('data-module') ?? ''), status)).sort();
  expect(await byStatus('missing')).toEqual(missing);
  expect(await byStatus('excess')).toEqual(excess.sort());
  expect(await byStatus('ok')).toEqual(['Accounts Payable', 'Administration', 'Company', 'General Ledger']);
  // Every permission of every module it needs is judged too.
  await expect(finding(probe, 'General Ledger › Journal entries')).toHaveAttribute('data-status', 'ok');
  // Role-based company: the caveat says what the API reports.
  await expect(popup.getByTestId('ish-audit-caveats')).toContainText('This company grants rights through roles');
  await expect(popup.getByTestId('ish-audit-caveats')).toContainText('effective rights');
  await popup.getByTestId('ish-whole-user').screenshot({ path: 'test-results/screens/evidence-popup-whole-user-audit.png' });

  const folder = await exportFromPopup(popup, 'ish-export-evidence');
  const files = await packFiles(downloads, folder);
  const json = JSON.parse(files['audit.json'] ?? '{}') as Record<string, unknown>;
  expect(json).toMatchObject({ company: 'DEMOCO', reviewer: 'Dana Reviewer', subject: { kind: 'user', name: 'xmlgateway_expensify' }, source: { view: 'api', method: 'getUserPermissions' } });
  expect((json.caveats as string[])[0]).toContain('docs/intacct.md#what-getuserpermissions-covers');
  expect(sha256sumCheck(path.join(downloads, folder))).toContain('audit.json: OK');

  // The history lists the company, and the admin can delete it.
  await expect(popup.getByTestId('ish-history-company')).toHaveAttribute('data-company', 'DEMOCO');
  await popup.getByTestId('ish-history-delete').click();
  await expect(popup.getByTestId('ish-history-empty')).toBeVisible();
});

test('whole-user audit → a right removed in Intacct → the next audit compares and shows exactly that change', async ({
  context,
  page,
  extensionId,
  downloads,
}) => {
  const popup = await popupAfterIntacct(context, page, extensionId);
  await auditWholeUser(popup);
  await expect(popup.getByTestId('ish-drift')).toContainText('The first audit of xmlgateway_expensify');

  // Another admin takes Delete off General Ledger › Accounts: the gateway now answers with that grid.
  const changed: DemoPermissions = DEMO_PERMISSIONS.map(([app, policies]) => [
    app,
    policies.map(([name, rights]) => [name, app === 'General Ledger' && name === 'Accounts' ? 'List|View|Add|Edit' : rights] as const),
  ]);
  await context.route((url) => isGatewayUrl(url.href), async (route) => {
    await routeDemoGateway(route, changed);
  });
  await auditWholeUser(popup);
  await expect(popup.getByTestId('ish-drift')).toHaveAttribute('data-changes', '1');
  await expect(popup.getByTestId('ish-drift')).toContainText('Changed since your audit of');
  await popup.getByTestId('ish-compare').click();
  const changes = popup.getByTestId('ish-change');
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toHaveText('General Ledger › Accounts: Delete removed');

  const folder = await exportFromPopup(popup, 'ish-export-comparison');
  const files = await packFiles(downloads, folder);
  expect(files['audit.csv']).toContain('General Ledger,Accounts,changed,Delete removed');
  expect(sha256sumCheck(path.join(downloads, folder))).toContain('audit.csv: OK');
});

test('npm run evidence writes the four files, sha256sum -c passes there, and fails on a changed byte', async ({ page }) => {
  test.setTimeout(60_000);
  const out = mkdtempSync(path.join(tmpdir(), 'ish-npm-evidence-'));
  try {
    const dir = await writeDemoEvidence(out);
    expect(path.basename(dir)).toMatch(/^intacct-audit-DEMOCO-user-xmlgateway_expensify-/);
    expect(sha256sumCheck(dir)).toBe('audit.json: OK\naudit.csv: OK\nreport.html: OK\n');
    const json = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ company: 'DEMOCO', reviewer: 'Demo Reviewer', extension: { name: 'Intacct Setup Helper' } });

    // The printable report, as the auditor opens it from disk.
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    await expect(page.locator('h1')).toContainText('Intacct permissions audit: Expensify, User xmlgateway_expensify');
    await expect(page.locator('.digest').first()).toHaveText(createHash('sha256').update(readFileSync(path.join(dir, 'audit.json'))).digest('hex'));
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.screenshot({ path: 'test-results/screens/evidence-report-html.png', fullPage: true });

    const csv = path.join(dir, 'audit.csv');
    const bytes = readFileSync(csv);
    const last = bytes.length - 3;
    bytes[last] = (bytes[last] ?? 0) ^ 1;
    writeFileSync(csv, bytes);
    expect(() => sha256sumCheck(dir)).toThrow();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
