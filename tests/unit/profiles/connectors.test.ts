import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { auditPage } from '@/utils/audit/page-audit';
import { auditContextFor } from '@/utils/audit/permission-words';
import { auditPermissionsWindow, auditSubscriptions } from '@/utils/audit/permission-judging';
import { auditUserPermissions } from '@/utils/audit/user-permissions';
import {
  ABACUS_PROFILE,
  BILL_SPEND_PROFILE,
  BREX_PROFILE,
  CONNECTOR_PROFILES,
  DATABASICS_PROFILE,
  EMBURSE_SPEND_PROFILE,
  EXPENSEIN_PROFILE,
  FYLE_PROFILE,
  GORILLA_EXPENSE_PROFILE,
  RAMP_PROFILE,
  TALLIE_PROFILE,
} from '@/utils/profiles/connectors';
import { fieldRulesFor, requiredPermissions, requiredSteps, requiredSubscriptions } from '@/utils/profiles/registry';
import { IntegrationProfileSchema, httpsHost, type IntegrationProfile, type OptionValues } from '@/utils/profiles/schema';
import { readPermissionsWindow } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { permissionsWindowHtml, row } from '../permissions/build-page';

const CRUD = ['List', 'View', 'Add', 'Edit', 'Delete'];

/** The Security tab's Web Services authorizations, one row a sender: [Sender ID, Status]. */
function securityPage(rows: Array<[string, string]>): Document {
  const body = rows.map(([id, status]) => `<tr><td>${id}</td><td>${id} sender</td><td>${status}</td><td><a href="#">Edit</a></td></tr>`).join('');
  return parseHtml(
    `<h1>Company Information</h1><h2>Web Services authorizations</h2><table><thead><tr><th>Sender ID</th><th>Description</th><th>Status</th><th>Actions</th></tr></thead><tbody>${body}</tbody></table>`,
  );
}

/** The demo's sender window with the Sender ID typed in. */
function senderForm(senderId: string): Document {
  const doc = parseHtml(fixtureHtml('sender-form'));
  const input = doc.querySelector<HTMLInputElement>('#_obj__SENDERID');
  if (!input) throw new Error('the demo sender form has no Sender ID input');
  input.value = senderId;
  input.setAttribute('value', senderId);
  return doc;
}

/** Company › Subscriptions as switches, [application, on]. */
function subscriptionsPage(apps: Array<[string, boolean]>): Document {
  return parseHtml(apps.map(([name, on]) => `<input type="checkbox" role="switch" aria-label="${name}"${on ? ' checked' : ''}>`).join(''));
}

function roleSubscriptions(profile: IntegrationProfile, values: OptionValues): Finding[] {
  return auditSubscriptions(
    readSubscriptionsPage(parseHtml(fixtureHtml('role-subscriptions'))),
    requiredPermissions(profile, values),
    auditContextFor(profile, values),
  );
}

function permissionsWindow(html: string, profile: IntegrationProfile, values: OptionValues = {}): Finding[] {
  return auditPermissionsWindow(readPermissionsWindow(parseHtml(html)), requiredPermissions(profile, values), auditContextFor(profile, values));
}

const verdict = (findings: readonly Finding[], subject: string): string | undefined => findings.find((f) => f.subject === subject)?.status;

