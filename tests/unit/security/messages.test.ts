import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Finding } from '@/utils/audit/finding';
import { handleConnectionMessage, rememberCompany } from '@/utils/background/connection';
import { dataUrl } from '@/utils/export/download-url';
import { handleExportAudit, type ExportDeps } from '@/utils/background/export-audit';
import { EXPORT_INTERVAL_MS, ExportThrottle } from '@/utils/export/throttle';
import { auditsOf, parseHistory } from '@/utils/audit/history';
import { isIntacctUrl } from '@/utils/hosts';
import { EXPORT_LIMITS, ExportAuditSchema, clipText, toExportMessage, type ExportAudit, type ExportRequest } from '@/utils/messages/export-audit';
import { type ExportReply } from '@/utils/messages/protocol';
import { handlePageReport, type PageReportDeps } from '@/utils/background/page-reports';
import { MAX_REVIVALS, RevivalBudget, handleOverlayLost } from '@/utils/background/overlay-revival';
import { EMPTY_FRAMES, applyPageReport, withoutQuery, type RecognizedFrames } from '@/utils/storage/frames';
import { lastCompanyItem } from '@/utils/storage/connection';
import { auditHistoryItem, reviewerItem } from '@/utils/storage/evidence';
import { evidenceReportItem, reportTabItem } from '@/utils/storage/session-items';
import { LONG_TEXT } from '../../fixtures/intacct/hostile/payloads';

// The background answers three kinds of message: page reports from the all-frames detector, audit exports
// from the overlay, and the popup's connection checks. Each must ignore anything of the wrong shape and
// anything that does not come from where it should: our extension, and an Intacct page (or, for the
// popup's messages, our own extension page). Each handler is tested with a fake sender.

const INTACCT_PAGE = 'https://www-p02.intacct.com/ia/acct/editor.phtml?.op=3823&.it=rolepolicy&.sess=demo';

function tab(id = 4, index = 2, url = 'https://www-p02.intacct.com/ia/acct/frameset.phtml?.sess=demo&.cc=DEMOCO'): Browser.tabs.Tab {
  return { id, index, url } as Browser.tabs.Tab;
}

/** Our content script in frame 3 of an Intacct tab: the one sender page reports and exports may come from. */
function contentScript(change: Partial<Browser.runtime.MessageSender> = {}): Browser.runtime.MessageSender {
  return { id: fakeBrowser.runtime.id, url: INTACCT_PAGE, tab: tab(), frameId: 3, ...change };
}

/** URLs that are not an Intacct page, though some try to look like one. */
const NOT_INTACCT = [
  undefined,
  '',
  'not a url',
  'http://www-p02.intacct.com/ia/acct/frameset.phtml',
  'https://intacct.com.evil.example/ia/acct/frameset.phtml',
  'https://evilintacct.com/',
  'https://www.intacct.com@evil.example/',
  'https://evil.example/?next=https://www.intacct.com/',
  'https://evil.example/#.intacct.com',
  'javascript:alert(1)//.intacct.com',
  'data:text/html,<p>.intacct.com',
  'chrome-extension://abcdefghijklmnop/report.html',
  'file:///home/admin/www.intacct.com/frameset.html',
];

function frameReport(kind: string | null = 'role-permissions'): unknown {
  return { type: 'ish/page', kind, url: INTACCT_PAGE };
}

/** Shapes that are not a page report. */
const NOT_PAGE_REPORTS: unknown[] = [
  undefined,
  null,
  42,
  'ish/page',
  [],
  { type: 'ish/page' },
  { type: 'ish/page', kind: 'role-permissions' },
  { type: 'ish/page', kind: 'no-such-kind', url: INTACCT_PAGE },
  { type: 'ish/page', kind: '__proto__', url: INTACCT_PAGE },
  { type: 'ish/page', kind: { toString: () => 'role-permissions' }, url: INTACCT_PAGE },
  { type: 'ish/page', kind: 'role-permissions', url: 42 },
  { type: 'ish/page', kind: 'role-permissions', url: `https://www.intacct.com/${'x'.repeat(5000)}` },
  { type: 'ish/PAGE', kind: 'role-permissions', url: INTACCT_PAGE },
  { type: 'ish/export-audit', kind: 'role-permissions', url: INTACCT_PAGE },
];

