import { describe, expect, it } from 'vitest';
import { changesLine, describeChange, modulesOf, rightsChanges } from '@/utils/audit/drift';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { SUBSCRIPTION_OBJECT, type RightsRow } from '@/utils/audit/rights';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

const row = (module: string, object: string, ...rights: string[]): RightsRow => ({ module, object, rights });

describe('what a page grants, row by row', () => {
  it('reads every object of the Permissions window with its ticked rights, live as the admin clicks', () => {
    const doc = parseHtml(fixtureHtml('role-permissions'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    const accounts = () => audit.rights().find((r) => r.module === 'General Ledger' && r.object === 'Accounts');
    expect(accounts()?.rights).toEqual(['List', 'View', 'Add', 'Edit']);
    const del = doc.querySelector<HTMLInputElement>('input[aria-label="Accounts Delete"]');
    if (!del) throw new Error('the demo window has no Accounts Delete box');
    del.checked = true;
    audit.update(del);
    expect(accounts()?.rights).toEqual(['List', 'View', 'Add', 'Edit', 'Delete']);
    expect(modulesOf(audit.rights())).toEqual(['General Ledger']);
  });

  it('reads a Subscriptions page as one Subscription row per application', () => {
    const rights = createPermissionsAudit(parseHtml(fixtureHtml('role-subscriptions')), EXPENSIFY_PROFILE, {}).rights();
    expect(rights).toContainEqual({ module: 'Cash Management', object: SUBSCRIPTION_OBJECT, rights: [] });
    expect(rights).toContainEqual({ module: 'Accounts Receivable', object: SUBSCRIPTION_OBJECT, rights: ['Subscribed'] });
  });
});

describe('rightsChanges (what changed between two audits)', () => {
  const before = [row('General Ledger', 'Accounts', 'List', 'View'), row('General Ledger', 'Journal entries', 'List'), row('Company', 'Departments', 'List', 'View')];

  it('says nothing when nothing changed, whatever the case and spacing of names', () => {
    expect(rightsChanges(before, [row('general  ledger', 'ACCOUNTS', 'view', 'list'), ...before.slice(1)])).toEqual([]);
    expect(changesLine([])).toBe('No change');
  });

  it('lists a right added, an object newly granted and one no longer granted', () => {
    const after = [row('General Ledger', 'Accounts', 'List', 'View', 'Delete'), row('Company', 'Departments', 'List', 'View'), row('Company', 'Locations', 'List')];
    const changes = rightsChanges(before, after);
    expect(changes).toEqual([
      { module: 'Company', object: 'Locations', change: 'added', before: [], after: ['List'], added: ['List'], removed: [] },
      { module: 'General Ledger', object: 'Accounts', change: 'changed', before: ['List', 'View'], after: ['List', 'View', 'Delete'], added: ['Delete'], removed: [] },
      { module: 'General Ledger', object: 'Journal entries', change: 'removed', before: ['List'], after: [], added: [], removed: ['List'] },
    ]);
    expect(changesLine(changes)).toBe('1 changed, 1 added, 1 removed');
    expect(changes.map(describeChange)).toEqual(['newly granted: List', 'Delete added', 'no longer granted (had List)']);
  });

  it('counts a row that grants nothing as absent, so an unticked row and a missing policy agree', () => {
    expect(rightsChanges([row('Cash Management', 'Checking accounts')], [])).toEqual([]);
    expect(rightsChanges(before, [...before, row('Cash Management', 'Checking accounts')])).toEqual([]);
  });

  it('compares only the modules a page shows when asked to', () => {
    const windowNow = [row('General Ledger', 'Accounts', 'List', 'View'), row('General Ledger', 'Journal entries', 'List')];
    expect(rightsChanges(before, windowNow, modulesOf(windowNow))).toEqual([]);
    expect(rightsChanges(before, windowNow).map((c) => `${c.change} ${c.object}`)).toEqual(['removed Departments']);
  });

  it('describes a right removed and one added on the same object', () => {
    const [c] = rightsChanges([row('AP', 'Bills', 'List', 'Add')], [row('AP', 'Bills', 'List', 'Edit')]);
    expect(c && describeChange(c)).toBe('Edit added; Add removed');
  });
});
