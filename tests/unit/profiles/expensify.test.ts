import { describe, expect, it } from 'vitest';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import {
  defaultOptionValues,
  fieldRulesFor,
  requiredPermissions,
  requiredSteps,
  requiredSubscriptions,
  stepsForPage,
} from '@/utils/profiles/registry';
import type { OptionValues, PermissionRule } from '@/utils/profiles/schema';

const EXPORTS = ['vendor-bills', 'expense-reports'] as const;
const DIMENSIONS = ['projects', 'customers', 'none'] as const;
const MODELS = ['user-based', 'role-based'] as const;

const COMBINATIONS = EXPORTS.flatMap((exportAs) =>
  DIMENSIONS.flatMap((dimensions) =>
    MODELS.map((permissionModel) => ({ export: exportAs, dimensions, permissionModel }) satisfies OptionValues),
  ),
);

const stepIds = (values: OptionValues) => requiredSteps(EXPENSIFY_PROFILE, values).map((s) => s.id);
const access = (values: OptionValues) =>
  Object.fromEntries(requiredPermissions(EXPENSIFY_PROFILE, values).map((p: PermissionRule) => [p.module, p.access]));

describe('Expensify: what the admin is asked to do for each choice', () => {
  it.each(COMBINATIONS)('export=$export, dimensions=$dimensions, $permissionModel', (values) => {
    const steps = stepIds(values);
    const expenseReports = values.export === 'expense-reports';
    const roleBased = values.permissionModel === 'role-based';

    const expected = [
      ...(roleBased ? ['role'] : []),
      'ws-user',
      'permissions',
      ...(expenseReports ? ['te-subscription', 'te-configuration', 'employees', 'expense-types'] : []),
      'customization-services',
      'package-download',
      'package-upload',
      'sender-authorization',
      'connect',
      'sync-options',
    ];
    expect(steps).toEqual(expected);

    const modules = access(values);
    expect(modules).toMatchObject({
      Administration: 'all',
      Company: 'read-only',
      'Cash Management': 'all',
      'General Ledger': 'all',
    });
    expect(modules['Time & Expenses']).toBe(expenseReports ? 'all' : undefined);
    expect(modules['Projects']).toBe(values.dimensions === 'none' ? undefined : 'read-only');
    expect(modules['Accounts Payable']).toBe(expenseReports ? undefined : 'all');

    const subscriptions = requiredSubscriptions(EXPENSIFY_PROFILE, values).map((s) => s.name);
    expect(subscriptions).toEqual(expenseReports ? ['Time & Expenses', 'Customization Services'] : ['Customization Services']);
  });

  it('walks a vendor-bills company past the Time & Expenses pages entirely', () => {
    const values = { export: 'vendor-bills', dimensions: 'none', permissionModel: 'user-based' };
    expect(stepsForPage(EXPENSIFY_PROFILE, values, 'te-configuration')).toEqual([]);
    expect(fieldRulesFor(EXPENSIFY_PROFILE, values, 'te-configuration')).toEqual([]);
    expect(stepsForPage(EXPENSIFY_PROFILE, values, 'employee-form')).toEqual([]);
    expect(stepsForPage(EXPENSIFY_PROFILE, values, 'expense-type-form')).toEqual([]);
  });

  it('defaults to vendor bills, no projects or customers, user-based', () => {
    expect(defaultOptionValues(EXPENSIFY_PROFILE)).toEqual({
      export: 'vendor-bills',
      dimensions: 'none',
      permissionModel: 'user-based',
    });
    expect(stepIds({})).toEqual(stepIds(defaultOptionValues(EXPENSIFY_PROFILE)));
  });

  it('ignores a saved answer that is no longer a choice and falls back to the default', () => {
    expect(stepIds({ export: 'journal-entries' })).toEqual(stepIds({ export: 'vendor-bills' }));
  });

  it('accepts Customization Services or Platform Services for the package', () => {
    const sub = EXPENSIFY_PROFILE.subscriptions.find((s) => s.name === 'Customization Services');
    expect(sub?.alternatives).toEqual(['Platform Services']);
    expect(stepIds({}).indexOf('customization-services')).toBeLessThan(stepIds({}).indexOf('package-upload'));
  });

  it('publishes a complete permission list, so whatever it does not name is excess', () => {
    expect(EXPENSIFY_PROFILE.permissionsComplete ?? true).toBe(true);
  });

  it('knows Time & Expenses by its newer names too', () => {
    const te = EXPENSIFY_PROFILE.permissions.find((p) => p.module === 'Time & Expenses');
    expect(te?.aliases).toEqual(expect.arrayContaining(['Time & Expense', 'Expenses']));
    // The current product lists Time (timesheets) as an application of its own.
    expect(te?.aliases).not.toContain('Time');
  });
});

