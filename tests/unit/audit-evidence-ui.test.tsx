import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverlayApp } from '@/components/overlay/OverlayApp';
import { UserAudit } from '@/components/popup/UserAudit';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import type { CheckPermissionsReply } from '@/utils/messages/protocol';
import type { ExportAudit } from '@/utils/messages/export-audit';
import type { ExportReply } from '@/utils/messages/protocol';
import type { ShowComparison, ShowComparisonReply } from '@/utils/messages/protocol';
import { withAudit, type AuditRecord } from '@/utils/audit/history';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { fixtureHtml, parseHtml } from './pages/load-fixture';
import { LayoutFree } from './layout-free';
import { trustedClick } from './trusted-click';

// What the admin sees of the evidence: the overlay's Export audit and its "changed since your audit of …",
// and the popup's whole-user audit with Export evidence and Compare with last audit.

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

const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const allByTestId = (id: string) => [...host.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
// The admin's own click: the overlay's Export ignores a page script's untrusted one.
async function click(id: string): Promise<void> {
  await act(async () => trustedClick(byTestId(id)));
}

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const EARLIER = Date.UTC(2025, 10, 3, 12, 0);
const SAVED: ExportReply = { ok: true, folder: 'intacct-audit-DEMOCO-role-Expensify-2026-11-25-120000', files: ['audit.json', 'audit.csv', 'report.html', 'SHA256SUMS'], jsonDigest: 'a'.repeat(64) };

function record(change: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: 'b0000000-0000-4000-8000-000000000001',
    at: EARLIER,
    reviewer: 'Sam Earlier',
    subject: { kind: 'role', name: 'Expensify' },
    profileId: 'expensify',
    view: 'permissions-window',
    summary: '10 wrong',
    counts: { ok: 6, missing: 0, wrong: 10, excess: 0, 'not-found': 0 },
    // What the demo window grants today, except that Accounts had no Edit yet.
    rights: createPermissionsAudit(parseHtml(fixtureHtml('role-permissions')), EXPENSIFY_PROFILE, {})
      .rights()
      .map((r) => (r.object === 'Accounts' ? { ...r, rights: ['List', 'View', 'Add'] } : r)),
    ...change,
  };
}

function renderOverlay(
  history = withAudit({}, 'DEMOCO', record()),
  onExport = vi.fn(async (_m: ExportAudit) => SAVED),
  onCompare = vi.fn(async (_m: ShowComparison): Promise<ShowComparisonReply> => ({ ok: true })),
  companyId = 'DEMOCO',
) {
  const doc = parseHtml(fixtureHtml('role-permissions'));
  act(() =>
    root.render(
      <LayoutFree>
        <OverlayApp
          doc={doc}
          kind="role-permissions"
          selection={{ profileId: 'expensify', options: {} }}
          domVersion={0}
          companyId={companyId}
          history={history}
          reviewer="Dana Reviewer"
          onExport={onExport}
          onCompare={onCompare}
          now={() => NOW}
        />
      </LayoutFree>,
    ),
  );
  return { onExport, onCompare, doc };
}

describe('the overlay on a permissions page', () => {
  it('says that the rights changed since the last audit of this role, and shows the comparison in the popup, not on the page', async () => {
    const { onCompare } = renderOverlay();
    expect(byTestId('ish-drift')?.textContent).toBe('Changed since your audit of 3 Nov 2025: 1 changed.');
    // A page script's click reaches nothing.
    await act(async () => byTestId('ish-compare')?.click());
    expect(onCompare).not.toHaveBeenCalled();
    await click('ish-compare');
    expect(onCompare.mock.calls[0]?.[0]).toMatchObject({ type: 'ish/show-comparison', mode: 'compare', baselineId: 'b0000000-0000-4000-8000-000000000001', company: 'DEMOCO', subject: { kind: 'role', name: 'Expensify' } });
    expect(byTestId('ish-compare-result')?.textContent).toBe('The comparison with your audit of 3 Nov 2025 is in the helper’s popup: click the helper’s toolbar button, then Audit.');
    expect(byTestId('ish-changes')).toBeNull();
    expect(host.textContent).not.toContain('Sam Earlier');
    expect(host.textContent).not.toContain('Edit added');
  });

  it('puts no earlier audit of another company into a page that claims that company’s ID', async () => {
    renderOverlay(withAudit({}, 'OTHERCO', record({ reviewer: 'Other Reviewer' })), undefined, undefined, 'OTHERCO');
    await click('ish-compare');
    const said = `${host.textContent ?? ''} ${Array.from(host.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes, (a) => a.value)).join(' ')}`;
    // What the page may learn is the line it shows; the earlier rights and their reviewer stay out.
    expect(byTestId('ish-drift')?.textContent).toBe('Changed since your audit of 3 Nov 2025: 1 changed.');
    expect(said).not.toContain('Other Reviewer');
    expect(said).not.toContain('Edit added');
    expect(said).not.toContain('10 wrong');
  });

  it('says nothing of a last audit of another role, or of another company', () => {
    renderOverlay(withAudit({}, 'DEMOCO', record({ subject: { kind: 'role', name: 'AP Clerk' } })));
    expect(byTestId('ish-drift')).toBeNull();
    expect(byTestId('ish-compare')).toBeNull();
    act(() => root.unmount());
    root = createRoot(host);
    renderOverlay(withAudit({}, 'OTHERCO', record()));
    expect(byTestId('ish-drift')).toBeNull();
  });

  it('exports the audit with what the page grants, and says where the pack went', async () => {
    const { onExport } = renderOverlay();
    expect(byTestId('ish-export')?.parentElement?.textContent).toContain('Reviewer: Dana Reviewer.');
    await click('ish-export');
    const message = onExport.mock.calls[0]?.[0];
    expect(message).toMatchObject({ type: 'ish/export-audit', mode: 'audit', company: 'DEMOCO', subject: { kind: 'role', name: 'Expensify' }, profileId: 'expensify', view: 'permissions-window', pageKind: 'role-permissions', auditedAt: NOW });
    expect(message?.rights).toContainEqual({ module: 'General Ledger', object: 'Accounts', rights: ['List', 'View', 'Add', 'Edit'] });
    expect(message?.findings.length).toBeGreaterThan(5);
    expect(byTestId('ish-export-result')?.textContent).toBe(
      'Saved audit.json, audit.csv, report.html, SHA256SUMS to Downloads/intacct-audit-DEMOCO-role-Expensify-2026-11-25-120000/ and opened the report.',
    );
  });

  it('exports the comparison against the audit it compares with, and shows a refusal as the background words it', async () => {
    const onExport = vi.fn(async (_m: ExportAudit): Promise<ExportReply> => ({ ok: false, message: 'The earlier audit is no longer in this browser’s history.' }));
    renderOverlay(undefined, onExport);
    await click('ish-export-comparison');
    expect(onExport.mock.calls[0]?.[0]).toMatchObject({ mode: 'compare', baselineId: 'b0000000-0000-4000-8000-000000000001' });
    expect(byTestId('ish-export-result')?.textContent).toBe('The earlier audit is no longer in this browser’s history.');
  });
});

