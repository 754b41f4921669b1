import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Finding } from '@/utils/audit/finding';
import { handleConnectionMessage, rememberCompany } from '@/utils/background/connection';
import { auditReportItem, handleExportAudit } from '@/utils/export/audit-download';
import { auditFileName, dataUrl } from '@/utils/export/audit-files';
import { isIntacctUrl } from '@/utils/hosts';
import { EXPORT_LIMITS, ExportAuditSchema, clipText, toExportMessage, type ExportAudit } from '@/utils/export/export-message';
import { handlePageReport, type PageReportDeps } from '@/utils/messages/page-handler';
import { EMPTY_FRAMES, withoutQuery, type RecognizedFrames } from '@/utils/storage/frames';
import { lastCompanyItem } from '@/utils/storage/connection';
import type { AuditMeta } from '@/utils/export/audit-export';
import { IMG_PAYLOAD, LONG_TEXT } from '../../fixtures/intacct/hostile/payloads';

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

type DownloadOptions = { url: string; filename: string };

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

function meta(change: Partial<AuditMeta> = {}): AuditMeta {
  return {
    company: 'DEMOCO',
    subject: { kind: 'role', name: 'Expensify' },
    integration: 'Expensify',
    options: [{ label: 'Out-of-pocket expenses exported as', value: 'Expense reports' }],
    date: '2025-03-14T09:30:00.000Z',
    pageKind: 'role-permissions',
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

function exportMessage(change: Partial<ExportAudit> = {}): ExportAudit {
  return { ...toExportMessage(meta(), [findingOf()]), ...change };
}

function decodeDataUrl(url: string): string {
  return decodeURIComponent(url.slice(url.indexOf(',') + 1));
}

describe('audit exports (the overlay → the background)', () => {
  it('saves the JSON and the CSV and opens the report next to the Intacct tab', async () => {
    const download = spyDownloads();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await handleExportAudit(exportMessage(), contentScript())).toBe(true);
    expect(download).toHaveBeenCalledTimes(2);
    expect(download.mock.calls.map(([o]) => o.filename)).toEqual([
      'intacct-audit-DEMOCO-role-Expensify-2025-03-14.json',
      'intacct-audit-DEMOCO-role-Expensify-2025-03-14.csv',
    ]);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/report.html'), index: 3 });
    expect(await auditReportItem.getValue()).toContain('General Ledger › Accounts');
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
      { ...good, findings: 'all of them' },
      { ...good, findings: [{ ...good.findings[0], status: 'pwned' }] },
      { ...good, findings: [{ ...good.findings[0], subject: 42 }] },
      { ...good, findings: [{ ...good.findings[0], subject: 'x'.repeat(EXPORT_LIMITS.subject + 1) }] },
      { ...good, findings: Array.from({ length: EXPORT_LIMITS.findings + 1 }, () => good.findings[0]) },
      { ...good, meta: { ...good.meta, subject: { kind: 'admin', name: 'x' } } },
      { ...good, meta: { ...good.meta, company: 'x'.repeat(EXPORT_LIMITS.company + 1) } },
      { ...good, meta: { ...good.meta, options: Array.from({ length: EXPORT_LIMITS.options + 1 }, () => ({ label: 'a', value: 'b' })) } },
    ];
    for (const raw of bad) expect(await handleExportAudit(raw, contentScript())).toBe(false);
    expect(download).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    expect(await auditReportItem.getValue()).toBe('');
  });

  it('ignores exports from another extension, from a page that is not Intacct, and from outside a tab', async () => {
    const download = spyDownloads();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const senders: Browser.runtime.MessageSender[] = [
      contentScript({ id: 'another-extension-id' }),
      contentScript({ id: undefined }),
      contentScript({ tab: undefined }),
      ...NOT_INTACCT.map((url) => contentScript({ url })),
      // Our own report or popup page is not where an audit comes from.
      contentScript({ url: fakeBrowser.runtime.getURL('/report.html') }),
    ];
    for (const sender of senders) expect(await handleExportAudit(exportMessage(), sender), JSON.stringify(sender)).toBe(false);
    expect(download).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps only the documented fields: nothing extra a message carries reaches a file or the report', async () => {
    const download = spyDownloads();
    const message = exportMessage();
    const padded = {
      ...message,
      password: 'top-secret-1',
      meta: { ...message.meta, senderPassword: 'top-secret-2' },
      findings: [{ ...message.findings[0], userPassword: 'top-secret-3', target: { outerHTML: 'top-secret-4' } }],
    };
    expect(await handleExportAudit(padded, contentScript())).toBe(true);
    const written = download.mock.calls.map(([o]) => decodeDataUrl(o.url)).join('\n') + (await auditReportItem.getValue());
    expect(written).not.toMatch(/top-secret/);
  });

  it('writes file names without path separators or other characters a file system refuses, whatever the page names', () => {
    const name = auditFileName(
      meta({ company: '../../etc/passwd', subject: { kind: 'role', name: `..\\..\\${IMG_PAYLOAD}\u0000:*?"<>|` } }),
      'json',
    );
    expect(name).toMatch(/^intacct-audit-[A-Za-z0-9._-]+\.json$/);
    expect(name).not.toMatch(/\.\.[/\\]|[/\\]/);
    expect(name.length).toBeLessThan(160);
  });
});

describe('the export message the overlay sends', () => {
  it('passes the schema even when page text runs past every cap, so a long name never voids an export', () => {
    const long = LONG_TEXT.repeat(3);
    const message = toExportMessage(
      meta({ company: long, subject: { kind: 'role', name: long }, integration: long, options: Array.from({ length: 80 }, () => ({ label: long, value: long })) }),
      [findingOf({ id: long, subject: long, found: long, expected: long, message: long, fix: long, group: long })],
    );
    expect(ExportAuditSchema.safeParse(message).success).toBe(true);
    expect(message.findings[0]?.subject.startsWith(LONG_TEXT.slice(0, 100))).toBe(true);
    expect(message.findings[0]?.subject.endsWith('…')).toBe(true);
  });

  it('carries no page element and only the documented finding fields', () => {
    const target = document.createElement('input');
    target.value = 'hunter2';
    const extra = { ...findingOf({ target, stepId: 'roles' }), password: 'hunter2' } as Finding;
    const message = toExportMessage(meta(), [extra]);
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