describe('Expensify: the checks on each Intacct form', () => {
  const reports = { export: 'expense-reports', dimensions: 'none', permissionModel: 'role-based' };

  it('checks the web services user the way the guide sets it up', () => {
    const rules = fieldRulesFor(EXPENSIFY_PROFILE, {}, 'ws-user-form');
    const bySubject = Object.fromEntries(rules.map((r) => [r.subject, r.expect]));
    expect(bySubject['User ID']).toEqual({ kind: 'equals', value: 'xmlgateway_expensify', caseSensitive: false });
    expect(bySubject['Last name']).toMatchObject({ kind: 'equals', value: 'Expensify' });
    expect(bySubject['First name']).toMatchObject({ kind: 'equals', value: 'Expensify' });
    expect(bySubject['Contact name']).toEqual({ kind: 'nonEmpty' });
    expect(bySubject['Email address']).toEqual({ kind: 'email' });
    expect(bySubject['User type']).toMatchObject({ kind: 'equals', value: 'Business' });
    expect(bySubject['Admin privileges']).toMatchObject({ kind: 'equals', value: 'Full' });
    expect(bySubject['Status']).toMatchObject({ kind: 'equals', value: 'Active' });
  });

  it('finds the email field under its label in either UI generation', () => {
    const email = fieldRulesFor(EXPENSIFY_PROFILE, {}, 'ws-user-form').find((r) => r.id === 'ws-email');
    expect(email?.labels).toEqual(['Email address', 'Account email address']);
  });

  it('checks every Time & Expenses setting the guide gives', () => {
    const rules = fieldRulesFor(EXPENSIFY_PROFILE, reports, 'te-configuration');
    const expectations = Object.fromEntries(rules.map((r) => [r.labels[0], r.expect]));
    expect(expectations).toMatchObject({
      'Expense types': { kind: 'checked', value: true },
      'Expense Report': { kind: 'equals', value: 'EXP' },
      Employee: { kind: 'equals', value: 'EMP' },
      'Duplicate Numbers': { kind: 'equals', value: 'Do not allow creation' },
      'Print Title': { kind: 'equals', value: 'EXPENSE REPORT' },
      'Starting Number': { kind: 'equals', value: '1' },
      'Next Number': { kind: 'equals', value: '2' },
      'Fixed Number Length': { kind: 'equals', value: '4' },
      'Fixed Prefix': { kind: 'equals', value: 'EXP' },
      'Enable expense report approval': { kind: 'checked', value: false },
    });
  });

  it('asks for the role named Expensify only in role-based companies', () => {
    expect(fieldRulesFor(EXPENSIFY_PROFILE, reports, 'role-form').map((r) => r.expect)).toEqual([
      { kind: 'equals', value: 'Expensify', caseSensitive: false },
    ]);
    expect(fieldRulesFor(EXPENSIFY_PROFILE, { permissionModel: 'user-based' }, 'role-form')).toEqual([]);
    expect(EXPENSIFY_PROFILE.role).toEqual({ name: 'Expensify' });
  });

  it('checks employees and expense types only when exporting expense reports', () => {
    expect(fieldRulesFor(EXPENSIFY_PROFILE, reports, 'employee-form').map((r) => [r.subject, r.expect.kind])).toEqual([
      ['Employee ID', 'nonEmpty'],
      ['Primary contact', 'nonEmpty'],
      ['Employee email', 'email'],
    ]);
    expect(fieldRulesFor(EXPENSIFY_PROFILE, reports, 'expense-type-form').map((r) => r.labels[0])).toEqual([
      'Expense type',
      'Description',
      'Account number',
    ]);
  });

  it('shows the role and permissions steps on the role subscriptions page for role-based companies', () => {
    expect(stepsForPage(EXPENSIFY_PROFILE, reports, 'role-subscriptions').map((s) => s.id)).toEqual(['permissions']);
    expect(stepsForPage(EXPENSIFY_PROFILE, reports, 'role-form').map((s) => s.id)).toEqual(['role']);
    expect(stepsForPage(EXPENSIFY_PROFILE, reports, 'company-subscriptions').map((s) => s.id)).toEqual([
      'te-subscription',
      'customization-services',
    ]);
  });
});

describe('Expensify: sender ID', () => {
  it('authorizes exactly "expensify", in lowercase, compared case-sensitively', () => {
    expect(EXPENSIFY_PROFILE.senderIds).toHaveLength(1);
    expect(EXPENSIFY_PROFILE.senderIds[0]).toMatchObject({ id: 'expensify', caseSensitive: true });
    const rule = fieldRulesFor(EXPENSIFY_PROFILE, {}, 'sender-form').find((r) => r.id === 'sender-id');
    expect(rule?.expect).toEqual({ kind: 'equals', value: 'expensify', caseSensitive: true });
  });

  it('has the admin download the package from Expensify', () => {
    expect(EXPENSIFY_PROFILE.package).toMatchObject({
      kind: 'download',
      url: 'https://www.expensify.com/tools/integrations/downloadPackage',
    });
    const manual = EXPENSIFY_PROFILE.steps.filter((s) => s.manual).map((s) => s.id);
    expect(manual).toEqual(['package-download', 'connect', 'sync-options']);
  });

  it('asks for a Business web services user with Full admin privileges', () => {
    expect(EXPENSIFY_PROFILE.wsUser).toMatchObject({
      userId: 'xmlgateway_expensify',
      userType: 'Business',
      adminPrivileges: 'Full',
    });
  });
});
