import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { auditUserPermissions } from '@/utils/audit/user-permissions';
import { applicationModuleName, parseUserPermissions, type ApplicationPermissions } from '@/utils/intacct/permissions';
import { parseGatewayResponse } from '@/utils/intacct/response';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { BILL_SPEND_PROFILE, EXPENSEIN_PROFILE, RAMP_PROFILE } from '@/utils/profiles/connectors';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { requiredPermissions } from '@/utils/profiles/registry';
import { SAMPLES } from '../intacct/samples-dir';

// The whole-user audit: getUserPermissions' effective rights judged the way the page audit judges a
// Permissions window, for every module Expensify needs and every one it does not.

const VENDOR_BILLS = requiredPermissions(EXPENSIFY_PROFILE, {});
const EXPENSE_REPORTS = requiredPermissions(EXPENSIFY_PROFILE, { export: 'expense-reports' });

function app(application: string, ...policies: [string, string][]): ApplicationPermissions {
  return { application, policies: policies.map(([name, rights]) => ({ name, rights: rights.split('|') })) };
}

/** Module-level verdicts ("General Ledger"), not those of its permissions ("General Ledger › Accounts"). */
const modules = (findings: readonly Finding[]) =>
  Object.fromEntries(findings.filter((f) => !f.subject.includes(' › ')).map((f) => [f.subject, f.status]));
const of = (findings: readonly Finding[], subject: string) => findings.find((f) => f.subject === subject);

