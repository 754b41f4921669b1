import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MODULE_OBJECTS,
  applicationModuleName,
  checkPermissions,
  compareRights,
  findingsFromReads,
  moduleOfObject,
  objectsForRule,
  readsFromResults,
} from '@/utils/intacct/permission-check';
import { parseUserPermissions, type ApplicationPermissions } from '@/utils/intacct/permissions';
import { parseGatewayResponse } from '@/utils/intacct/response';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { BILL_SPEND_PROFILE, RAMP_PROFILE } from '@/utils/profiles/connectors';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { requiredPermissions } from '@/utils/profiles/registry';
import type { PermissionRule } from '@/utils/profiles/schema';
import { demoSessionId } from '../../fixtures/intacct/gateway';
import { demoGatewayFetch } from './demo-fetch';
import { SAMPLES } from './samples-dir';

const VENDOR_BILLS = requiredPermissions(EXPENSIFY_PROFILE, {});
const EXPENSE_REPORTS = requiredPermissions(EXPENSIFY_PROFILE, { export: 'expense-reports' });

function app(application: string, ...policies: [string, string][]): ApplicationPermissions {
  return { application, policies: policies.map(([name, rights]) => ({ name, rights: rights.split('|') })) };
}

const bySubject = (findings: { subject: string; status: string }[]) =>
  Object.fromEntries(findings.map((f) => [f.subject, f.status]));

describe('the module → object map (ours)', () => {
  it('covers every module the brief names, with the objects of reference §1.6/§6', () => {
    expect(MODULE_OBJECTS).toMatchObject({
      'General Ledger': ['GLACCOUNT'],
      'Cash Management': ['CHECKINGACCOUNT', 'CCTRANSACTION'],
      'Accounts Payable': ['APBILL', 'VENDOR'],
      'Time & Expenses': ['EEXPENSES', 'EMPLOYEE', 'EEACCOUNTLABEL'],
      Projects: ['PROJECT'],
      Company: ['DEPARTMENT', 'LOCATION'],
      Administration: ['USERINFO'],
    });
  });

  it('reaches a module through the profile’s aliases and finds an object’s module in any case', () => {
    const te: PermissionRule = { module: 'Expenses', aliases: ['Time & Expenses'], access: 'all', why: 'x' };
    expect(objectsForRule(te)).toEqual(['EEXPENSES', 'EMPLOYEE', 'EEACCOUNTLABEL']);
    expect(objectsForRule({ module: 'Emburse Certify', aliases: [], access: 'custom', why: 'x' })).toEqual([]);
    expect(moduleOfObject('arinvoice')).toBe('Accounts Receivable');
    expect(moduleOfObject('checkingaccount')).toBe('Cash Management');
  });
});