function recorder(): PageReportDeps & { states: RecognizedFrames[]; shown: Array<[number, number]> } {
  const states: RecognizedFrames[] = [];
  const shown: Array<[number, number]> = [];
  return {
    states,
    shown,
    update: (change) => states.push(change(EMPTY_FRAMES)),
    showOverlay: (tabId, frameId) => shown.push([tabId, frameId]),
    now: () => 1_700_000_000_000,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('isIntacctUrl', () => {
  it('accepts only https pages on intacct.com and its subdomains', () => {
    for (const url of NOT_INTACCT) expect(isIntacctUrl(url), String(url)).toBe(false);
    for (const url of [INTACCT_PAGE, 'https://intacct.com/', 'https://api.intacct.com/ia/xml/xmlgw.phtml', 'https://WWW.INTACCT.COM/x']) {
      expect(isIntacctUrl(url), url).toBe(true);
    }
  });
});

describe('page reports (the detector → the background)', () => {
  it('records a recognized frame and shows the overlay in that frame only', () => {
    const deps = recorder();
    expect(handlePageReport(frameReport(), contentScript(), deps)).toBe(true);
    expect(deps.states).toEqual([
      { lastTabId: 4, tabs: { '4': [{ frameId: 3, kind: 'role-permissions', url: withoutQuery(INTACCT_PAGE), at: 1_700_000_000_000 }] } },
    ]);
    expect(deps.shown).toEqual([[4, 3]]);
  });

  it('records a frame that is no longer a setup page, without showing anything', () => {
    const deps = recorder();
    expect(handlePageReport(frameReport(null), contentScript(), deps)).toBe(true);
    expect(deps.shown).toEqual([]);
    expect(deps.states).toHaveLength(1);
  });

  it('ignores messages of the wrong shape', () => {
    const deps = recorder();
    for (const raw of NOT_PAGE_REPORTS) expect(handlePageReport(raw, contentScript(), deps), JSON.stringify(raw) ?? String(raw)).toBe(false);
    expect(deps.states).toEqual([]);
    expect(deps.shown).toEqual([]);
  });

  it('ignores reports from another extension, from a page that is not Intacct, and without a tab or frame', () => {
    const deps = recorder();
    const senders: Browser.runtime.MessageSender[] = [
      contentScript({ id: 'another-extension-id' }),
      contentScript({ id: undefined }),
      ...NOT_INTACCT.map((url) => contentScript({ url })),
      contentScript({ tab: undefined }),
      contentScript({ tab: { index: 0 } as Browser.tabs.Tab }),
      contentScript({ frameId: undefined }),
    ];
    for (const sender of senders) expect(handlePageReport(frameReport(), sender, deps), JSON.stringify(sender)).toBe(false);
    expect(deps.states).toEqual([]);
    expect(deps.shown).toEqual([]);
  });

  it('stores the report’s own fields only, whatever else the message carries', () => {
    const deps = recorder();
    handlePageReport({ ...(frameReport() as object), password: 'hunter2', __proto__: { polluted: true } }, contentScript(), deps);
    expect(JSON.stringify(deps.states)).not.toContain('hunter2');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---- audit export --------------------------------------------------------------------------------------

type DownloadOptions = { url: string; filename: string; conflictAction?: string };

function spyDownloads() {
  const download = vi.fn(async (_options: DownloadOptions) => 1);
  // fakeBrowser has no downloads API: give it one to spy on.
  (fakeBrowser as unknown as { downloads: unknown }).downloads = { download };
  return download;
}

afterEach(() => {
  delete (fakeBrowser as unknown as { downloads?: unknown }).downloads;
  vi.restoreAllMocks();
});

const AUDIT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const DEPS: ExportDeps = { now: () => Date.UTC(2025, 2, 14, 9, 31), timeZone: () => 'Europe/Berlin', offsetAt: () => 60, extensionVersion: () => '0.1.0' };

function request(change: Partial<ExportRequest> = {}): ExportRequest {
  return {
    mode: 'audit',
    auditId: AUDIT_ID,
    company: 'DEMOCO',
    subject: { kind: 'role', name: 'Expensify' },
    profileId: 'expensify',
    optionValues: { export: 'expense-reports' },
    view: 'permissions-window',
    pageKind: 'role-permissions',
    auditedAt: Date.UTC(2025, 2, 14, 9, 30),
    note: '',
    ...change,
  };
}

function findingOf(change: Partial<Finding> = {}): Finding {
  return {
    id: 'perm:general-ledger:accounts',
    subject: 'General Ledger › Accounts',
    status: 'wrong',
    found: 'List, View',
    expected: 'all rights',
    message: 'Expensify needs every right in General Ledger.',
    fix: 'Choose All.',
    group: 'General Ledger',
    ...change,
  };
}

const ACCOUNTS = { module: 'General Ledger', object: 'Accounts', rights: ['List', 'View'] };

function exportMessage(change: Partial<ExportRequest> = {}, rights = [ACCOUNTS]): ExportAudit {
  return toExportMessage(request(change), [findingOf()], rights);
}

function decodeDataUrl(url: string): string {
  return decodeURIComponent(url.slice(url.indexOf(',') + 1));
}

/** Each with a throttle of its own: these tests export one tab's audit several times on purpose (the throttle's own tests below). */
async function exported(raw: unknown, sender: Browser.runtime.MessageSender): Promise<ExportReply | undefined> {
  return handleExportAudit(raw, sender, { ...DEPS, throttle: new ExportThrottle() });
}

/** The files a spied download received, by name. */
function files(download: ReturnType<typeof spyDownloads>): Record<string, string> {
  return Object.fromEntries(download.mock.calls.map(([o]) => [o.filename.split('/').pop() ?? '', decodeDataUrl(o.url)]));
}

const POPUP = (): Browser.runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

describe('audit exports (the overlay and the popup → the background)', () => {
  it('saves the four files of the pack in one folder and opens the report next to the Intacct tab', async () => {
    const download = spyDownloads();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const reply = await exported(exportMessage(), contentScript());
    expect(reply).toEqual({
      ok: true,
      folder: 'intacct-audit-DEMOCO-role-Expensify-2025-03-14-103000',
      files: ['audit.json', 'audit.csv', 'report.html', 'SHA256SUMS'],
      jsonDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(download.mock.calls.map(([o]) => [o.filename, o.conflictAction])).toEqual(
      ['audit.json', 'audit.csv', 'report.html', 'SHA256SUMS'].map((f) => [`intacct-audit-DEMOCO-role-Expensify-2025-03-14-103000/${f}`, 'overwrite']),
    );
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/report.html'), index: 3 });
    expect(await evidenceReportItem.getValue()).toContain('General Ledger › Accounts');
    const json = JSON.parse(files(download)['audit.json'] ?? '{}') as Record<string, unknown>;
    expect(json).toMatchObject({ company: 'DEMOCO', reviewer: 'not given', auditedAt: '2025-03-14T10:30:00+01:00', extension: { version: '0.1.0' } });
  });

  it('writes the reviewer the popup stored, and keeps the audit in the company’s history', async () => {
    spyDownloads();
    await reviewerItem.setValue('Dana Reviewer');
    await exported(exportMessage(), contentScript());
    const history = parseHistory(await auditHistoryItem.getValue());
    expect(auditsOf(history, 'DEMOCO')).toEqual([
      expect.objectContaining({ id: AUDIT_ID, reviewer: 'Dana Reviewer', subject: { kind: 'role', name: 'Expensify' }, view: 'permissions-window', rights: [ACCOUNTS], summary: '1 wrong' }),
    ]);
    // The same audit exported twice is still one audit.
    await exported(exportMessage(), contentScript());
    expect(auditsOf(parseHistory(await auditHistoryItem.getValue()), 'DEMOCO')).toHaveLength(1);
  });

  it('names the company of a Permissions window opened on its own: from the tab that opened it, else the last one seen', async () => {
    const download = spyDownloads();
    const window = contentScript({ tab: { ...tab(9, 0, INTACCT_PAGE), openerTabId: 4 } as Browser.tabs.Tab });
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async () => tab(4, 2, 'https://www-p02.intacct.com/ia/acct/frameset.phtml?.sess=demo&.cc=OPENERCO'));
    await exported(exportMessage({ company: '' }), window);
    expect(JSON.parse(files(download)['audit.json'] ?? '{}')).toMatchObject({ company: 'OPENERCO' });

    download.mockClear();
    await lastCompanyItem.setValue('LASTCO');
    await exported(exportMessage({ company: '' }), contentScript({ tab: tab(9, 0, INTACCT_PAGE) }));
    expect(JSON.parse(files(download)['audit.json'] ?? '{}')).toMatchObject({ company: 'LASTCO' });
  });

  it('compares with an earlier audit of the history: exactly what changed, in its own pack', async () => {
    const download = spyDownloads();
    await exported(exportMessage(), contentScript());
    download.mockClear();
    const now = { ...ACCOUNTS, rights: ['List', 'View', 'Delete'] };
    const reply = await exported(exportMessage({ mode: 'compare', auditId: 'a1b2c3d4-0000-4000-8000-000000000002', baselineId: AUDIT_ID }, [now]), contentScript());
    expect(reply).toMatchObject({ ok: true, folder: expect.stringMatching(/^intacct-audit-changes-DEMOCO-/) });
    const json = JSON.parse(files(download)['audit.json'] ?? '{}') as { kind: string; comparison: { line: string; changes: unknown[]; baseline: { auditId: string } } };
    expect(json.kind).toBe('compare');
    expect(json.comparison.baseline.auditId).toBe(AUDIT_ID);
    expect(json.comparison.line).toBe('1 changed');
    expect(json.comparison.changes).toEqual([{ module: 'General Ledger', object: 'Accounts', change: 'changed', before: ['List', 'View'], after: ['List', 'View', 'Delete'], added: ['Delete'], removed: [] }]);
    expect(files(download)['audit.csv']).toContain('Delete added');
    // A comparison is not an audit of its own.
    expect(auditsOf(parseHistory(await auditHistoryItem.getValue()), 'DEMOCO')).toHaveLength(1);
  });

  it('says so when the audit to compare with is gone, and saves nothing', async () => {
    const download = spyDownloads();
    const reply = await exported(exportMessage({ mode: 'compare', baselineId: 'ffffffff-0000-4000-8000-000000000000' }), contentScript());
    expect(reply).toMatchObject({ ok: false, message: expect.stringContaining('no longer in this browser’s history') });
    expect(download).not.toHaveBeenCalled();
  });

  it('takes the whole-user audit from the popup only, and a page audit from the overlay only', async () => {
    const download = spyDownloads();
    const api = exportMessage({ view: 'api', method: 'getUserPermissions', subject: { kind: 'user', name: 'xmlgateway_expensify' } });
    expect(handleExportAudit(api, contentScript(), DEPS)).toBeUndefined();
    expect(handleExportAudit(exportMessage(), POPUP(), DEPS)).toBeUndefined();
    expect(download).not.toHaveBeenCalled();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await exported(api, POPUP())).toMatchObject({ ok: true, folder: expect.stringMatching(/^intacct-audit-DEMOCO-user-xmlgateway_expensify-/) });
    expect(download).toHaveBeenCalledTimes(4);
    // The popup opens the report when the admin asks; the background does not take the popup's focus away.
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses a profile that is not installed, with a reason', async () => {
    const download = spyDownloads();
    expect(await exported(exportMessage({ profileId: 'gone-profile' }), contentScript())).toMatchObject({ ok: false, message: expect.stringContaining('gone-profile') });
    expect(download).not.toHaveBeenCalled();
  });

  it('ignores messages of the wrong shape', async () => {
    const download = spyDownloads();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const good = exportMessage();
    const bad: unknown[] = [
      null,
      'ish/export-audit',
      { type: 'ish/export-audit' },
      { ...good, type: 'ish/page' },
      { ...good, mode: 'delete' },
      { ...good, auditId: '../../x' },
      { ...good, auditId: 'short' },
      { ...good, view: 'email' },
      { ...good, auditedAt: -1 },
      { ...good, findings: 'all of them' },
      { ...good, findings: [{ ...good.findings[0], status: 'pwned' }] },
      { ...good, findings: [{ ...good.findings[0], subject: 42 }] },
      { ...good, findings: [{ ...good.findings[0], subject: 'x'.repeat(EXPORT_LIMITS.subject + 1) }] },
      { ...good, findings: Array.from({ length: EXPORT_LIMITS.findings + 1 }, () => good.findings[0]) },
      { ...good, rights: [{ module: 'x', object: 'y', rights: 'all' }] },
      { ...good, subject: { kind: 'admin', name: 'x' } },
      { ...good, company: 'x'.repeat(EXPORT_LIMITS.company + 1) },
      { ...good, optionValues: Object.fromEntries(Array.from({ length: EXPORT_LIMITS.options + 1 }, (_, i) => [`o${i}`, 'v'])) },
    ];
    for (const raw of bad) expect(handleExportAudit(raw, contentScript(), DEPS), JSON.stringify(raw)?.slice(0, 80)).toBeUndefined();
    expect(download).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    expect(await evidenceReportItem.getValue()).toBe('');
  });

  it('accepts a check whose field is not on the page (status not-found)', async () => {
    spyDownloads();
    const message = toExportMessage(request(), [findingOf(), { ...findingOf({ id: 'field:x' }), status: 'not-found' } as unknown as Finding], [ACCOUNTS]);
    expect(await exported(message, contentScript())).toMatchObject({ ok: true });
    expect(auditsOf(parseHistory(await auditHistoryItem.getValue()), 'DEMOCO')[0]?.summary).toBe('1 wrong, 1 not found on the page');
  });

  it('ignores exports from another extension, from a page that is not Intacct, and from outside a tab', async () => {
    const download = spyDownloads();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const senders: Browser.runtime.MessageSender[] = [
      contentScript({ id: 'another-extension-id' }),
      contentScript({ id: undefined }),
      contentScript({ tab: undefined }),
      ...NOT_INTACCT.map((url) => contentScript({ url })),
      // Our own report page is not where an audit comes from.
      contentScript({ url: fakeBrowser.runtime.getURL('/report.html') }),
    ];
    for (const sender of senders) expect(handleExportAudit(exportMessage(), sender, DEPS), JSON.stringify(sender)).toBeUndefined();
    expect(download).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps only the documented fields: nothing extra a message carries reaches a file, the report or the history', async () => {
    const download = spyDownloads();
    const message = exportMessage();
    const padded = {
      ...message,
      password: 'top-secret-1',
      subject: { ...message.subject, senderPassword: 'top-secret-2' },
      findings: [{ ...message.findings[0], userPassword: 'top-secret-3', target: { outerHTML: 'top-secret-4' } }],
      rights: [{ ...ACCOUNTS, sessionId: 'top-secret-5' }],
    };
    expect(await exported(padded, contentScript())).toMatchObject({ ok: true });
    const written =
      download.mock.calls.map(([o]) => decodeDataUrl(o.url)).join('\n') + (await evidenceReportItem.getValue()) + JSON.stringify(await auditHistoryItem.getValue());
    expect(written).not.toMatch(/top-secret/);
  });
});

describe('the export message the overlay sends', () => {
  it('passes the schema even when page text runs past every cap, so a long name never voids an export', () => {
    const long = LONG_TEXT.repeat(3);
    const message = toExportMessage(
      request({ company: long, subject: { kind: 'role', name: long }, pageKind: long, note: long, optionValues: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`${i}${long}`, long])) }),
      [findingOf({ id: long, subject: long, found: long, expected: long, message: long, fix: long, group: long })],
      [{ module: long, object: long, rights: Array.from({ length: 80 }, () => long) }],
    );
    expect(ExportAuditSchema.safeParse(message).success).toBe(true);
    expect(message.findings[0]?.subject.startsWith(LONG_TEXT.slice(0, 100))).toBe(true);
    expect(message.findings[0]?.subject.endsWith('…')).toBe(true);
  });

  it('carries no page element and only the documented finding fields', () => {
    const target = document.createElement('input');
    target.value = 'hunter2';
    const extra = { ...findingOf({ target, stepId: 'roles' }), password: 'hunter2' } as Finding;
    const message = toExportMessage(request(), [extra], []);
    expect(Object.keys(message.findings[0] ?? {}).sort()).toEqual(['expected', 'fix', 'found', 'group', 'id', 'message', 'status', 'stepId', 'subject']);
    expect(JSON.stringify(message)).not.toContain('hunter2');
  });

  it('never cuts between the halves of a surrogate pair (a lone half cannot go into a data: URL)', () => {
    const emoji = '😀'.repeat(50);
    for (let max = 2; max < 30; max++) {
      const clipped = clipText(emoji, max);
      expect(clipped.length).toBeLessThanOrEqual(max);
      expect(() => encodeURIComponent(clipped)).not.toThrow();
    }
    expect(() => dataUrl('application/json', clipText(`a${emoji}`, 10))).not.toThrow();
  });
});

// ---- the popup's messages ---------------------------------------------------------------------------------

describe('connection checks (the popup → the background)', () => {
  const message = {
    type: 'ish/check-permissions',
    profileId: 'expensify',
    options: {},
    companyId: 'DEMOCO',
    senderPassword: 'x',
  };

  it('are not taken from a content script, even ours on an Intacct page', () => {
    expect(handleConnectionMessage(message, contentScript())).toBeUndefined();
    expect(handleConnectionMessage(message, { id: fakeBrowser.runtime.id, url: 'https://evil.example/popup.html' })).toBeUndefined();
  });

  it('ignore prototype keys in the options record', () => {
    const hostile = JSON.parse('{"type":"ish/check-permissions","profileId":"expensify","options":{"__proto__":{"polluted":"yes"}},"companyId":"DEMOCO","senderPassword":"x"}') as unknown;
    handleConnectionMessage(hostile, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the company a page report names', () => {
  it('is not taken from another extension', async () => {
    rememberCompany(frameReport(), contentScript({ id: 'another-extension-id' }));
    rememberCompany(frameReport(), contentScript({ url: 'https://www-p02.intacct.com.evil.example/?.cc=EVIL', tab: tab(4, 2, 'https://evil.example/?.cc=EVIL') }));
    rememberCompany({ type: 'ish/page', kind: 'nope', url: INTACCT_PAGE }, contentScript());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await lastCompanyItem.getValue()).toBeNull();
  });
});

describe('what a page script pressing Export audit can still cause (issue 15)', () => {
  /** A throttle on a clock the test moves. */
  function clocked(): { deps: ExportDeps; advance: (ms: number) => void } {
    let at = 1_000_000;
    return { deps: { ...DEPS, throttle: new ExportThrottle(EXPORT_INTERVAL_MS, () => at) }, advance: (ms) => (at += ms) };
  }

  it('one export per tab every few seconds: five presses at once save one pack', async () => {
    const download = spyDownloads();
    const { deps, advance } = clocked();
    const replies = await Promise.all(Array.from({ length: 5 }, () => handleExportAudit(exportMessage(), contentScript(), deps)));
    expect(replies.filter((r) => r?.ok)).toHaveLength(1);
    expect(replies.filter((r) => r && !r.ok).map((r) => r && !r.ok && r.message)).toEqual(
      Array(4).fill('This was exported from this tab moments ago; one export every 5 seconds. Try again in 5 seconds.'),
    );
    expect(download).toHaveBeenCalledTimes(4);

    advance(EXPORT_INTERVAL_MS - 1);
    expect(await handleExportAudit(exportMessage(), contentScript(), deps)).toMatchObject({ ok: false, message: expect.stringContaining('Try again in 1 second.') });
    // Another tab has a turn of its own, and so has a comparison right after the audit.
    expect(await handleExportAudit(exportMessage(), contentScript({ tab: tab(5, 0) }), deps)).toMatchObject({ ok: true });
    const compare = exportMessage({ mode: 'compare', auditId: 'a1b2c3d4-0000-4000-8000-000000000002', baselineId: AUDIT_ID });
    expect(await handleExportAudit(compare, contentScript(), deps)).toMatchObject({ ok: true });
    expect(await handleExportAudit(compare, contentScript(), deps)).toMatchObject({ ok: false });
    advance(1);
    expect(await handleExportAudit(exportMessage(), contentScript(), deps)).toMatchObject({ ok: true });
    expect(download).toHaveBeenCalledTimes(16);
  });

  it('leaves the popup’s exports alone: a page script cannot reach the popup', async () => {
    spyDownloads();
    const { deps } = clocked();
    const api = exportMessage({ view: 'api', method: 'getUserPermissions', subject: { kind: 'user', name: 'xmlgateway_expensify' } });
    for (let i = 0; i < 3; i++) expect(await handleExportAudit(api, POPUP(), deps)).toMatchObject({ ok: true });
  });

  it('reuses one report tab for every export, and opens a new one only when that one is gone', async () => {
    spyDownloads();
    const { deps, advance } = clocked();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const update = vi.fn(async (id: number, _props: Browser.tabs.UpdateProperties) => ({ id }) as Browser.tabs.Tab);
    (fakeBrowser.tabs as unknown as { update: typeof update }).update = update;
    (fakeBrowser.windows as unknown as { update: () => Promise<unknown> }).update = async () => ({});

    await handleExportAudit(exportMessage(), contentScript(), deps);
    expect(create).toHaveBeenCalledTimes(1);
    const reportTab = await reportTabItem.getValue();
    expect(reportTab).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      advance(EXPORT_INTERVAL_MS);
      await handleExportAudit(exportMessage({ auditId: `a1b2c3d4-0000-4000-8000-00000000001${i}` }), contentScript(), deps);
    }
    expect(create).toHaveBeenCalledTimes(1);
    expect(update.mock.calls.map(([id, props]) => [id, props])).toEqual(Array(3).fill([reportTab, { active: true }]));

    // The admin closed it (the report page clears the id as it goes).
    await reportTabItem.setValue(null);
    advance(EXPORT_INTERVAL_MS);
    await handleExportAudit(exportMessage(), contentScript(), deps);
    expect(create).toHaveBeenCalledTimes(2);
  });
});

describe('an overlay a page switched off (a forged WXT start event, issue 15)', () => {
  /** Frame 3 of tab 4 recorded as the role Permissions window at INTACCT_PAGE. */
  const recorded = applyPageReport(EMPTY_FRAMES, 4, 3, 'role-permissions', INTACCT_PAGE, 1);
  const LOST = { type: 'ish/overlay-lost' };

  function deps(frames: RecognizedFrames = recorded, budget = new RevivalBudget()) {
    const shown: Array<[number, number]> = [];
    return { shown, deps: { frames: async () => frames, showOverlay: (t: number, f: number) => shown.push([t, f]), budget } };
  }

  it('injects the overlay again into that frame while it is still the setup page the detector reported', async () => {
    const { shown, deps: d } = deps();
    expect(await handleOverlayLost(LOST, contentScript(), d)).toBe(true);
    expect(shown).toEqual([[4, 3]]);
  });

  it('not into a frame that is no longer a setup page, nor one that moved to another page', async () => {
    const gone = deps(applyPageReport(recorded, 4, 3, null, INTACCT_PAGE, 2));
    expect(await handleOverlayLost(LOST, contentScript(), gone.deps)).toBe(false);
    const moved = deps();
    expect(await handleOverlayLost(LOST, contentScript({ url: 'https://www-p02.intacct.com/ia/acct/lister.phtml?.op=1' }), moved.deps)).toBe(false);
    const otherFrame = deps();
    expect(await handleOverlayLost(LOST, contentScript({ frameId: 5 }), otherFrame.deps)).toBe(false);
    expect([...gone.shown, ...moved.shown, ...otherFrame.shown]).toEqual([]);
  });

  it('only for our own overlay on an Intacct page, and only for its own message', async () => {
    const { shown, deps: d } = deps();
    for (const sender of [contentScript({ id: 'another-extension-id' }), contentScript({ url: 'https://evil.example/ia/acct/x' }), contentScript({ tab: undefined }), contentScript({ frameId: undefined })]) {
      expect(await handleOverlayLost(LOST, sender, d)).toBe(false);
    }
    for (const raw of [null, 'ish/overlay-lost', { type: 'ish/overlay-lost', frameId: 0 }, { type: 'ish/page' }, frameReport()]) {
      expect(await handleOverlayLost(raw, contentScript(), d)).toBe(false);
    }
    expect(shown).toEqual([]);
  });

  it(`a page that keeps forging gets the overlay back ${MAX_REVIVALS} times, then no more until the frame reports its page again`, async () => {
    const budget = new RevivalBudget();
    const { shown, deps: d } = deps(recorded, budget);
    for (let i = 0; i < 10; i++) await handleOverlayLost(LOST, contentScript(), d);
    expect(shown).toHaveLength(MAX_REVIVALS);
    // Another frame of the tab has its own budget.
    const elsewhere = deps(applyPageReport(recorded, 4, 7, 'role-permissions', INTACCT_PAGE, 1), budget);
    expect(await handleOverlayLost(LOST, contentScript({ frameId: 7 }), elsewhere.deps)).toBe(true);
    budget.reset(4, 3);
    expect(await handleOverlayLost(LOST, contentScript(), d)).toBe(true);
    budget.forgetTab(4);
    for (let i = 0; i < MAX_REVIVALS; i++) expect(await handleOverlayLost(LOST, contentScript({ frameId: 7 }), elsewhere.deps)).toBe(true);
  });
});

