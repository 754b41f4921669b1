import { describe, expect, it } from 'vitest';
import { auditCompanySubscriptions } from '@/utils/audit/subscriptions';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { requiredSubscriptions } from '@/utils/profiles/registry';
import { readCompanySubscriptions } from '@/utils/page-data/company-subscriptions';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

const load = (): Document => parseHtml(fixtureHtml('company-subscriptions'));
const toggles = (apps: Array<[string, boolean]>): Document =>
  parseHtml(apps.map(([name, on]) => `<input type="checkbox" role="switch" aria-label="${name}"${on ? ' checked' : ''}>`).join(''));

describe('auditCompanySubscriptions', () => {
  it('with expense reports: Time & Expenses must be switched on, Customization Services is fine', () => {
    const subs = requiredSubscriptions(EXPENSIFY_PROFILE, { export: 'expense-reports' });
    const findings = auditCompanySubscriptions(readCompanySubscriptions(load()), subs);
    expect(findings.map((f) => [f.subject, f.status])).toEqual([
      ['Time & Expenses', 'missing'],
      ['Customization Services', 'ok'],
    ]);
    expect(findings[0]).toMatchObject({ found: 'not subscribed', fix: 'Switch on Time & Expenses.' });
    expect(findings[0]?.target?.getAttribute('aria-label')).toBe('Time & Expenses');
  });

  it('with vendor bills, Time & Expenses is not needed', () => {
    const subs = requiredSubscriptions(EXPENSIFY_PROFILE, {});
    expect(auditCompanySubscriptions(readCompanySubscriptions(load()), subs).map((f) => f.subject)).toEqual(['Customization Services']);
  });

  it('knows Expenses is the newer name of Time & Expenses', () => {
    const subs = requiredSubscriptions(EXPENSIFY_PROFILE, { export: 'expense-reports' });
    const findings = auditCompanySubscriptions(readCompanySubscriptions(toggles([['Expenses', false], ['Customization Services', true]])), subs);
    expect(findings[0]).toMatchObject({ subject: 'Time & Expenses', status: 'missing', fix: 'Switch on Expenses.' });
  });

  it('accepts Platform Services in place of Customization Services', () => {
    const subs = requiredSubscriptions(EXPENSIFY_PROFILE, {});
    const f = auditCompanySubscriptions(readCompanySubscriptions(toggles([['Platform Services', true]])), subs)[0];
    expect(f).toMatchObject({ subject: 'Customization Services', status: 'ok', found: 'Platform Services subscribed instead' });
  });

  it('for Certify: Web Services ok; Platform Services not listed, so it says Sage support enables it', () => {
    const findings = auditCompanySubscriptions(readCompanySubscriptions(load()), requiredSubscriptions(CERTIFY_PROFILE, {}));
    const ps = findings.find((f) => f.subject === 'Platform Services');
    expect(ps).toMatchObject({ status: 'missing', found: 'not listed' });
    expect(ps?.message).toMatch(/Sage Intacct support enables it/);
    expect(ps?.message).toMatch(/lists Customization Services/);
    expect(ps?.fix).toMatch(/Ask Sage Intacct support/);
    expect(findings.find((f) => f.subject === 'Web Services')?.status).toBe('ok');
  });

  it('says so when an ordinary application is not listed at all', () => {
    const subs = requiredSubscriptions(EXPENSIFY_PROFILE, { export: 'expense-reports' });
    const f = auditCompanySubscriptions(readCompanySubscriptions(toggles([['Customization Services', true]])), subs)[0];
    expect(f).toMatchObject({ subject: 'Time & Expenses', status: 'missing', found: 'not listed' });
    expect(f?.message).toMatch(/not listed on this page/);
  });

  it('claims nothing when no toggle could be read', () => {
    expect(auditCompanySubscriptions([], requiredSubscriptions(CERTIFY_PROFILE, {}))).toEqual([]);
  });
});