describe('the whole-user audit (getUserPermissions vs the profile)', () => {
  it('maps "Time " to Time & Expenses, the profile having no bare Time alias (the recorded sample)', () => {
    const outcome = parseGatewayResponse(readFileSync(path.join(SAMPLES, 'getuserpermissions-success.xml'), 'utf8'));
    const findings = auditUserPermissions(EXPENSIFY_PROFILE, EXPENSE_REPORTS, parseUserPermissions(outcome));
    const te = of(findings, 'Time & Expenses');
    expect(te).toMatchObject({ status: 'ok', stepId: 'permissions', group: 'Time & Expenses' });
    expect(te?.found).toContain('Reclass');
    // Each of its permissions is judged too, under the module's name.
    expect(of(findings, 'Time & Expenses › Expense Adjustments')).toMatchObject({ status: 'ok', found: 'List, View, Add, Edit, Delete, Reverse, Reclass' });
    // Everything else Expensify needs is absent from the sample.
    expect(modules(findings)).toMatchObject({ Administration: 'missing', 'General Ledger': 'missing', 'Cash Management': 'missing' });
  });

  it('All needs every permission beyond List/View: a read-only permission is wrong, as a half-ticked grid is on the page', () => {
    const apps = [app('General Ledger', ['Accounts', 'List|View|Add|Edit|Delete'], ['Journal entries', 'List|View'])];
    const findings = auditUserPermissions(EXPENSIFY_PROFILE, VENDOR_BILLS, apps);
    expect(of(findings, 'General Ledger')?.status).toBe('wrong');
    expect(of(findings, 'General Ledger')?.message).toContain('Journal entries');
    expect(of(findings, 'General Ledger')?.fix).toContain('Grant General Ledger All');
    expect(of(findings, 'General Ledger › Accounts')?.status).toBe('ok');
    expect(of(findings, 'General Ledger › Journal entries')).toMatchObject({ status: 'wrong', found: 'List, View' });
    // A module subscribed with nothing granted is missing, not wrong.
    expect(of(auditUserPermissions(EXPENSIFY_PROFILE, VENDOR_BILLS, [app('General Ledger')]), 'General Ledger')?.status).toBe('missing');
  });

  it('Read-only is List+View; more is excess, on the permission that has it and on the module', () => {
    const ok = auditUserPermissions(EXPENSIFY_PROFILE, VENDOR_BILLS, [app('Company', ['Departments', 'List|View'])]);
    expect(modules(ok).Company).toBe('ok');
    const more = auditUserPermissions(EXPENSIFY_PROFILE, VENDOR_BILLS, [app('company', ['Departments', 'List|View|Add|Delete'], ['Locations', 'List|View'])]);
    expect(of(more, 'Company')?.status).toBe('excess');
    expect(of(more, 'Company › Departments')).toMatchObject({ status: 'excess', expected: 'List, View only' });
    expect(of(more, 'Company › Departments')?.message).toContain('Add, Delete');
    expect(of(more, 'Company › Departments')?.fix).toBe('Untick Add, Delete for Departments in Company’s Permissions for the web services user (or its role).');
    expect(of(more, 'Company › Locations')?.status).toBe('ok');
  });

  it('reports an application the integration does not need as excess, naming what it grants, and a needed one that is absent as missing', () => {
    const apps = [app('Accounts Receivable', ['Customers', 'List|View'])];
    const findings = auditUserPermissions(EXPENSIFY_PROFILE, VENDOR_BILLS, apps);
    expect(modules(findings)).toMatchObject({
      'Accounts Receivable': 'excess',
      'Cash Management': 'missing',
      Administration: 'missing',
      'Accounts Payable': 'missing',
    });
    expect(of(findings, 'Accounts Receivable')?.found).toBe('Customers (List, View)');
    // Vendor bills do not need Time & Expenses: with "Time " granted it is excess.
    expect(modules(auditUserPermissions(EXPENSIFY_PROFILE, VENDOR_BILLS, [app('Time ', ['My Expenses', 'List|View|Add'])]))).toMatchObject({
      Time: 'excess',
    });
  });

  it('takes a bare "Time" as Time & Expenses only in getUserPermissions’ names', () => {
    expect(applicationModuleName('Time ')).toBe(applicationModuleName('Time and Expenses'));
    expect(applicationModuleName('Time ')).toBe(applicationModuleName('Time & Expenses'));
    expect(applicationModuleName('Expenses')).toBe('expenses');
    expect(applicationModuleName('Timesheets')).toBe('timesheets');
  });

  it('gives one module finding when "Expenses" and a truncated "Time " both answer to Time & Expenses, and neither is excess', () => {
    const apps = [app('Time ', ['My Expenses', 'List|View']), app('Expenses', ['My Expenses', 'List|View|Add|Edit|Delete'])];
    const findings = auditUserPermissions(EXPENSIFY_PROFILE, EXPENSE_REPORTS, apps);
    const te = findings.filter((f) => ['Time & Expenses', 'Time', 'Expenses'].includes(f.subject));
    expect(te).toHaveLength(1);
    // The exactly named application is the one checked.
    expect(te[0]).toMatchObject({ subject: 'Time & Expenses', status: 'ok' });
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('calls nothing excess that a profile with an incomplete list does not name', () => {
    const apps = [app('Company', ['Departments', 'List|View|Add']), app('Accounts Receivable', ['Customers', 'List|View'])];
    for (const profile of [CERTIFY_PROFILE, RAMP_PROFILE, BILL_SPEND_PROFILE]) {
      const findings = auditUserPermissions(profile, requiredPermissions(profile, {}), apps);
      expect(findings.filter((f) => f.status === 'excess'), profile.id).toEqual([]);
    }
    // Rights beyond Read-only are not excess either, when the list is incomplete.
    const incomplete = { ...EXPENSIFY_PROFILE, permissionsComplete: false };
    expect(modules(auditUserPermissions(incomplete, VENDOR_BILLS, apps))).toMatchObject({ Company: 'ok' });
    expect(modules(auditUserPermissions(incomplete, VENDOR_BILLS, apps))['Accounts Receivable']).toBeUndefined();
    // A module it names only under other options still is.
    expect(modules(auditUserPermissions(incomplete, VENDOR_BILLS, [app('Time ', ['My Expenses', 'List|View|Add'])]))).toMatchObject({ Time: 'excess' });
    // Expensify's own list is complete.
    expect(modules(auditUserPermissions(EXPENSIFY_PROFILE, VENDOR_BILLS, apps))).toMatchObject({ Company: 'excess', 'Accounts Receivable': 'excess' });
  });

  it('checks the rights a custom rule lists for each named object, and calls an unnamed permission excess', () => {
    const rules = requiredPermissions(EXPENSEIN_PROFILE, {});
    const gl = rules.find((r) => r.module === 'General Ledger');
    if (!gl) throw new Error('ExpenseIn has no General Ledger rule');
    const findings = auditUserPermissions(EXPENSEIN_PROFILE, [gl], [
      app('General Ledger', ['Accounts', 'List|View|Edit'], ['Journal Entries', 'List|Delete'], ['Reporting periods', 'List|View|Edit']),
    ]);
    expect(of(findings, 'General Ledger › Accounts')).toMatchObject({ status: 'excess', expected: 'View' });
    expect(of(findings, 'General Ledger › Accounts')?.message).toContain('Edit goes beyond');
    // List comes with View (Intacct requires it), so it is never beyond what the guide lists.
    const withList = auditUserPermissions(EXPENSEIN_PROFILE, [gl], [app('General Ledger', ['Accounts', 'List|View'], ['Journal Entries', 'List|Add'])]);
    expect(modules(withList)['General Ledger']).toBe('ok');
    expect(of(findings, 'General Ledger › Journal Entries')).toMatchObject({ status: 'wrong', expected: 'Add' });
    expect(of(findings, 'General Ledger › Reporting periods')).toMatchObject({ status: 'excess', expected: 'no rights' });
    expect(of(findings, 'General Ledger')?.status).toBe('wrong');
    // A named object Intacct does not report at all is missing.
    const none = auditUserPermissions(EXPENSEIN_PROFILE, [gl], [app('General Ledger', ['Accounts', 'View'])]);
    expect(of(none, 'General Ledger › Journal Entries')).toMatchObject({ status: 'missing', found: 'not granted' });
  });

  it('takes anything granted as right where the vendor shows its grid only as a screenshot (Certify)', () => {
    const rules = requiredPermissions(CERTIFY_PROFILE, {});
    const screenshotOnly = rules.find((r) => r.access === 'custom' && !(r.objects ?? []).some((o) => o.nameKnown !== false));
    if (!screenshotOnly) return;
    const findings = auditUserPermissions(CERTIFY_PROFILE, [screenshotOnly], [app(screenshotOnly.module, ['Anything', 'List'])]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe('ok');
  });

  it('gives every finding a unique id and clears message and fix on passing ones', () => {
    const outcome = parseGatewayResponse(readFileSync(path.join(SAMPLES, 'getuserpermissions-success.xml'), 'utf8'));
    const findings = auditUserPermissions(EXPENSIFY_PROFILE, EXPENSE_REPORTS, parseUserPermissions(outcome));
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    for (const f of findings.filter((x) => x.status === 'ok')) expect([f.message, f.fix]).toEqual(['', '']);
  });
});