describe('compareRights (getUserPermissions vs the profile)', () => {
  it('maps "Time " to Time & Expenses, the profile having no bare Time alias (the recorded sample)', () => {
    const outcome = parseGatewayResponse(readFileSync(path.join(SAMPLES, 'getuserpermissions-success.xml'), 'utf8'));
    const findings = compareRights(EXPENSIFY_PROFILE, EXPENSE_REPORTS, parseUserPermissions(outcome));
    const te = findings.find((f) => f.subject === 'Time & Expenses');
    expect(te).toMatchObject({ status: 'ok', stepId: 'permissions', group: 'Permissions' });
    expect(te?.found).toContain('Reclass');
    // Everything else Expensify needs is absent from the sample.
    expect(bySubject(findings)).toMatchObject({ Administration: 'missing', 'General Ledger': 'missing', 'Cash Management': 'missing' });
  });

  it('All needs every permission beyond List/View; a read-only permission leaves it missing', () => {
    const apps = [app('General Ledger', ['Accounts', 'List|View|Add|Edit|Delete'], ['Journal entries', 'List|View'])];
    const gl = compareRights(EXPENSIFY_PROFILE, VENDOR_BILLS, apps).find((f) => f.subject === 'General Ledger');
    expect(gl?.status).toBe('missing');
    expect(gl?.message).toContain('Journal entries');
    expect(gl?.fix).toContain('Grant General Ledger All');
  });

  it('Read-only is List+View; more is flagged as excess', () => {
    const ok = compareRights(EXPENSIFY_PROFILE, VENDOR_BILLS, [app('Company', ['Departments', 'List|View'])]);
    expect(bySubject(ok).Company).toBe('ok');
    const more = compareRights(EXPENSIFY_PROFILE, VENDOR_BILLS, [app('company', ['Departments', 'List|View|Add|Delete'])]);
    const company = more.find((f) => f.subject === 'Company');
    expect(company?.status).toBe('excess');
    expect(company?.message).toContain('Add, Delete');
  });

  it('reports an application the integration does not need as excess, and a needed one that is absent as missing', () => {
    const apps = [app('Accounts Receivable', ['Customers', 'List|View'])];
    const findings = compareRights(EXPENSIFY_PROFILE, VENDOR_BILLS, apps);
    expect(bySubject(findings)).toMatchObject({
      'Accounts Receivable': 'excess',
      'Cash Management': 'missing',
      Administration: 'missing',
      'Accounts Payable': 'missing',
    });
    // Vendor bills do not need Time & Expenses: with "Time " granted it is excess.
    expect(bySubject(compareRights(EXPENSIFY_PROFILE, VENDOR_BILLS, [app('Time ', ['My Expenses', 'List|View|Add'])]))).toMatchObject({
      Time: 'excess',
    });
  });

  it('takes a bare "Time" as Time & Expenses only in getUserPermissions’ names', () => {
    expect(applicationModuleName('Time ')).toBe('time and expenses');
    expect(applicationModuleName('Expenses')).toBe('expenses');
    expect(applicationModuleName('Timesheets')).toBe('timesheets');
  });

  it('gives one finding when "Expenses" and a truncated "Time " both answer to Time & Expenses, and neither is excess', () => {
    const apps = [app('Time ', ['My Expenses', 'List|View']), app('Expenses', ['My Expenses', 'List|View|Add|Edit|Delete'])];
    const findings = compareRights(EXPENSIFY_PROFILE, EXPENSE_REPORTS, apps);
    const te = findings.filter((f) => f.subject === 'Time & Expenses' || f.subject === 'Time' || f.subject === 'Expenses');
    expect(te).toHaveLength(1);
    // The exactly named application is the one checked.
    expect(te[0]).toMatchObject({ subject: 'Time & Expenses', status: 'ok' });
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('calls nothing excess that a profile with an incomplete list does not name', () => {
    const apps = [app('Company', ['Departments', 'List|View|Add']), app('Accounts Receivable', ['Customers', 'List|View'])];
    for (const profile of [CERTIFY_PROFILE, RAMP_PROFILE, BILL_SPEND_PROFILE]) {
      const findings = compareRights(profile, requiredPermissions(profile, {}), apps);
      expect(findings.filter((f) => f.status === 'excess'), profile.id).toEqual([]);
    }
    // Rights beyond Read-only are not excess either, when the list is incomplete.
    const incomplete = { ...EXPENSIFY_PROFILE, permissionsComplete: false };
    expect(bySubject(compareRights(incomplete, VENDOR_BILLS, apps))).toMatchObject({ Company: 'ok' });
    expect(bySubject(compareRights(incomplete, VENDOR_BILLS, apps))['Accounts Receivable']).toBeUndefined();
    // A module it names only under other options still is.
    expect(bySubject(compareRights(incomplete, VENDOR_BILLS, [app('Time ', ['My Expenses', 'List|View|Add'])]))).toMatchObject({ Time: 'excess' });
    // Expensify's own list is complete.
    expect(bySubject(compareRights(EXPENSIFY_PROFILE, VENDOR_BILLS, apps))).toMatchObject({ Company: 'excess', 'Accounts Receivable': 'excess' });
  });

  it('checks the rights a custom rule lists for each named object', () => {
    const rules = requiredPermissions(CERTIFY_PROFILE, {});
    const ap = rules.find((r) => r.module === 'Accounts Payable');
    if (!ap) throw new Error('Certify has no Accounts Payable rule');
    const named = ap.objects?.filter((o) => o.nameKnown !== false) ?? [];
    const findings = compareRights(CERTIFY_PROFILE, [ap], [app('Accounts Payable')]);
    expect(findings[0]?.status).toBe(named.length > 0 ? 'missing' : 'ok');
  });
});

describe('one-record reads (when getUserPermissions is refused)', () => {
  it('turns PL04000005 into a missing module that names the refused object', () => {
    const reads = readsFromResults(
      ['CHECKINGACCOUNT', 'GLACCOUNT'],
      [
        {
          function: 'readByQuery',
          controlId: 'probe-CHECKINGACCOUNT',
          status: 'failure',
          data: undefined,
          errors: [
            {
              errorno: 'PL04000005',
              description: '',
              description2: 'You do not have permission for API operation READ_BY_QUERY on objects of type checkingaccount [Support ID: x]',
              correction: '',
            },
          ],
        },
        { function: 'readByQuery', controlId: 'probe-GLACCOUNT', status: 'success', data: {}, errors: [] },
      ],
    );
    expect(reads).toEqual([
      {
        object: 'CHECKINGACCOUNT',
        outcome: 'refused',
        operation: 'READ_BY_QUERY',
        detail: 'PL04000005: You do not have permission for API operation READ_BY_QUERY on objects of type checkingaccount',
      },
      { object: 'GLACCOUNT', outcome: 'readable' },
    ]);
    const findings = findingsFromReads(EXPENSIFY_PROFILE, VENDOR_BILLS, reads);
    const cm = findings.find((f) => f.subject === 'Cash Management');
    expect(cm?.status).toBe('missing');
    expect(cm?.found).toContain('refused: CHECKINGACCOUNT');
    expect(findings.find((f) => f.subject === 'General Ledger')?.status).toBe('ok');
  });

  it('a read that fails for another reason is "wrong" (maybe not subscribed), not a permission', () => {
    const reads = readsFromResults(['PROJECT'], [
      {
        function: 'readByQuery',
        controlId: 'probe-PROJECT',
        status: 'failure',
        data: undefined,
        errors: [{ errorno: 'Query Failed', description: 'Object definition PROJECT not found', description2: '', correction: '' }],
      },
    ]);
    const rules = requiredPermissions(EXPENSIFY_PROFILE, { dimensions: 'projects' }).filter((r) => r.module === 'Projects');
    expect(findingsFromReads(EXPENSIFY_PROFILE, rules, reads)[0]).toMatchObject({ subject: 'Projects', status: 'wrong' });
  });
});

describe('checkPermissions against the demo gateway', () => {
  const session = (user: string, company = 'DEMOCO') => ({
    senderId: 'democo_sender',
    senderPassword: 'sender-secret',
    sessionId: demoSessionId({ company, user }),
    endpoint: 'https://api.intacct.com/ia/xml/xmlgw.phtml',
  });

  it('asks getUserPermissions with the session, on the session’s endpoint, and compares', async () => {
    const demo = demoGatewayFetch();
    const result = await checkPermissions(
      { session: session('xmlgateway_expensify'), userId: 'xmlgateway_expensify', companyId: 'DEMOCO', profile: EXPENSIFY_PROFILE, rules: VENDOR_BILLS },
      { fetchFn: demo.fetchFn },
    );
    expect(demo.urls).toEqual(['https://api.intacct.com/ia/xml/xmlgw.phtml']);
    expect(demo.bodies[0]).toContain('<sessionid>');
    expect(demo.bodies[0]).toContain('<getUserPermissions><userId>xmlgateway_expensify</userId></getUserPermissions>');
    if (result.kind !== 'findings') throw new Error(`failed: ${result.code}`);
    expect(result.source).toBe('getUserPermissions');
    expect(bySubject(result.findings)).toEqual({
      Administration: 'ok',
      Company: 'ok',
      'Cash Management': 'missing',
      'General Ledger': 'ok',
      'Accounts Payable': 'ok',
      Time: 'excess',
      'Accounts Receivable': 'excess',
    });
    expect(JSON.stringify(result)).not.toContain('sender-secret');
  });

  it('falls back to readByQuery (pagesize 1) of each object when getUserPermissions is refused', async () => {
    const demo = demoGatewayFetch();
    const result = await checkPermissions(
      { session: session('limited'), userId: 'limited', companyId: 'DEMOCO', profile: EXPENSIFY_PROFILE, rules: VENDOR_BILLS },
      { fetchFn: demo.fetchFn },
    );
    expect(demo.bodies).toHaveLength(2);
    expect(demo.bodies[1]).toContain('<readByQuery><object>CHECKINGACCOUNT</object><query/><fields>*</fields><pagesize>1</pagesize>');
    if (result.kind !== 'findings') throw new Error(`failed: ${result.code}`);
    expect(result.source).toBe('readByQuery');
    expect(result.note).toContain('PL04000005');
    expect(bySubject(result.findings)).toEqual({
      Administration: 'ok',
      Company: 'ok',
      'Cash Management': 'missing',
      'General Ledger': 'ok',
      'Accounts Payable': 'ok',
    });
    expect(result.findings.find((f) => f.subject === 'Cash Management')?.found).toBe('refused: CHECKINGACCOUNT, CCTRANSACTION');
  });

  it('an ended session is a session-invalid diagnosis, not findings', async () => {
    const demo = demoGatewayFetch();
    const result = await checkPermissions(
      { session: session('x', 'STALE'), userId: 'x', companyId: 'STALE', profile: EXPENSIFY_PROFILE, rules: VENDOR_BILLS },
      { fetchFn: demo.fetchFn },
    );
    expect(result).toMatchObject({ kind: 'failed', code: 'session-invalid' });
  });

  it('refuses to send the session anywhere but an https *.intacct.com endpoint', async () => {
    const demo = demoGatewayFetch();
    const result = await checkPermissions(
      { session: { ...session('x'), endpoint: 'https://evil.example/xmlgw' }, userId: 'x', companyId: 'DEMOCO', profile: EXPENSIFY_PROFILE, rules: VENDOR_BILLS },
      { fetchFn: demo.fetchFn },
    );
    expect(result).toMatchObject({ kind: 'failed', code: 'refused' });
    expect(demo.bodies).toHaveLength(0);
  });
});
