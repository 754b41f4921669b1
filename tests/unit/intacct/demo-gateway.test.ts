import { describe, expect, it } from 'vitest';
import type { ConnectionCode } from '@/utils/intacct/explain';
import { testConnection, type ConnectionTestInput } from '@/utils/intacct/transport';
import { answerGateway, isGatewayUrl } from '../../fixtures/intacct/gateway';
import { demoGatewayFetch } from './demo-fetch';

const GOOD: ConnectionTestInput = {
  senderId: 'democo_sender',
  senderPassword: 'sender-secret',
  userId: 'xmlgateway_expensify',
  companyId: 'DEMOCO',
  userPassword: 'user-secret',
};

// The table at the top of tests/fixtures/intacct/gateway.ts, row by row: the demo must produce what the
// classifier calls each case, or the demo and the README would lie.
const ROWS: [string, Partial<ConnectionTestInput>, ConnectionCode][] = [
  ['anything else', {}, 'ok'],
  ['company SLOW', { companyId: 'SLOW' }, 'timeout'],
  ['company BUSY', { companyId: 'BUSY' }, 'rate-limited'],
  ['company OUTAGE', { companyId: 'OUTAGE' }, 'http'],
  ['company BADCO', { companyId: 'BADCO' }, 'user-credentials'],
  ['user password wrong401', { userPassword: 'wrong401' }, 'user-credentials'],
  ['sender password wrong', { senderPassword: 'wrong' }, 'sender-credentials'],
  ['company EXPIRED', { companyId: 'EXPIRED' }, 'company-expired'],
  ['company MALFORMED', { companyId: 'MALFORMED' }, 'request-malformed'],
  ['sender ID unauthorized', { senderId: 'unauthorized' }, 'sender-not-authorized'],
  ['user password wrong', { userPassword: 'wrong' }, 'user-credentials'],
  ['user ID denied', { userId: 'denied' }, 'permission-denied'],
];

describe('demo gateway', () => {
  it.each(ROWS)('%s → %s', async (_row, change, code) => {
    const { fetchFn } = demoGatewayFetch();
    const result = await testConnection({ ...GOOD, ...change }, { fetchFn, timeoutMs: 50, sleep: async () => {} });
    const got = result.kind === 'answered' ? result.outcome.code : result.failure.kind;
    expect(got).toBe(code);
  });

  it('gives a session and the endpoint on success', async () => {
    const { fetchFn } = demoGatewayFetch();
    const result = await testConnection(GOOD, { fetchFn });
    if (result.kind !== 'answered') throw new Error('not answered');
    expect(result.outcome.sessionId).toMatch(/\.\.$/);
    expect(result.outcome.endpoint).toBe('https://api.intacct.com/ia/xml/xmlgw.phtml');
  });

  it('uses the real HTTP 401 gateway shape and the &#039; quotes of the sender text', async () => {
    const { fetchFn } = demoGatewayFetch();
    const r401 = await testConnection({ ...GOOD, userPassword: 'wrong401' }, { fetchFn });
    if (r401.kind !== 'answered') throw new Error('not answered');
    expect(r401.httpStatus).toBe(401);
    expect(r401.outcome.errors[0]?.errorno).toBe('XMLGW_JPP0002');
    const sender = await testConnection({ ...GOOD, senderId: 'unauthorized' }, { fetchFn });
    if (sender.kind !== 'answered') throw new Error('not answered');
    expect(sender.outcome.errors[0]?.description2).toBe(
      "The sender ID 'unauthorized' is not authorized to make Web Services requests to company ID 'DEMOCO'.",
    );
  });

  it('answers unreadable XML as Intacct does (XL03000003) and knows its URL', () => {
    const answer = answerGateway('<request><control>');
    expect(answer.kind === 'reply' && answer.body).toContain('XL03000003');
    expect(isGatewayUrl('https://api.intacct.com/ia/xml/xmlgw.phtml')).toBe(true);
    expect(isGatewayUrl('https://api.intacct.com.evil.example/ia/xml/xmlgw.phtml')).toBe(false);
  });
});