describe('published connector profiles', () => {
  it.each(CONNECTOR_PROFILES.map((p) => [p.name, p] as const))('%s parses and admits what its source leaves out', (_n, profile) => {
    expect(IntegrationProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile.knownGaps.length).toBeGreaterThan(0);
  });

  it.each(CONNECTOR_PROFILES.map((p) => [p.name, p] as const))('%s links every source it cites over https', (_n, profile) => {
    for (const source of [profile.source, ...(profile.moreSources ?? [])]) {
      expect(source.url, source.citation).toBeDefined();
      expect(httpsHost(source.url ?? ''), source.citation).not.toBe('');
    }
  });

  it('authorizes each published sender ID exactly as the vendor spells it', () => {
    const senders = Object.fromEntries(CONNECTOR_PROFILES.map((p) => [p.id, p.senderIds.map((s) => s.id)]));
    expect(senders).toEqual({
      ramp: ['RampFinancialMPP'],
      brex: ['BrexMPP'],
      'bill-spend-expense': ['bill.com'],
      expensein: [],
      'gorilla-expense': [],
      'emburse-spend': ['EmburseMPP'],
      databasics: ['DATABASICS'],
      fyle: [],
      tallie: [],
      abacus: [],
    });
    expect(fieldRulesFor(BILL_SPEND_PROFILE, {}, 'sender-form')[0]?.expect).toEqual({
      kind: 'equals',
      value: 'bill.com',
      caseSensitive: true,
    });
  });

  it('says so when a vendor does not publish its sender ID, rather than guessing one', () => {
    for (const profile of [EXPENSEIN_PROFILE, GORILLA_EXPENSE_PROFILE, FYLE_PROFILE, TALLIE_PROFILE, ABACUS_PROFILE]) {
      expect(profile.knownGaps.join(' ')).toMatch(/sender ID/);
      expect(fieldRulesFor(profile, {}, 'sender-form')).toEqual([]);
    }
  });

  it('gives Brex full access to the four modules it names', () => {
    expect(requiredPermissions(BREX_PROFILE, {}).map((p) => [p.module, p.access])).toEqual([
      ['Company', 'all'],
      ['Cash Management', 'all'],
      ['General Ledger', 'all'],
      ['Accounts Receivable', 'all'],
    ]);
    expect(BREX_PROFILE.wsUser).toMatchObject({ userType: 'Business', adminPrivileges: 'Full' });
  });

  it('uses the Divvy user for BILL Spend & Expense', () => {
    expect(BILL_SPEND_PROFILE.wsUser.userId).toBe('Divvy');
  });

  it('lists ExpenseIn’s granular rights object by object', () => {
    const gl = requiredPermissions(EXPENSEIN_PROFILE, {}).find((p) => p.module === 'General Ledger');
    expect(gl?.objects).toEqual([
      { name: 'Accounts', rights: ['View'] },
      { name: 'Journal Entries', rights: ['Add'] },
    ]);
  });

  it('gives Gorilla Expense All on Time & Expenses only', () => {
    expect(requiredPermissions(GORILLA_EXPENSE_PROFILE, {}).map((p) => [p.module, p.access])).toEqual([
      ['Time & Expenses', 'all'],
    ]);
  });

  it('admits a permission list is incomplete where the source asks for more than it names', () => {
    const complete = Object.fromEntries(CONNECTOR_PROFILES.map((p) => [p.id, p.permissionsComplete ?? true]));
    expect(complete).toEqual({
      ramp: false, // “full module permissions”, modules not named
      brex: false, // the Admin role in role-based companies
      'bill-spend-expense': false, // “all permissions enabled within each module”
      expensein: true,
      'gorilla-expense': true,
      'emburse-spend': false, // permission list not published
      databasics: false, // the web services user's rights are not listed
      fyle: false, // one right read from code
      tallie: false, // “access & edit Platform Services”, “edit all fields”
      abacus: false, // permission list not published
    });
  });

  it('leaves Ramp’s module list empty because the article does not name the modules', () => {
    expect(requiredPermissions(RAMP_PROFILE, {})).toEqual([]);
    expect(RAMP_PROFILE.knownGaps.join(' ')).toMatch(/modules/);
  });
});

describe('Ramp purchase orders', () => {
  const on = { purchaseOrders: 'yes' };

  it('asks for full Purchasing only when purchase orders are imported', () => {
    expect(requiredPermissions(RAMP_PROFILE, on).map((p) => [p.module, p.access])).toEqual([['Purchasing', 'all']]);
    expect(requiredPermissions(RAMP_PROFILE, { purchaseOrders: 'no' })).toEqual([]);
    expect(RAMP_PROFILE.options.find((o) => o.id === 'purchaseOrders')?.default).toBe('no');
  });

  it('reports the role’s unticked Purchasing as missing with the option on, and says nothing of it with the option off', () => {
    const withPOs = roleSubscriptions(RAMP_PROFILE, on).find((f) => f.id === 'sub:purchasing');
    expect(withPOs).toMatchObject({ status: 'missing', found: 'not subscribed' });
    expect(withPOs?.fix).toMatch(/choose All/);
    expect(roleSubscriptions(RAMP_PROFILE, {}).find((f) => f.id === 'sub:purchasing')).toBeUndefined();
  });

  it('with the option on, a read-only Purchasing grid is missing rights; with it off, ticked Purchasing is excess and the option is named', () => {
    const html = permissionsWindowHtml({
      who: 'Role: Ramp',
      application: 'Purchasing',
      sections: [{ title: 'Activities and lists', shortcut: 'readonly', rows: [row('Purchase orders', CRUD, ['List', 'View'])] }],
    });
    expect(verdict(permissionsWindow(html, RAMP_PROFILE, on), 'Purchasing › Purchase orders')).toBe('missing');
    const off = permissionsWindow(html, RAMP_PROFILE, {});
    expect(off.map((f) => f.status)).toEqual(['excess']);
    expect(off[0]?.message).toContain('“Import purchase orders” is Yes');
  });

  it('the whole-user audit misses Purchasing only with the option on', () => {
    expect(verdict(auditUserPermissions(RAMP_PROFILE, requiredPermissions(RAMP_PROFILE, on), []), 'Purchasing')).toBe('missing');
    expect(auditUserPermissions(RAMP_PROFILE, requiredPermissions(RAMP_PROFILE, {}), [])).toEqual([]);
  });

  it('lists the purchasing document checks as a step of their own, only with the option on', () => {
    expect(requiredSteps(RAMP_PROFILE, on).map((s) => s.id)).toContain('purchase-order-documents');
    expect(requiredSteps(RAMP_PROFILE, {}).map((s) => s.id)).not.toContain('purchase-order-documents');
    expect(RAMP_PROFILE.moreSources?.map((s) => s.citation)).toEqual(['support.ramp.com 4435940482707', 'support.ramp.com 41102139615251']);
  });
});

