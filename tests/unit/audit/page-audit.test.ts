import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { auditPage } from '@/utils/audit/page-audit';
import { PAGE_KINDS, type PageKind } from '@/utils/pages/kinds';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import type { IntegrationProfile, OptionValues, SenderIdRule } from '@/utils/profiles/schema';
import { FIXTURE_PAGES } from '../../fixtures/intacct/catalog';
import { MANGLERS, fixtureHtml, parseHtml } from '../pages/load-fixture';

const load = (name: string): Document => parseHtml(fixtureHtml(name));
const summary = (findings: Finding[]): Array<[string, string]> => findings.map((f) => [f.subject, f.status]);
const EXPENSE_REPORTS: OptionValues = { export: 'expense-reports' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('auditPage on the demo pages', () => {
  it('older WS user form for Expensify: wrong type and admin level, no User ID, Status ok, in page order', () => {
    expect(summary(auditPage(load('ws-user-form'), 'ws-user-form', EXPENSIFY_PROFILE, {}))).toEqual([
      ['User ID', 'missing'],
      ['Last name', 'missing'],
      ['First name', 'missing'],
      ['Email address', 'missing'],
      ['User type', 'wrong'],
      ['Admin privileges', 'wrong'],
      ['Status', 'ok'],
    ]);
  });

  it('current WS user form for Expensify: Business ok, Limited wrong', () => {
    expect(summary(auditPage(load('ws-user-form-current'), 'ws-user-form', EXPENSIFY_PROFILE, {}))).toEqual([
      ['User ID', 'missing'],
      ['Email address', 'missing'],
      ['Contact name', 'missing'],
      ['Status', 'ok'],
      ['User type', 'ok'],
      ['Admin privileges', 'wrong'],
    ]);
  });

  it('WS user form for Certify checks only the email the password is sent to', () => {
    for (const name of ['ws-user-form', 'ws-user-form-current']) {
      expect(summary(auditPage(load(name), 'ws-user-form', CERTIFY_PROFILE, {}))).toEqual([['Email address', 'missing']]);
    }
  });

  it('ties each finding to its profile step', () => {
    const findings = auditPage(load('ws-user-form'), 'ws-user-form', EXPENSIFY_PROFILE, {});
    expect(new Set(findings.map((f) => f.stepId))).toEqual(new Set(['ws-user']));
    const subs = auditPage(load('company-subscriptions'), 'company-subscriptions', EXPENSIFY_PROFILE, EXPENSE_REPORTS);
    expect(subs.map((f) => [f.subject, f.stepId])).toEqual([
      ['Time & Expenses', 'te-subscription'],
      ['Customization Services', 'customization-services'],
    ]);
  });

  it('T&E configuration: the demo’s three wrong settings only matter for expense reports', () => {
    const doc = load('te-configuration');
    expect(summary(auditPage(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS))).toEqual([
      ['Expense types', 'ok'],
      ['Expense report numbering', 'wrong'],
      ['Employee numbering', 'ok'],
      ['Duplicate numbers', 'wrong'],
      ['Expense report approval', 'wrong'],
    ]);
    expect(auditPage(doc, 'te-configuration', EXPENSIFY_PROFILE, { export: 'vendor-bills' })).toEqual([]);
    expect(auditPage(doc, 'te-configuration', EXPENSIFY_PROFILE, {})).toEqual([]);
  });

  it('company subscriptions: Time & Expenses missing for expense reports, Customization Services ok', () => {
    expect(summary(auditPage(load('company-subscriptions'), 'company-subscriptions', EXPENSIFY_PROFILE, EXPENSE_REPORTS))).toEqual([
      ['Time & Expenses', 'missing'],
      ['Customization Services', 'ok'],
    ]);
    expect(summary(auditPage(load('company-subscriptions'), 'company-subscriptions', CERTIFY_PROFILE, {}))).toEqual([
      ['Web Services', 'ok'],
      ['Platform Services', 'missing'],
    ]);
  });

  it('company security: Expensify written with a capital E; Certify’s two senders not authorized as written', () => {
    const exp = auditPage(load('company-security'), 'company-security', EXPENSIFY_PROFILE, {});
    expect(summary(exp)).toEqual([['Sender ID expensify', 'wrong']]);
    expect(exp[0]?.message).toMatch(/capital E/);
    expect(exp[0]?.stepId).toBe('sender-authorization');
    expect(summary(auditPage(load('company-security'), 'company-security', CERTIFY_PROFILE, {}))).toEqual([
      ['Sender ID Ajax', 'missing'],
      ['Sender ID Certify', 'missing'],
    ]);
  });

  it('sender form, role form, employee and expense type pages', () => {
    expect(summary(auditPage(load('sender-form'), 'sender-form', EXPENSIFY_PROFILE, {}))).toEqual([
      ['Sender ID', 'missing'],
      ['Sender status', 'ok'],
    ]);
    expect(summary(auditPage(load('role-form'), 'role-form', EXPENSIFY_PROFILE, { permissionModel: 'role-based' }))).toEqual([
      ['Role name', 'missing'],
    ]);
    expect(auditPage(load('role-form'), 'role-form', EXPENSIFY_PROFILE, {})).toEqual([]);
    expect(summary(auditPage(load('employee-form'), 'employee-form', EXPENSIFY_PROFILE, EXPENSE_REPORTS))).toEqual([
      ['Employee ID', 'missing'],
      ['Primary contact', 'missing'],
      ['Employee email', 'missing'],
    ]);
    expect(summary(auditPage(load('expense-type-form'), 'expense-type-form', EXPENSIFY_PROFILE, EXPENSE_REPORTS))).toEqual([
      ['Expense type', 'missing'],
      ['Description', 'missing'],
      ['GL account', 'missing'],
    ]);
  });

  it('leaves the permissions pages to the permissions audit', () => {
    for (const kind of ['user-subscriptions', 'user-permissions', 'role-subscriptions', 'role-permissions'] as const) {
      const page = FIXTURE_PAGES.find((p) => p.kind === kind)!;
      expect(auditPage(load(page.name), kind, EXPENSIFY_PROFILE, EXPENSE_REPORTS)).toEqual([]);
    }
  });

  it('flips a finding to ok when the admin changes the field in the page', () => {
    const doc = load('te-configuration');
    const select = doc.querySelector('select[name="_obj__DUPLICATENUMBERS"]') as HTMLSelectElement;
    select.value = 'Do not allow creation';
    const f = auditPage(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS).find((x) => x.subject === 'Duplicate numbers');
    expect(f).toMatchObject({ status: 'ok', found: 'Do not allow creation', message: '', fix: '' });
  });

  it('orders findings as the page does even when the profile lists them otherwise', () => {
    const reversed: IntegrationProfile = {
      ...EXPENSIFY_PROFILE,
      steps: EXPENSIFY_PROFILE.steps.map((s) => (s.fields ? { ...s, fields: [...s.fields].reverse() } : s)),
    };
    expect(auditPage(load('ws-user-form'), 'ws-user-form', reversed, {}).map((f) => f.subject)).toEqual(
      auditPage(load('ws-user-form'), 'ws-user-form', EXPENSIFY_PROFILE, {}).map((f) => f.subject),
    );
  });

  it('shows a hostile value verbatim in found, as text', () => {
    const doc = load('company-security');
    const hostile = '<img src=x onerror=alert(1)>';
    doc.querySelector('#xmlpartners tbody td')!.textContent = hostile;
    const certifyLike: IntegrationProfile = {
      ...EXPENSIFY_PROFILE,
      senderIds: [{ id: '<IMG src=x onerror=alert(1)>', caseSensitive: true, note: 'test' }],
    };
    const f = auditPage(doc, 'company-security', certifyLike, {})[0];
    expect(f?.found).toBe(hostile);
    expect(doc.querySelector('img')).toBeNull();
  });
});

describe('auditPage never breaks', () => {
  const profiles: Array<[string, IntegrationProfile, OptionValues]> = [
    ['Expensify (defaults)', EXPENSIFY_PROFILE, {}],
    ['Expensify (expense reports, role-based)', EXPENSIFY_PROFILE, { export: 'expense-reports', permissionModel: 'role-based' }],
    ['Certify', CERTIFY_PROFILE, {}],
  ];
  const pages = FIXTURE_PAGES.filter((p): p is typeof p & { kind: PageKind } => p.kind !== null);

  for (const [how, mangle] of Object.entries(MANGLERS)) {
    it(`gives the same verdicts with ${how}`, () => {
      for (const page of pages) {
        for (const [, profile, values] of profiles) {
          const doc = load(page.name);
          mangle(doc);
          const before = auditPage(load(page.name), page.kind, profile, values).map((f) => [f.id, f.status]);
          expect(auditPage(doc, page.kind, profile, values).map((f) => [f.id, f.status])).toEqual(before);
        }
      }
    });
  }

  it('reports only not-found checks for an empty document, on every page kind', () => {
    const docs = [parseHtml(''), document.implementation.createHTMLDocument('')];
    const bare = parseHtml('');
    bare.documentElement.remove();
    docs.push(bare);
    for (const doc of docs) {
      for (const kind of PAGE_KINDS) {
        for (const [, profile, values] of profiles) {
          expect(auditPage(doc, kind, profile, values).filter((f) => f.status !== 'not-found')).toEqual([]);
        }
      }
      expect(summary(auditPage(doc, 'ws-user-form', EXPENSIFY_PROFILE, {}))).toContainEqual(['User type', 'not-found']);
    }
  });

  it('survives half-built pages: a table without cells, labels pointing nowhere, a select without options', () => {
    const doc = parseHtml(`
      <table><tr><th>Sender ID</th><th>Description</th><th>Status</th></tr><tr></tr><tr><td>expensify</td></tr></table>
      <label for="missing">User type</label><label for="empty">Admin privileges</label><select id="empty"></select>
      <input type="checkbox" role="switch">`);
    for (const kind of PAGE_KINDS) {
      for (const [, profile, values] of profiles) expect(() => auditPage(doc, kind, profile, values)).not.toThrow();
    }
    const onForm = summary(auditPage(doc, 'ws-user-form', EXPENSIFY_PROFILE, {}));
    expect(onForm.filter(([, status]) => status !== 'not-found')).toEqual([['Admin privileges', 'missing']]);
    expect(onForm).toContainEqual(['User ID', 'not-found']);
    expect(summary(auditPage(doc, 'company-security', EXPENSIFY_PROFILE, {}))).toEqual([['Sender ID expensify', 'missing']]);
  });

  it('skips a failing check and still reports the others', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken: IntegrationProfile = {
      ...EXPENSIFY_PROFILE,
      senderIds: null as unknown as SenderIdRule[],
      steps: EXPENSIFY_PROFILE.steps.map((s) =>
        s.id === 'sender-authorization'
          ? {
              ...s,
              fields: [
                ...(s.fields ?? []),
                {
                  id: 'min-password',
                  pageKind: 'company-security',
                  labels: ['Minimum password length'],
                  subject: 'Minimum password length',
                  expect: { kind: 'equals', value: '8', caseSensitive: false },
                  fix: 'Choose 8.',
                },
              ],
            }
          : s,
      ),
    };
    expect(summary(auditPage(load('company-security'), 'company-security', broken, {}))).toEqual([['Minimum password length', 'ok']]);
    expect(warn).toHaveBeenCalled();
  });

  it('takes unknown or stale option values as the defaults', () => {
    expect(summary(auditPage(load('te-configuration'), 'te-configuration', EXPENSIFY_PROFILE, { export: 'carrier-pigeon' }))).toEqual([]);
  });
});
