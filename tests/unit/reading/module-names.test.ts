import { describe, expect, it } from 'vitest';
import { modulesOf, rightsChanges } from '@/utils/audit/drift';
import { findRule } from '@/utils/audit/permission-words';
import { auditCompanySubscriptions } from '@/utils/audit/subscriptions';
import { auditUserPermissions } from '@/utils/audit/user-permissions';
import { lastAuditOf, withAudit, type AuditRecord } from '@/utils/audit/history';
import { objectsForRule } from '@/utils/intacct/module-objects';
import { isKnownApplication } from '@/utils/pages/applications';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { requiredPermissions } from '@/utils/profiles/registry';
import { nameSlug, normalizeName } from '@/utils/reading/text';

// One normalizer for application and module names (utils/reading/text.ts): every place that compares them
// — the page audit, the company Subscriptions audit, the whole-user audit, the objects the permission check
// reads, the page detectors' application list, the audit history and the drift — takes these spellings of
// Time & Expenses as one name.
const SPELLINGS = ['Time & Expenses', 'Time and Expenses', 'time  &  expenses', 'TIME&EXPENSES', 'Time & Expenses:', 'Ｔime ＆ Expenses'];

const EXPENSE_REPORTS = requiredPermissions(EXPENSIFY_PROFILE, { export: 'expense-reports' });

function record(id: string, module: string): AuditRecord {
  return {
    id,
    at: 1_700_000_000_000,
    reviewer: '',
    subject: { kind: 'role', name: 'Expensify' },
    profileId: 'expensify',
    view: 'permissions-window',
    summary: '',
    counts: { ok: 0, missing: 0, wrong: 0, excess: 0, 'not-found': 0 },
    rights: [{ module, object: 'Expense reports', rights: ['List'] }],
  };
}

describe.each(SPELLINGS)('“%s” is Time & Expenses everywhere', (spelling) => {
  it('in the one normalizer and in finding ids', () => {
    expect(normalizeName(spelling)).toBe('time & expenses');
    expect(nameSlug(spelling)).toBe('time-and-expenses');
  });

  it('in the page audit’s rules', () => {
    expect(findRule(EXPENSE_REPORTS, spelling)?.module).toBe('Time & Expenses');
  });

  it('in the company Subscriptions audit', () => {
    const control = document.createElement('input');
    const [finding] = auditCompanySubscriptions([{ application: spelling, subscribed: true, control }], [{ name: 'Time & Expenses', why: '' }]);
    expect(finding?.status).toBe('ok');
  });

  it('in the whole-user audit', () => {
    const findings = auditUserPermissions(EXPENSIFY_PROFILE, EXPENSE_REPORTS, [
      { application: spelling, policies: [{ name: 'My Expenses', rights: ['List', 'View', 'Add', 'Edit', 'Delete'] }] },
    ]);
    expect(findings.find((f) => f.subject === 'Time & Expenses')?.status).not.toBe('missing');
    expect(findings.some((f) => f.status === 'excess')).toBe(false);
  });

  it('in the objects the permission check reads', () => {
    expect(objectsForRule({ module: spelling, aliases: [], access: 'all', why: '' } as never)).toContain('EEXPENSES');
  });

  it('in the detectors’ list of applications', () => {
    expect(isKnownApplication(spelling)).toBe(true);
  });

  it('in the audit history and the drift', () => {
    const earlier = record('00000000-0000-4000-8000-000000000001', 'Time & Expenses');
    const now = record('00000000-0000-4000-8000-000000000002', spelling);
    const h = withAudit({}, 'DEMOCO', earlier);
    expect(lastAuditOf(h, 'DEMOCO', { subject: now.subject, view: now.view, rights: now.rights })?.id).toBe(earlier.id);
    expect(rightsChanges(earlier.rights, now.rights, modulesOf(now.rights))).toEqual([]);
  });
});

describe('the one normalizer keeps other names apart', () => {
  it('does not cut "and" out of words, and slugs what is left of a name of marks only as "x"', () => {
    expect(normalizeName('Sandy Brand')).toBe('sandy brand');
    expect(normalizeName('Accounts Payable')).not.toBe(normalizeName('Accounts Receivable'));
    expect(nameSlug('General Ledger')).toBe('general-ledger');
    expect(nameSlug('Activities and lists')).toBe('activities-and-lists');
    expect(nameSlug('*')).toBe('x');
  });
});