describe('DATABASICS', () => {
  it('authorizes DATABASICS in capitals: a lower-case row is wrong, no row is missing', () => {
    const lower = auditPage(securityPage([['databasics', 'Active']]), 'company-security', DATABASICS_PROFILE, {});
    expect(lower.map((f) => [f.subject, f.status, f.found])).toEqual([['Sender ID DATABASICS', 'wrong', 'databasics']]);
    expect(lower[0]?.fix).toContain('all in capitals');
    expect(verdict(auditPage(securityPage([['cdocs_v2', 'Active']]), 'company-security', DATABASICS_PROFILE, {}), 'Sender ID DATABASICS')).toBe('missing');
    expect(verdict(auditPage(securityPage([['DATABASICS', 'Active']]), 'company-security', DATABASICS_PROFILE, {}), 'Sender ID DATABASICS')).toBe('ok');
  });

  it('checks the Sender ID typed in the sender window case-sensitively', () => {
    expect(verdict(auditPage(senderForm('databasics'), 'sender-form', DATABASICS_PROFILE, {}), 'Sender ID')).toBe('wrong');
    expect(verdict(auditPage(senderForm('DATABASICS'), 'sender-form', DATABASICS_PROFILE, {}), 'Sender ID')).toBe('ok');
  });

  it('needs Web Services and Platform Services; Customization Services does not stand in', () => {
    expect(requiredSubscriptions(DATABASICS_PROFILE, {}).map((s) => s.name)).toEqual(['Web Services', 'Platform Services']);
    const findings = auditPage(subscriptionsPage([['Web Services', true], ['Customization Services', true]]), 'company-subscriptions', DATABASICS_PROFILE, {});
    expect(findings.map((f) => [f.subject, f.status, f.stepId])).toEqual([
      ['Web Services', 'ok', 'web-services-subscription'],
      ['Platform Services', 'missing', 'platform-services'],
    ]);
    expect(findings[1]?.fix).toMatch(/Sage Intacct support/);
  });

  it('names the developer licence and the UI user’s Platform Services access, and claims no rights for the web services user', () => {
    const text = DATABASICS_PROFILE.steps.flatMap((s) => s.instructions).join(' ');
    expect(text).toMatch(/Web Services developer licence/);
    expect(text).toMatch(/UI\) user/);
    expect(DATABASICS_PROFILE.permissions).toEqual([]);
    expect(DATABASICS_PROFILE.knownGaps.join(' ')).toMatch(/permission list is not published/);
  });
});

describe('Emburse Spend and Abacus (one guide text)', () => {
  it('authorizes EmburseMPP for Emburse Spend; Abacus names no sender', () => {
    expect(fieldRulesFor(EMBURSE_SPEND_PROFILE, {}, 'sender-form').find((r) => r.id === 'sender-id')?.expect).toEqual({
      kind: 'equals',
      value: 'EmburseMPP',
      caseSensitive: true,
    });
    expect(verdict(auditPage(securityPage([['emburseMPP', 'Active']]), 'company-security', EMBURSE_SPEND_PROFILE, {}), 'Sender ID EmburseMPP')).toBe('wrong');
    expect(ABACUS_PROFILE.knownGaps.join(' ')).toMatch(/sender ID to authorize is not stated/);
  });

  it.each([EMBURSE_SPEND_PROFILE, ABACUS_PROFILE].map((p) => [p.name, p] as const))(
    '%s: a role step only in role-based companies, a charge card account only for card transactions',
    (_n, profile) => {
      const ids = (values: OptionValues) => requiredSteps(profile, values).map((s) => s.id);
      expect(ids({})).not.toContain('role');
      expect(ids({ permissionModel: 'role-based' })).toContain('role');
      expect(ids({})).toContain('charge-card-account');
      expect(ids({ cardTransactions: 'no' })).not.toContain('charge-card-account');
      expect(requiredSubscriptions(profile, {}).map((s) => s.name)).toEqual(['Web Services']);
      expect(profile.wsUser.userIdPattern).toMatch(/XML_Gateway/);
      // The guide publishes no rights, so nothing a page grants is called excess.
      expect(profile.permissions).toEqual([]);
      expect(profile.permissionsComplete).toBe(false);
      expect(roleSubscriptions(profile, {}).filter((f) => f.status === 'excess')).toEqual([]);
      expect(profile.knownGaps.join(' ')).toMatch(/permission list is not published/);
    },
  );

  it('cites the enhanced connector’s two articles and the classic one', () => {
    expect([EMBURSE_SPEND_PROFILE.source, ...(EMBURSE_SPEND_PROFILE.moreSources ?? [])].map((s) => s.url?.match(/articles\/(\d+)/)?.[1])).toEqual([
      '44356576934925',
      '44365154562445',
      '4424760178573',
    ]);
  });
});

