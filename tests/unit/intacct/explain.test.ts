import { describe, expect, it } from 'vitest';
import { buildPageGuide } from '@/utils/guide/page-guide';
import { explainConnection, resolveFixStep } from '@/utils/intacct/explain';
import { testConnection, type ConnectionTestInput } from '@/utils/intacct/transport';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { demoGatewayFetch } from './demo-fetch';

const GOOD: ConnectionTestInput = {
  senderId: 'democo_sender',
  senderPassword: 'sender-secret',
  userId: 'xmlgateway_expensify',
  companyId: 'DEMOCO',
  userPassword: 'user-secret',
};

async function explained(change: Partial<ConnectionTestInput>, options: Record<string, string> = {}) {
  const { fetchFn } = demoGatewayFetch();
  const result = await testConnection({ ...GOOD, ...change }, { fetchFn, timeoutMs: 50, sleep: async () => {} });
  return explainConnection(result, EXPENSIFY_PROFILE, options, { ...GOOD, ...change }.senderId);
}

describe('the step that fixes a problem', () => {
  it('is numbered as the overlay numbers it, for the chosen options', () => {
    const choices: Record<string, string>[] = [{}, { export: 'expense-reports', permissionModel: 'role-based' }];
    for (const options of choices) {
      const step = resolveFixStep(EXPENSIFY_PROFILE, options, 'sender-authorization');
      const onPage = buildPageGuide({ profileId: 'expensify', options }, 'company-security').steps.find(
        (s) => s.id === 'sender-authorization',
      );
      expect(step?.number).toBe(onPage?.number);
      expect(step?.title).toBe('Authorize Expensify’s sender ID');
      expect(step?.menuPath).toContain('Company > Company Info > Security');
    }
  });

  it('is null for a step the profile does not have', () => {
    expect(resolveFixStep(EXPENSIFY_PROFILE, {}, 'web-services-subscription')).toBeNull();
    expect(resolveFixStep(EXPENSIFY_PROFILE, {}, null)).toBeNull();
  });
});

describe('explainConnection', () => {
  it('sender not authorized: names the tested sender and Expensify’s own, and points at Web Services Authorizations', async () => {
    const result = await explained({ senderId: 'unauthorized' });
    expect(result.code).toBe('sender-not-authorized');
    expect(result.sentence).toContain('"unauthorized"');
    expect(result.sentence).toContain('Expensify signs in with its own sender ID "expensify"');
    expect(result.sentence).toContain('Company > Company Info > Security > Web Services Authorizations');
    expect(result.fix).toMatchObject({ id: 'sender-authorization', title: 'Authorize Expensify’s sender ID' });
    expect(result.errors[0]).toMatchObject({ errorno: 'XL03000006', description: 'Invalid Web Services Authorization' });
  });

  it('user credentials: the web services user step', async () => {
    const result = await explained({ userPassword: 'wrong' });
    expect(result).toMatchObject({ code: 'user-credentials', fix: { id: 'ws-user', title: 'Create the web services user' } });
    expect(result.sentence).toMatch(/User ID, the Company ID and the user's password/);
  });

  it('permission denied: the object named in the error, its module, and the permissions step', async () => {
    const result = await explained({ userId: 'denied' });
    expect(result.code).toBe('permission-denied');
    expect(result.sentence).toContain('may not READ userinfo');
    expect(result.sentence).toContain('userinfo belongs to Administration');
    expect(result.fix).toMatchObject({ id: 'permissions', title: 'Give Expensify its permissions' });
  });

  it('transport failures keep their kind and carry no gateway errors', async () => {
    const timeout = await explained({ companyId: 'SLOW' });
    expect(timeout).toMatchObject({ code: 'timeout', ok: false, fix: null, errors: [] });
    expect(timeout.sentence).toBe('Intacct did not answer within 50 milliseconds.');
    const outage = await explained({ companyId: 'OUTAGE' });
    expect(outage).toMatchObject({ code: 'http', httpStatus: 502 });
  });

  it('a password that is also an ordinary word does not blank out a word of the diagnosis', async () => {
    // The demo's "wrong" sender password: Intacct's text is scrubbed, our own sentences are not.
    const result = await explained({ senderPassword: 'wrong' });
    expect(result.title).toBe('The sender ID or sender password is wrong');
    expect(result.code).toBe('sender-credentials');
  });

  it('never carries a password, even where Intacct’s error would quote one', async () => {
    const results = await Promise.all([explained({ senderId: 'unauthorized' }), explained({ userPassword: 'wrong' }), explained({})]);
    const text = JSON.stringify(results);
    expect(text).not.toContain('sender-secret');
    expect(text).not.toContain('user-secret');
  });
});
