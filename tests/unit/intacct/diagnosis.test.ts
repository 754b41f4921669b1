import { describe, expect, it } from 'vitest';
import { GATEWAY_CODES, type GatewayCode } from '@/utils/intacct/codes';
import { diagnose, diagnoseTransportFailure, type FixStepId } from '@/utils/intacct/diagnosis';
import type { GatewayError } from '@/utils/intacct/schema';

const err = (fields: Partial<GatewayError>): GatewayError => ({
  errorno: '',
  description: '',
  description2: '',
  correction: '',
  ...fields,
});

const ctx = (errors: GatewayError[] = []) => ({ senderId: 'expensify', userId: 'xml_user', companyId: 'DEMOCO', errors });

// Which checklist step fixes each code; null where the admin has nothing to change in Intacct.
const STEP: Record<GatewayCode, FixStepId | null> = {
  ok: null,
  'sender-credentials': null,
  'sender-not-authorized': 'sender-authorization',
  'user-credentials': 'ws-user',
  'session-invalid': null,
  'permission-denied': 'permissions',
  'company-expired': null,
  'rate-limited': null,
  'request-malformed': null,
  'function-failed': null,
  'not-xml': null,
  unknown: 'web-services-subscription',
};

describe('diagnose', () => {
  it.each(GATEWAY_CODES.map((code) => [code]))('%s names its fix step (or none) in plain words', (code) => {
    const diagnosis = diagnose(code, ctx([err({ errorno: 'X1', description2: 'Something happened' })]));
    expect(diagnosis.fixStepId).toBe(STEP[code]);
    expect(diagnosis.title.length).toBeGreaterThan(5);
    expect(diagnosis.sentence).not.toMatch(/<\/?[a-z]+>/i);
    expect(diagnosis.severity).toBe(code === 'ok' ? 'success' : code === 'rate-limited' || code === 'session-invalid' ? 'warning' : 'error');
  });

  it('tells the admin where to authorize the sender, and that case matters', () => {
    const { sentence } = diagnose('sender-not-authorized', ctx());
    expect(sentence).toContain('Intacct refused the sender ID "expensify" for company DEMOCO.');
    expect(sentence).toContain('Company > Company Info > Security > Web Services Authorizations');
    expect(sentence).toContain('case-sensitive');
  });

  it('asks for the User ID, Company ID and password on a sign-in failure', () => {
    const { sentence } = diagnose('user-credentials', ctx([err({ errorno: 'XL03000006', description2: 'Sign-in information is incorrect' })]));
    expect(sentence).toContain('"xml_user"');
    expect(sentence).toMatch(/User ID.*Company ID.*password/);
  });

  it('points at the Company ID first for an invalidRequest reply', () => {
    const { sentence } = diagnose('user-credentials', ctx([err({ errorno: 'invalidRequest', description: 'Invalid Request' })]));
    expect(sentence).toMatch(/Company ID is wrong/);
    expect(sentence).toContain('"expensify"');
  });

  it('names the denied operation and object', () => {
    const denied = err({
      errorno: 'PL04000005',
      description2: 'You do not have permission for API operation READ_BY_QUERY on objects of type arinvoice [Support ID: x]',
    });
    const { sentence } = diagnose('permission-denied', ctx([err({ errorno: 'XL03000009' }), denied]));
    expect(sentence).toContain('The web services user "xml_user" may not READ_BY_QUERY arinvoice.');
    expect(sentence).toContain('role');
  });

  it('says the extension is at fault for a malformed request without echoing Intacct\'s parse error', () => {
    const { sentence } = diagnose('request-malformed', ctx([err({ errorno: 'XL03000003', description2: "Element 'password': 'hunter22' is not valid" })]));
    expect(sentence).toMatch(/bug in the extension/);
    expect(sentence).not.toContain('hunter22');
  });

  it('explains a body that is not XML', () => {
    expect(diagnose('not-xml', ctx()).sentence).toContain(
      'Intacct answered with something that is not an XML reply (an HTML page or an empty body)',
    );
  });

  it('repeats Intacct\'s words, Support ID included, when it cannot classify', () => {
    const { sentence } = diagnose('unknown', ctx([err({ errorno: 'XL03000006', description2: 'Something new [Support ID: S1]' })]));
    expect(sentence).toContain('Intacct said: "Something new [Support ID: S1]"');
    expect(sentence).toMatch(/Web Services subscription, the sender authorization .* and the credentials/);
  });

  it('names the expired company and the rate limit', () => {
    expect(diagnose('company-expired', ctx()).sentence).toContain('Company DEMOCO is a demo company');
    expect(diagnose('rate-limited', ctx()).sentence).toMatch(/Wait a minute/);
  });
});

describe('diagnoseTransportFailure', () => {
  it('passes the plain message through and points at no step', () => {
    const diagnosis = diagnoseTransportFailure({ kind: 'timeout', message: 'Intacct did not answer within 30 seconds.' });
    expect(diagnosis).toEqual({
      title: 'Intacct did not answer in time',
      sentence: 'Intacct did not answer within 30 seconds.',
      fixStepId: null,
      severity: 'warning',
    });
    expect(diagnoseTransportFailure({ kind: 'refused', message: 'x' }).severity).toBe('error');
  });
});