describe('Fyle', () => {
  const company = (ticked: readonly string[]) =>
    permissionsWindowHtml({
      who: 'User: fyle_user',
      application: 'Company',
      sections: [
        {
          title: 'Activities and lists',
          shortcut: 'custom',
          rows: [row('Attachment Folders', CRUD, ticked), row('Departments', CRUD, ['List', 'View'])],
        },
      ],
    });

  it('needs Add on Attachment Folders: missing without it, ok with it, and other rights are left alone', () => {
    const without = permissionsWindow(company(['List', 'View']), FYLE_PROFILE);
    expect(without.find((f) => f.subject === 'Company › Attachment Folders')).toMatchObject({ status: 'missing', found: 'List, View' });
    expect(without.find((f) => f.subject === 'Company › Attachment Folders')?.fix).toBe('Tick Add for Attachment Folders.');
    const withAdd = permissionsWindow(company(['List', 'Add']), FYLE_PROFILE);
    expect(withAdd.map((f) => [f.subject, f.status])).toEqual([
      ['Company › Attachment Folders', 'ok'],
      ['Company › Departments', 'ok'],
    ]);
  });

  it('says so when the window has no Attachment Folders row', () => {
    const html = permissionsWindowHtml({
      application: 'Company',
      sections: [{ title: 'Activities and lists', rows: [row('Departments', CRUD, true)] }],
    });
    expect(permissionsWindow(html, FYLE_PROFILE).find((f) => f.subject === 'Company › Attachment Folders')).toMatchObject({
      status: 'missing',
      found: 'no row by that name in this window',
    });
  });

  it('claims nothing else: no sender, no subscription, the rest left as unknown', () => {
    expect(FYLE_PROFILE.senderIds).toEqual([]);
    expect(FYLE_PROFILE.subscriptions).toEqual([]);
    expect(FYLE_PROFILE.knownGaps.join(' ')).toMatch(/permission list is not published/);
  });
});

describe('Tallie', () => {
  it('takes Platform Services in place of Customization Services', () => {
    const rules = requiredSubscriptions(TALLIE_PROFILE, {});
    expect(rules.map((s) => [s.name, s.alternatives])).toEqual([['Customization Services', ['Platform Services']]]);
    expect(auditPage(subscriptionsPage([['Platform Services', true]]), 'company-subscriptions', TALLIE_PROFILE, {})[0]).toMatchObject({
      status: 'ok',
      found: 'Platform Services subscribed instead',
    });
    expect(verdict(auditPage(subscriptionsPage([['Customization Services', false]]), 'company-subscriptions', TALLIE_PROFILE, {}), 'Customization Services')).toBe('missing');
  });

  it('connects with Console credentials, not a web services user, and gets its package from Tallie', () => {
    const ids = requiredSteps(TALLIE_PROFILE, {}).map((s) => s.id);
    expect(ids).not.toContain('ws-user');
    expect(ids).toEqual(expect.arrayContaining(['connect', 'package-download', 'package-upload']));
    expect(TALLIE_PROFILE.wsUser.note).toMatch(/Console/);
    expect(TALLIE_PROFILE.package).toMatchObject({ kind: 'vendor-sends' });
    expect(requiredSteps(TALLIE_PROFILE, {}).find((s) => s.id === 'package-upload')?.pageKinds).toEqual(['custom-package']);
  });

  it('needs some right in Platform Services on the connecting user, without naming which', () => {
    const html = (ticked: boolean) =>
      permissionsWindowHtml({
        who: 'User: admin',
        application: 'Platform Services',
        sections: [{ title: 'Activities and lists', rows: [row('Applications', CRUD, ticked)] }],
      });
    expect(verdict(permissionsWindow(html(false), TALLIE_PROFILE), 'Platform Services')).toBe('missing');
    expect(verdict(permissionsWindow(html(true), TALLIE_PROFILE), 'Platform Services')).toBe('ok');
  });
});
