import { describe, expect, it } from 'vitest';
import type { RightsRow } from '@/utils/audit/rights';
import {
  HISTORY_COMPANIES,
  HISTORY_PER_COMPANY,
  auditsOf,
  findAudit,
  lastAuditOf,
  parseHistory,
  withAudit,
  withoutCompany,
  type AuditRecord,
} from '@/utils/audit/history';

const gl: RightsRow = { module: 'General Ledger', object: 'Accounts', rights: ['List', 'View'] };
const cm: RightsRow = { module: 'Cash Management', object: 'Checking accounts', rights: ['List'] };

let n = 0;
function record(change: Partial<AuditRecord> = {}): AuditRecord {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    at: 1_700_000_000_000 + n * 1000,
    reviewer: 'Dana',
    subject: { kind: 'role', name: 'Expensify' },
    profileId: 'expensify',
    view: 'permissions-window',
    pageKind: 'role-permissions',
    summary: '1 wrong',
    counts: { ok: 1, missing: 0, wrong: 1, excess: 0, 'not-found': 0 },
    rights: [gl],
    ...change,
  };
}

describe('the audit history', () => {
  it('keeps each audit once, oldest first, per company', () => {
    const a = record();
    const b = record();
    let h = withAudit({}, 'DEMOCO', b);
    h = withAudit(h, 'DEMOCO', a);
    h = withAudit(h, 'DEMOCO', a);
    expect(auditsOf(h, 'DEMOCO').map((r) => r.id)).toEqual([a.id, b.id]);
    expect(findAudit(h, 'DEMOCO', b.id)).toEqual(b);
    expect(auditsOf(h, 'OTHER')).toEqual([]);
  });

  it('is capped: the oldest audits of a company go first, then the companies audited longest ago', () => {
    let h = {};
    for (let i = 0; i < HISTORY_PER_COMPANY + 5; i++) h = withAudit(h, 'DEMOCO', record());
    const kept = auditsOf(h, 'DEMOCO');
    expect(kept).toHaveLength(HISTORY_PER_COMPANY);
    expect(kept[kept.length - 1]?.at).toBeGreaterThan(kept[0]?.at ?? 0);
    for (let i = 0; i < HISTORY_COMPANIES; i++) h = withAudit(h, `CO${i}`, record());
    expect(Object.keys(h)).toHaveLength(HISTORY_COMPANIES);
    expect(auditsOf(h, 'DEMOCO')).toEqual([]);
  });

  it('forgets a company when the admin deletes its history', () => {
    const h = withAudit(withAudit({}, 'DEMOCO', record()), 'OTHER', record());
    expect(Object.keys(withoutCompany(h, 'DEMOCO'))).toEqual(['OTHER']);
  });

  it('drops, record by record, what no longer parses, and never keeps a key the schema does not know', () => {
    const good = record();
    const stored = { DEMOCO: [good, { ...good, id: 'x' }, { ...good, view: 'email' }, 'junk'], BAD: 'nope', ['x'.repeat(500)]: [good] };
    const parsed = parseHistory(JSON.parse(JSON.stringify({ ...stored, DEMOCO: [{ ...good, password: 'hunter2' }, ...stored.DEMOCO.slice(1)] })));
    expect(Object.keys(parsed)).toEqual(['DEMOCO']);
    expect(auditsOf(parsed, 'DEMOCO')).toEqual([good]);
    expect(JSON.stringify(parsed)).not.toContain('hunter2');
    expect(parseHistory(null)).toEqual({});
    expect(parseHistory([good])).toEqual({});
  });

  it('finds the last audit of the same role or user and view, one that saw the page’s modules', () => {
    const first = record();
    const other = record({ subject: { kind: 'role', name: 'AP Clerk' } });
    const api = record({ view: 'api', subject: { kind: 'user', name: 'xmlgateway_expensify' } });
    const cash = record({ rights: [cm] });
    const latest = record({ subject: { kind: 'role', name: 'expensify ' } });
    let h = {};
    for (const r of [first, other, api, cash, latest]) h = withAudit(h, 'DEMOCO', r);
    const role = { kind: 'role' as const, name: 'Expensify' };
    expect(lastAuditOf(h, 'DEMOCO', { subject: role, view: 'permissions-window' })?.id).toBe(latest.id);
    expect(lastAuditOf(h, 'DEMOCO', { subject: role, view: 'permissions-window', exceptId: latest.id })?.id).toBe(cash.id);
    expect(lastAuditOf(h, 'DEMOCO', { subject: role, view: 'permissions-window', rights: [cm] })?.id).toBe(cash.id);
    expect(lastAuditOf(h, 'DEMOCO', { subject: { kind: 'user', name: 'xmlgateway_expensify' }, view: 'api' })?.id).toBe(api.id);
    expect(lastAuditOf(h, 'DEMOCO', { subject: role, view: 'subscriptions' })).toBeUndefined();
    expect(lastAuditOf(h, 'DEMOCO', { subject: null, view: 'permissions-window' })).toBeUndefined();
    expect(lastAuditOf(h, 'OTHER', { subject: role, view: 'permissions-window' })).toBeUndefined();
  });
});
