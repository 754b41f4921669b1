import { describe, expect, it } from 'vitest';
import { summaryLine, type Finding } from '@/utils/audit/finding';
import { auditContextFor } from '@/utils/audit/permission-words';
import { auditPermissionsWindow, auditSubscriptions } from '@/utils/audit/permission-judging';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { EXPENSEIN_PROFILE } from '@/utils/profiles/connectors';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { requiredPermissions } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import { readPermissionsWindow } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { permissionsWindowHtml, row } from './build-page';

const CRUD = ['List', 'View', 'Add', 'Edit', 'Delete'];

function byId(findings: readonly Finding[]): Map<string, Finding> {
  return new Map(findings.map((f) => [f.id, f]));
}

function get(findings: readonly Finding[], id: string): Finding {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}; have ${findings.map((x) => x.id).join(', ')}`);
  return f;
}

function subs(name: string, profile: IntegrationProfile, values: OptionValues): Finding[] {
  return auditSubscriptions(
    readSubscriptionsPage(parseHtml(fixtureHtml(name))),
    requiredPermissions(profile, values),
    auditContextFor(profile, values),
  );
}

function win(html: string, profile: IntegrationProfile, values: OptionValues = {}): Finding[] {
  return auditPermissionsWindow(readPermissionsWindow(parseHtml(html)), requiredPermissions(profile, values), auditContextFor(profile, values));
}

const COMBOS = (['vendor-bills', 'expense-reports'] as const).flatMap((exp) =>
  (['projects', 'customers', 'none'] as const).map((dimensions) => ({ export: exp, dimensions })),
);

describe('auditSubscriptions for Expensify, every option combination', () => {
  for (const values of COMBOS) {
    const label = `${values.export}, ${values.dimensions}`;
    const expenseReports = values.export === 'expense-reports';
    const projects = values.dimensions !== 'none';

    it(`role page (${label}): Cash Management missing, Accounts Receivable excess, the rest by option`, () => {
      const f = byId(subs('role-subscriptions', EXPENSIFY_PROFILE, values));
      expect(f.get('sub:administration')?.status).toBe('ok');
      expect(f.get('sub:company')?.status).toBe('ok');
      expect(f.get('sub:general-ledger')?.status).toBe('ok');
      expect(f.get('sub:cash-management')?.status).toBe('missing');
      expect(f.get('sub:accounts-receivable')?.status).toBe('excess');
      // Time & Expenses is unticked on the role: missing when needed, not mentioned otherwise.
      expect(f.get('sub:time-and-expenses')?.status).toBe(expenseReports ? 'missing' : undefined);
      expect(f.get('sub:projects')?.status).toBe(projects ? 'missing' : undefined);
      // Accounts Payable is ticked: needed only for vendor bills.
      expect(f.get('sub:accounts-payable')?.status).toBe(expenseReports ? 'excess' : 'ok');
      // Nothing is said about applications that are neither needed nor ticked.
      expect(f.has('sub:purchasing')).toBe(false);
    });

    it(`user page (${label}): what the guide lists is ok only when the options ask for it`, () => {
      const f = byId(subs('user-subscriptions', EXPENSIFY_PROFILE, values));
      for (const id of ['administration', 'company', 'general-ledger', 'cash-management']) expect(f.get(`sub:${id}`)?.status).toBe('ok');
      expect(f.get('sub:time-and-expenses')?.status).toBe(expenseReports ? 'ok' : 'excess');
      expect(f.get('sub:projects')?.status).toBe(projects ? 'ok' : 'excess');
      expect(f.get('sub:accounts-payable')?.status).toBe(expenseReports ? 'excess' : 'ok');
      expect(f.has('sub:accounts-receivable')).toBe(false);
    });
  }

  it('tells the admin what to do in the page’s words', () => {
    const f = subs('role-subscriptions', EXPENSIFY_PROFILE, {});
    const cm = get(f, 'sub:cash-management');
    expect(cm).toMatchObject({ subject: 'Cash Management', group: 'Cash Management', found: 'not subscribed', stepId: 'permissions' });
    expect(cm.fix).toBe('Tick the checkbox next to Cash Management, then open its Permissions and choose All.');
    const ar = get(f, 'sub:accounts-receivable');
    expect(ar.fix).toBe('Untick Accounts Receivable, unless another integration this role serves needs it.');
    expect(ar.message).toMatch(/least privilege/);
    expect(get(f, 'sub:company').expected).toMatch(/Read only/);
    expect(get(f, 'sub:cash-management').target?.getAttribute('aria-label')).toBe('Cash Management');
  });

  it('says why a module the options leave out shows up as excess', () => {
    const f = subs('user-subscriptions', EXPENSIFY_PROFILE, { export: 'vendor-bills', dimensions: 'none' });
    expect(get(f, 'sub:time-and-expenses').message).toBe(
      'Expensify needs Time & Expenses only when “Out-of-pocket expenses exported as” is Expense reports, which is not what you chose; least privilege keeps this user to what it needs.',
    );
    expect(get(f, 'sub:projects').message).toContain('“Uses Projects or Customers” is Projects or Customers');
  });

  it('matches Time & Expenses under its newer names', () => {
    for (const shown of ['Expenses', 'Time & Expense', 'Time and Expenses']) {
      const html = fixtureHtml('user-subscriptions').replace(/Time &amp; Expenses/g, shown);
      const page = readSubscriptionsPage(parseHtml(html));
      const values = { export: 'expense-reports' };
      const f = auditSubscriptions(page, requiredPermissions(EXPENSIFY_PROFILE, values), auditContextFor(EXPENSIFY_PROFILE, values));
      expect(get(f, 'sub:time-and-expenses')).toMatchObject({ status: 'ok', subject: shown });
    }
  });

  it('gives two rows that answer to one module one finding, satisfied by whichever is ticked', () => {
    const ee = fixtureHtml('user-subscriptions').match(/<tr><td class="cb"><input[^>]*aria-label="Time &amp; Expenses"[\s\S]*?<\/tr>/)?.[0];
    if (!ee) throw new Error('no Time & Expenses row in the fixture');
    const older = ee.replace(/ checked/, '').replace(/Time &amp; Expenses/g, 'Time &amp; Expense').replace(/sub__ee/g, 'sub__te');
    const newer = ee.replace(/Time &amp; Expenses/g, 'Expenses');
    const html = fixtureHtml('user-subscriptions').replace(ee, older + newer);
    const values = { export: 'expense-reports' };
    const f = auditSubscriptions(readSubscriptionsPage(parseHtml(html)), requiredPermissions(EXPENSIFY_PROFILE, values), auditContextFor(EXPENSIFY_PROFILE, values));
    expect(f.filter((x) => x.id === 'sub:time-and-expenses')).toHaveLength(1);
    expect(get(f, 'sub:time-and-expenses')).toMatchObject({ status: 'ok', subject: 'Expenses' });
    expect(new Set(f.map((x) => x.id)).size).toBe(f.length);
  });

  it('does not take the current product’s separate Time application for Time & Expenses', () => {
    const html = fixtureHtml('user-subscriptions').replace(/Time &amp; Expenses/g, 'Time');
    const values = { export: 'expense-reports' };
    const f = byId(auditSubscriptions(readSubscriptionsPage(parseHtml(html)), requiredPermissions(EXPENSIFY_PROFILE, values), auditContextFor(EXPENSIFY_PROFILE, values)));
    expect(f.get('sub:time-and-expenses')).toMatchObject({ status: 'missing', found: 'not listed on this page' });
    expect(f.get('sub:time')?.status).toBe('excess');
  });

  it('reports a needed application the page does not list at all', () => {
    const html = fixtureHtml('role-subscriptions').replace(/<tr><td class="cb"><input[^>]*aria-label="Time &amp; Expenses"[\s\S]*?<\/tr>/, '');
    const values = { export: 'expense-reports' };
    const f = auditSubscriptions(readSubscriptionsPage(parseHtml(html)), requiredPermissions(EXPENSIFY_PROFILE, values));
    expect(get(f, 'sub:time-and-expenses')).toMatchObject({ status: 'missing', found: 'not listed on this page' });
  });
});

describe('auditSubscriptions for Certify', () => {
  it('needs the Emburse Certify application and its two modules; says nothing of the rest, its list being incomplete', () => {
    const f = byId(subs('user-subscriptions', CERTIFY_PROFILE, {}));
    expect(f.get('sub:emburse-certify')?.status).toBe('missing');
    expect(f.get('sub:accounts-payable')?.status).toBe('ok');
    expect(f.get('sub:cash-management')?.status).toBe('ok');
    // The connector syncs users, departments and entities; its grid is only in screenshots.
    for (const id of ['administration', 'company', 'general-ledger', 'time-and-expenses', 'projects']) {
      expect(f.has(`sub:${id}`)).toBe(false);
    }
    expect([...f.values()].some((x) => x.status === 'excess')).toBe(false);
    const rolePage = byId(subs('role-subscriptions', CERTIFY_PROFILE, {}));
    expect(rolePage.get('sub:cash-management')?.fix).toBe(
      'Tick the checkbox next to Cash Management, then open its Permissions and tick Credit Card Transactions List, View, Add, Edit.',
    );
  });
});

describe('auditPermissionsWindow for Expensify', () => {
  const gl = (values: OptionValues = {}): Finding[] => win(fixtureHtml('role-permissions'), EXPENSIFY_PROFILE, values);

  for (const values of COMBOS) {
    it(`General Ledger needs All whatever the options (${values.export}, ${values.dimensions})`, () => {
      const f = gl(values);
      expect(get(f, 'perm:general-ledger:accounts').status).toBe('missing');
      expect(get(f, 'perm:general-ledger:account-groups').status).toBe('ok');
    });
  }

  it('names the right that is off on each object, and the one-click fix', () => {
    const f = gl();
    expect(get(f, 'perm:general-ledger:accounts')).toMatchObject({
      subject: 'General Ledger › Accounts',
      group: 'General Ledger',
      status: 'missing',
      found: 'List, View, Add, Edit',
      expected: 'all rights (Delete missing)',
      fix: 'Choose All under Activities and lists, or tick Delete for Accounts.',
    });
    expect(get(f, 'perm:general-ledger:accounts').target?.getAttribute('aria-label')).toBe('Accounts Delete');
    expect(get(f, 'perm:general-ledger:journal-entries')).toMatchObject({ status: 'missing', expected: 'all rights (Reverse missing)' });
  });

  it('flags Reports left on Read only in a module that needs All', () => {
    const f = gl();
    const reports = get(f, 'perm:general-ledger:section:reports');
    expect(reports).toMatchObject({ subject: 'General Ledger › Reports', status: 'wrong', expected: 'All', fix: 'Choose All under Reports.' });
    expect(reports.found).toMatch(/^Read only \(10 of 18 rights ticked\)$/);
    expect(reports.target?.getAttribute('value')).toBe('all');
    expect(get(f, 'perm:general-ledger:financial-reports')).toMatchObject({ status: 'missing', expected: 'all rights (Add, Edit, Delete, Run missing)' });
    expect(get(f, 'perm:general-ledger:section:activities-and-lists').found).toBe('Custom (46 of 48 rights ticked)');
  });

  it('passes the user’s Cash Management window, which has All everywhere', () => {
    const f = win(fixtureHtml('user-permissions'), EXPENSIFY_PROFILE);
    expect(summaryLine(f)).toBe(`All ${f.length} checks pass`);
    expect(f.length).toBe(17);
  });

  it('counts anything beyond List and View as excess in a Read only module, and missing List or View as missing', () => {
    const html = permissionsWindowHtml({
      application: 'Company',
      sections: [
        {
          title: 'Activities and lists',
          shortcut: 'custom',
          rows: [row('Departments', CRUD, ['List', 'View', 'Delete']), row('Locations', CRUD, ['List']), row('Classes', CRUD, ['List', 'View'])],
        },
      ],
    });
    const f = win(html, EXPENSIFY_PROFILE);
    expect(get(f, 'perm:company:departments')).toMatchObject({
      status: 'excess',
      found: 'List, View, Delete',
      expected: 'List, View only',
      fix: 'Choose Read only under Activities and lists, or untick Delete for Departments.',
    });
    expect(get(f, 'perm:company:locations')).toMatchObject({ status: 'missing', fix: 'Choose Read only under Activities and lists, or tick View for Locations.' });
    expect(get(f, 'perm:company:classes').status).toBe('ok');
    expect(get(f, 'perm:company:section:activities-and-lists')).toMatchObject({ status: 'wrong', expected: 'Read only' });
  });

  it('gives a module Expensify does not use one excess finding, not one per object', () => {
    const html = fixtureHtml('role-permissions').replace('Application: <b>General Ledger</b>', 'Application: <b>Accounts Receivable</b>');
    const f = win(html, EXPENSIFY_PROFILE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ id: 'perm:accounts-receivable', subject: 'Accounts Receivable', status: 'excess', found: '56 rights ticked', expected: 'no access' });
    expect(f[0]?.fix).toMatch(/^Untick Accounts Receivable on this role’s Subscriptions page/);
  });

  it('needs Time & Expenses All only with expense reports', () => {
    const html = fixtureHtml('role-permissions').replace('Application: <b>General Ledger</b>', 'Application: <b>Expenses</b>');
    expect(win(html, EXPENSIFY_PROFILE, { export: 'vendor-bills' })).toHaveLength(1);
    const needed = win(html, EXPENSIFY_PROFILE, { export: 'expense-reports' });
    expect(get(needed, 'perm:expenses:accounts').status).toBe('missing');
  });
});

describe('auditPermissionsWindow for Certify', () => {
  it('in Cash Management wants at least Credit Card Transactions List, View, Add, Edit; more is not excess', () => {
    const f = win(fixtureHtml('user-permissions'), CERTIFY_PROFILE);
    expect(get(f, 'perm:cash-management:credit-card-transactions')).toMatchObject({
      status: 'ok',
      found: 'List, View, Add, Edit, Delete, Reverse, Reclass',
      expected: 'List, View, Add, Edit',
    });
    // The guide shows more Cash Management rows than it names.
    expect(get(f, 'perm:cash-management:checking-accounts')).toMatchObject({ status: 'ok', expected: expect.stringMatching(/confirm with the vendor/) });
    expect(f.some((x) => x.status === 'excess')).toBe(false);
    // Custom needs have no shortcut to recommend.
    expect(f.some((x) => x.id.includes(':section:'))).toBe(false);

    const exact = permissionsWindowHtml({
      who: 'User: certify_ws',
      application: 'Cash Management',
      sections: [
        {
          title: 'Activities and lists',
          shortcut: 'custom',
          rows: [row('Credit card transactions', [...CRUD, 'Reverse'], ['List', 'View', 'Add', 'Edit']), row('Deposits', CRUD, false)],
        },
      ],
    });
    expect(summaryLine(win(exact, CERTIFY_PROFILE))).toBe('All 2 checks pass');
  });

  it('in Accounts Payable checks the named rows, tolerates plurals and never matches the unnamed row by name', () => {
    const html = permissionsWindowHtml({
      who: 'User: certify_ws',
      application: 'Accounts Payable',
      sections: [
        {
          title: 'Activities and lists',
          shortcut: 'custom',
          rows: [
            row('Vendor types', CRUD, ['List']),
            row('Tax details', CRUD, ['List', 'View']),
            // The unnamed row's description as an object name must not count as a match.
            row('Unnamed row (List, View, Edit)', CRUD, ['List', 'View', 'Add', 'Edit', 'Delete']),
            row('Bills', CRUD, ['List', 'View', 'Edit']),
            row('Vendors', CRUD, ['List', 'View', 'Add']),
          ],
        },
      ],
    });
    const f = win(html, CERTIFY_PROFILE);
    expect(get(f, 'perm:accounts-payable:vendor-types')).toMatchObject({ status: 'missing', expected: 'List, View', fix: 'Tick View for Vendor types.' });
    expect(get(f, 'perm:accounts-payable:tax-details').status).toBe('ok');
    // Rows the guide does not name are not excess (its list is incomplete), whatever they hold.
    expect(get(f, 'perm:accounts-payable:unnamed-row-list-view-edit').status).toBe('ok');
    // Bills could be the screenshot's row: no verdict against it, and it is offered as a candidate.
    expect(get(f, 'perm:accounts-payable:bills').status).toBe('ok');
    expect(get(f, 'perm:accounts-payable:bills').expected).toMatch(/vendor’s screenshot/);
    expect(get(f, 'perm:accounts-payable:vendors').status).toBe('ok');
    const unnamed = get(f, 'perm:accounts-payable:unnamed-1');
    expect(unnamed).toMatchObject({ status: 'ok', subject: 'Accounts Payable › Unnamed row (List, View, Edit)' });
    expect(unnamed.found).toBe('possible rows: Unnamed row (List, View, Edit), Bills');
  });

  it('reports the unnamed row as missing when no row has its rights, and a named row the window lacks', () => {
    const html = permissionsWindowHtml({
      application: 'Accounts Payable',
      sections: [{ title: 'Activities and lists', shortcut: 'custom', rows: [row('Vendor types', CRUD, ['List', 'View'])] }],
    });
    const f = win(html, CERTIFY_PROFILE);
    expect(get(f, 'perm:accounts-payable:unnamed-1')).toMatchObject({ status: 'missing', found: 'no other row has List, View, Edit' });
    expect(get(f, 'perm:accounts-payable:tax-detail')).toMatchObject({ status: 'missing', found: 'no row by that name in this window' });
  });

  it('cannot check the Emburse Certify application’s own grid: anything ticked passes, nothing ticked is missing', () => {
    const page = (ticked: boolean): string =>
      permissionsWindowHtml({
        application: 'Emburse Certify',
        sections: [{ title: 'Activities and lists', rows: [row('Certify settings', CRUD, ticked)] }],
      });
    expect(win(page(true), CERTIFY_PROFILE)[0]).toMatchObject({ status: 'ok', found: '5 rights ticked' });
    expect(win(page(true), CERTIFY_PROFILE)[0]?.expected).toMatch(/screenshot/);
    expect(win(page(false), CERTIFY_PROFILE)[0]).toMatchObject({ status: 'missing', found: 'no rights' });
  });
});

describe('permissionsComplete: false (the vendor’s list is not exhaustive)', () => {
  const INCOMPLETE: IntegrationProfile = { ...EXPENSIFY_PROFILE, id: 'expensify-incomplete', permissionsComplete: false };

  it('gives a module Certify does not name no finding in its Permissions window', () => {
    for (const application of ['Company', 'Administration', 'General Ledger']) {
      const html = fixtureHtml('role-permissions').replace('Application: <b>General Ledger</b>', `Application: <b>${application}</b>`);
      expect(win(html, CERTIFY_PROFILE)).toEqual([]);
    }
    const audit = createPermissionsAudit(parseHtml(fixtureHtml('role-permissions')), CERTIFY_PROFILE, {});
    expect(summaryLine(audit.findings())).toBe('Nothing to check on this page');
  });

  it('still flags a module the profile names only under other options, and checks what it names', () => {
    const values = { export: 'vendor-bills', dimensions: 'none' };
    const f = byId(subs('user-subscriptions', INCOMPLETE, values));
    expect(f.get('sub:time-and-expenses')?.status).toBe('excess');
    expect(f.get('sub:projects')?.status).toBe('excess');
    expect(f.get('sub:accounts-payable')?.status).toBe('ok');
    // Accounts Receivable is ticked on the role page and named nowhere in the profile.
    const role = byId(subs('role-subscriptions', INCOMPLETE, values));
    expect(role.has('sub:accounts-receivable')).toBe(false);
    expect(role.get('sub:cash-management')?.status).toBe('missing');
  });

  it('does not call rights beyond Read only excess, and never advises the shortcut that would untick them', () => {
    const html = permissionsWindowHtml({
      application: 'Company',
      sections: [
        {
          title: 'Activities and lists',
          shortcut: 'custom',
          rows: [row('Departments', CRUD, ['List', 'View', 'Delete']), row('Locations', CRUD, ['List', 'Add'])],
        },
      ],
    });
    const f = win(html, INCOMPLETE);
    expect(get(f, 'perm:company:departments')).toMatchObject({ status: 'ok', expected: 'List, View' });
    expect(get(f, 'perm:company:locations')).toMatchObject({ status: 'missing', fix: 'Tick View for Locations.' });
    expect(get(f, 'perm:company:section:activities-and-lists')).toMatchObject({ status: 'missing', fix: 'Tick List and View under Activities and lists.' });
  });

  it('is true when absent: Expensify’s list is complete', () => {
    expect(EXPENSIFY_PROFILE.permissionsComplete).toBeUndefined();
    expect(auditContextFor(EXPENSIFY_PROFILE, {}).permissionsComplete).toBe(true);
    expect(auditContextFor(CERTIFY_PROFILE, {}).permissionsComplete).toBe(false);
  });
});

describe('createPermissionsAudit', () => {
  it('audits whichever permissions page it is given', () => {
    const subsAudit = createPermissionsAudit(parseHtml(fixtureHtml('role-subscriptions')), EXPENSIFY_PROFILE, {});
    expect(subsAudit.kind).toBe('subscriptions');
    expect(subsAudit.subject).toEqual({ kind: 'role', name: 'Expensify' });
    expect(summaryLine(subsAudit.findings())).toBe('1 missing, 2 excess');

    const winAudit = createPermissionsAudit(parseHtml(fixtureHtml('role-permissions')), EXPENSIFY_PROFILE, {});
    expect(winAudit.kind).toBe('permissions-window');
    // Seven objects lack a right (missing); the two sections sit on the wrong shortcut (wrong).
    expect(summaryLine(winAudit.findings())).toBe('7 missing, 2 wrong');

    expect(createPermissionsAudit(parseHtml(fixtureHtml('ws-user-form')), EXPENSIFY_PROFILE, {}).kind).toBe('none');
  });

  it('gives every finding a unique id and keeps ids stable across reads', () => {
    for (const name of ['role-subscriptions', 'user-subscriptions', 'role-permissions', 'user-permissions']) {
      const ids = createPermissionsAudit(parseHtml(fixtureHtml(name)), CERTIFY_PROFILE, {}).findings().map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(createPermissionsAudit(parseHtml(fixtureHtml(name)), CERTIFY_PROFILE, {}).findings().map((f) => f.id)).toEqual(ids);
    }
  });
});

describe('rights a guide lists object by object', () => {
  it('never call List excess: Intacct requires it with View, Add, Edit and Delete (docs/intacct.md#permission-verbs)', () => {
    const html = permissionsWindowHtml({
      who: 'Role: ExpenseIn',
      application: 'General Ledger',
      sections: [
        {
          title: 'Activities and lists',
          rows: [row('Accounts', CRUD, ['List', 'View']), row('Journal Entries', CRUD, ['List', 'Add', 'Delete'])],
        },
      ],
    });
    const findings = win(html, EXPENSEIN_PROFILE);
    expect(get(findings, 'perm:general-ledger:accounts').status).toBe('ok');
    const je = get(findings, 'perm:general-ledger:journal-entries');
    expect(je.status).toBe('excess');
    expect(je.message).toContain('Delete goes beyond');
    expect(je.message).not.toContain('List');
  });
});
