import { describe, expect, it } from 'vitest';
import { checkPermissions, findingsFromReads, readsFromResults } from '@/utils/audit/permission-check';
import { MODULE_OBJECTS, moduleOfObject, objectsForRule } from '@/utils/intacct/module-objects';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { requiredPermissions } from '@/utils/profiles/registry';
import type { PermissionRule } from '@/utils/profiles/schema';
import { demoSessionId } from '../../fixtures/intacct/gateway';
import { demoGatewayFetch } from '../intacct/demo-fetch';

const VENDOR_BILLS = requiredPermissions(EXPENSIFY_PROFILE, {});

/** Module-level verdicts only: "General Ledger", not "General Ledger › Accounts". */
const bySubject = (findings: { subject: string; status: string }[]) =>
  Object.fromEntries(findings.filter((f) => !f.subject.includes(' › ')).map((f) => [f.subject, f.status]));

describe('the module → object map (ours)', () => {
  it('covers every module the brief names, with the objects of docs/intacct.md#objects-for-audits', () => {
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
    // The rights as Intacct sent them, for the audit history.
    expect(result.rights).toContainEqual({ module: 'General Ledger', object: 'Accounts', rights: ['List', 'View', 'Add', 'Edit', 'Delete'] });
    expect(result.rights).toContainEqual({ module: 'Time', object: 'Approve Expenses', rights: ['List'] });
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
    // A refused read grants nothing; a readable one proves Read only.
    expect(result.rights).toContainEqual({ module: 'Cash Management', object: 'CHECKINGACCOUNT', rights: [] });
    expect(result.rights).toContainEqual({ module: 'General Ledger', object: 'GLACCOUNT', rights: ['Read'] });
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
