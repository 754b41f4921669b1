import { describe, expect, it } from 'vitest';
import { modulesOf, rightsChanges } from '@/utils/audit/drift';
import type { RightsRow } from '@/utils/audit/rights';
import { lastAuditOf, withAudit, type AuditHistory, type AuditRecord } from '@/utils/audit/history';

// Issue 22: the audit history and the drift comparison used two different module-name normalizers, so an
// earlier audit that read "Time and Expenses" was not found for a page saying "Time & Expenses", while the
// drift comparison called the two the same module. One normalizer (utils/reading/text.ts) serves both.

function record(id: string, at: number, rights: RightsRow[]): AuditRecord {
  return {
    id,
    at,
    reviewer: 'Dana',
    subject: { kind: 'role', name: 'Expensify' },
    profileId: 'expensify',
    view: 'permissions-window',
    pageKind: 'role-permissions',
    summary: '',
    counts: { ok: 1, missing: 0, wrong: 0, excess: 0, 'not-found': 0 },
    rights,
  };
}

const earlierRights: RightsRow[] = [{ module: 'Time and Expenses', object: 'Expense reports', rights: ['List', 'View'] }];
const currentRights: RightsRow[] = [{ module: 'Time & Expenses', object: 'Expense reports', rights: ['List', 'View', 'Add'] }];

describe('“Time and Expenses” and “Time & Expenses” are one module in the history and in the drift', () => {
  const earlier = record('00000000-0000-4000-8000-000000000001', 1_700_000_000_000, earlierRights);
  const current = record('00000000-0000-4000-8000-000000000002', 1_700_000_100_000, currentRights);
  // The earlier audit as storage holds it: written before this version, loaded back as it was.
  const stored: AuditHistory = withAudit({}, 'DEMOCO', earlier);

  it('the history finds the earlier audit of the same module written the other way', () => {
    const found = lastAuditOf(withAudit(stored, 'DEMOCO', current), 'DEMOCO', {
      subject: { kind: 'role', name: 'Expensify' },
      view: 'permissions-window',
      exceptId: current.id,
      rights: current.rights,
    });
    expect(found?.id).toBe(earlier.id);
  });

  it('the drift compares them as the same module: one right added, nothing removed', () => {
    const changes = rightsChanges(earlierRights, currentRights, modulesOf(currentRights));
    expect(changes).toEqual([
      expect.objectContaining({ module: 'Time & Expenses', object: 'Expense reports', change: 'changed', added: ['Add'], removed: [] }),
    ]);
  });

  it('and either way round', () => {
    const found = lastAuditOf(withAudit({}, 'DEMOCO', current), 'DEMOCO', {
      subject: { kind: 'role', name: 'Expensify' },
      view: 'permissions-window',
      rights: earlierRights,
    });
    expect(found?.id).toBe(current.id);
    expect(rightsChanges(currentRights, earlierRights, modulesOf(earlierRights))).toHaveLength(1);
  });
});
