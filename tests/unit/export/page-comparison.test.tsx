import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageComparison } from '@/components/popup/PageComparison';
import { toExportMessage } from '@/utils/messages/export-audit';
import { withAudit, type AuditRecord } from '@/utils/audit/history';
import { comparisonOf, type PageComparison as Comparison } from '@/utils/export/page-comparison';
import { type ShowComparison } from '@/utils/messages/protocol';
import { handleShowComparison } from '@/utils/background/show-comparison';
import { auditHistoryItem } from '@/utils/storage/evidence';
import { pageComparisonItem } from '@/utils/storage/session-items';

// Issue 23: "Compare with last audit" on a page shows the earlier audit in the popup, never in the page's
// DOM. The background keeps only a request from our overlay on an Intacct page; the popup shows it.

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const EARLIER = Date.UTC(2025, 10, 3, 12, 0);
const BASELINE_ID = 'b0000000-0000-4000-8000-000000000001';

const baseline: AuditRecord = {
  id: BASELINE_ID,
  at: EARLIER,
  reviewer: 'Sam Earlier',
  subject: { kind: 'role', name: 'Expensify' },
  profileId: 'expensify',
  view: 'permissions-window',
  summary: '1 wrong',
  counts: { ok: 1, missing: 0, wrong: 1, excess: 0, 'not-found': 0 },
  rights: [{ module: 'General Ledger', object: 'Accounts', rights: ['List', 'View'] }],
};

function request(company = 'DEMOCO'): ShowComparison {
  const message = toExportMessage(
    { mode: 'compare', auditId: 'c0000000-0000-4000-8000-000000000002', baselineId: BASELINE_ID, company, subject: { kind: 'role', name: 'Expensify' }, profileId: 'expensify', optionValues: {}, view: 'permissions-window', pageKind: 'role-permissions', auditedAt: NOW, note: '' },
    [],
    [{ module: 'General Ledger', object: 'Accounts', rights: ['List', 'View', 'Add'] }],
  );
  return { ...message, type: 'ish/show-comparison', mode: 'compare', baselineId: BASELINE_ID };
}

const INTACCT_PAGE = 'https://www-p02.intacct.com/ia/acct/editor.phtml?.op=3823&.it=rolepolicy&.sess=demo';
const overlay = (change: Partial<Browser.runtime.MessageSender> = {}): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: INTACCT_PAGE,
  tab: { id: 4, index: 2, url: 'https://www-p02.intacct.com/ia/acct/frameset.phtml?.sess=demo&.cc=DEMOCO' } as Browser.tabs.Tab,
  frameId: 3,
  ...change,
});

beforeEach(() => fakeBrowser.reset());

describe('the background and a comparison asked for on a page', () => {
  it('keeps one from our overlay on an Intacct page for the popup', async () => {
    const keep = vi.fn(async (_c: Comparison) => {});
    expect(await handleShowComparison(request(), overlay(), { keep, now: () => NOW })).toEqual({ ok: true });
    expect(keep).toHaveBeenCalledWith({ request: request(), at: NOW });
  });

  it('answers nothing to another extension, a page that is not Intacct, a popup or a malformed message', () => {
    const keep = vi.fn(async (_c: Comparison) => {});
    expect(handleShowComparison(request(), overlay({ id: 'someone-else' }), { keep })).toBeUndefined();
    expect(handleShowComparison(request(), overlay({ url: 'https://evil.example/?.intacct.com' }), { keep })).toBeUndefined();
    expect(handleShowComparison(request(), { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }, { keep })).toBeUndefined();
    expect(handleShowComparison({ ...request(), baselineId: undefined }, overlay(), { keep })).toBeUndefined();
    expect(handleShowComparison({ ...request(), type: 'ish/export-audit' }, overlay(), { keep })).toBeUndefined();
    expect(keep).not.toHaveBeenCalled();
  });

  it('finds the earlier audit in the company the request names, and nothing in another', () => {
    const history = withAudit({}, 'DEMOCO', baseline);
    const found = comparisonOf({ request: request(), at: NOW }, history);
    expect(found?.changes).toEqual([
      { module: 'General Ledger', object: 'Accounts', change: 'changed', before: ['List', 'View'], after: ['List', 'View', 'Add'], added: ['Add'], removed: [] },
    ]);
    expect(comparisonOf({ request: request('OTHERCO'), at: NOW }, history)).toBeNull();
  });
});

describe('the popup’s page comparison', () => {
  let host: HTMLElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('lists what changed since the earlier audit and who reviewed it, and can be cleared', async () => {
    await auditHistoryItem.setValue(withAudit({}, 'DEMOCO', baseline));
    await pageComparisonItem.setValue({ request: request(), at: NOW });
    await act(async () => root.render(<PageComparison now={() => NOW} />));
    await vi.waitFor(() => expect(host.querySelector('[data-testid="ish-change"]')).not.toBeNull());
    expect(host.querySelector('[data-testid="ish-change"]')?.textContent).toBe('General Ledger › Accounts: Add added');
    expect(host.textContent).toContain('role “Expensify” in DEMOCO, since your audit of 3 Nov 2025 (reviewed by Sam Earlier): 1 changed.');
    await act(async () => (host.querySelector('[data-testid="ish-page-comparison-clear"]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(host.querySelector('[data-testid="ish-page-comparison"]')).toBeNull());
  });
});