function audited(change: Partial<Extract<CheckPermissionsReply, { kind: 'findings' }>> = {}): Extract<CheckPermissionsReply, { kind: 'findings' }> {
  return {
    kind: 'findings',
    source: 'getUserPermissions',
    findings: [
      { id: 'perm:cash-management', subject: 'Cash Management', status: 'missing', found: 'not granted', expected: 'All', message: 'Needed.', fix: 'Grant it.', group: 'Cash Management' },
      { id: 'perm:general-ledger', subject: 'General Ledger', status: 'ok', found: 'List, View, Add', expected: 'All', message: '', fix: '', group: 'General Ledger' },
      { id: 'perm:general-ledger:accounts', subject: 'General Ledger › Accounts', status: 'ok', found: 'List, View, Add', expected: 'all rights', message: '', fix: '', group: 'General Ledger' },
    ],
    notChecked: [],
    note: '',
    rights: [{ module: 'General Ledger', object: 'Accounts', rights: ['List', 'View', 'Add'] }],
    audit: { id: 'c0000000-0000-4000-8000-000000000002', at: NOW, reviewer: 'Dana', company: 'DEMOCO', userId: 'xmlgateway_expensify' },
    baseline: { id: 'c0000000-0000-4000-8000-000000000001', at: EARLIER, reviewer: 'Sam', summary: '1 missing' },
    changes: [{ module: 'General Ledger', object: 'Accounts', change: 'changed', before: ['List', 'View'], after: ['List', 'View', 'Add'], added: ['Add'], removed: [] }],
    ...change,
  };
}

describe('the popup’s whole-user audit', () => {
  it('shows each module with its permissions, problems first, and the caveat of a role-based company', () => {
    act(() => root.render(<UserAudit reply={audited()} profile={EXPENSIFY_PROFILE} options={{ permissionModel: 'role-based' }} now={() => NOW} />));
    expect(allByTestId('ish-audit-module').map((m) => `${m.dataset.module}:${m.dataset.status}`)).toEqual(['Cash Management:missing', 'General Ledger:ok']);
    expect(byTestId('ish-audit-summary')?.textContent).toBe('Effective rights from Intacct: 1 missing.');
    expect(byTestId('ish-audit-caveats')?.textContent).toContain('This company grants rights through roles');
    expect(byTestId('ish-drift')?.textContent).toBe('Changed since your audit of 3 Nov 2025: 1 changed.');
  });

  it('exports the audit with its rights, and the comparison with the audit it compares with', async () => {
    const send = vi.fn(async (_m: ExportAudit): Promise<unknown> => SAVED);
    const openReport = vi.fn();
    act(() => root.render(<UserAudit reply={audited()} profile={EXPENSIFY_PROFILE} options={{}} send={send} openReport={openReport} now={() => NOW} />));
    await click('ish-export-evidence');
    expect(send.mock.calls[0]?.[0]).toMatchObject({
      mode: 'audit',
      auditId: 'c0000000-0000-4000-8000-000000000002',
      company: 'DEMOCO',
      subject: { kind: 'user', name: 'xmlgateway_expensify' },
      view: 'api',
      method: 'getUserPermissions',
      auditedAt: NOW,
      rights: [{ module: 'General Ledger', object: 'Accounts', rights: ['List', 'View', 'Add'] }],
    });
    expect(byTestId('ish-export-result')?.textContent).toContain('Saved audit.json, audit.csv, report.html, SHA256SUMS to Downloads/');
    await click('ish-open-report');
    expect(openReport).toHaveBeenCalledOnce();

    await click('ish-compare');
    expect(allByTestId('ish-change').map((li) => li.textContent)).toEqual(['General Ledger › Accounts: Add added']);
    await click('ish-export-comparison');
    expect(send.mock.calls[1]?.[0]).toMatchObject({ mode: 'compare', baselineId: 'c0000000-0000-4000-8000-000000000001' });
  });

  it('says when this is the first audit of the user, and offers no comparison', () => {
    act(() => root.render(<UserAudit reply={audited({ baseline: null, changes: [] })} profile={EXPENSIFY_PROFILE} options={{}} now={() => NOW} />));
    expect(byTestId('ish-drift')?.textContent).toBe('The first audit of xmlgateway_expensify kept in this browser for DEMOCO.');
    expect(byTestId('ish-compare')).toBeNull();
  });
});
