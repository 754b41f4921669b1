import { gatewaySessionsItem, gatewayTimeoutItem } from '@/utils/storage/session-items';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { badgeFor } from '@/utils/background/badge';
import {
  HIDDEN_BY_POLICY,
  handleConnectionMessage,
  isFromExtensionPage,
  rememberCompany,
  restoreBadge,
  type HandlerDeps,
} from '@/utils/background/connection';
import type { CheckPermissionsReply, TestConnectionMessage, TestConnectionReply } from '@/utils/messages/protocol';
import { connectionStoreItem, lastCompanyItem, parseConnectionStore } from '@/utils/storage/connection';
import { customProfilesItem } from '@/utils/storage/custom-profiles';
import { auditsOf, parseHistory } from '@/utils/audit/history';
import { auditHistoryItem } from '@/utils/storage/evidence';
import { DEMO_PERMISSIONS } from '../../fixtures/intacct/gateway';
import { parseManagedConfig } from '@/utils/managed/config';
import { builtProfile } from '../package/built-profile';
import { demoGatewayFetch } from '../intacct/demo-fetch';

const USER_SECRET = 'user-pw-5f2c91';
const SENDER_SECRET = 'sender-pw-8e13aa';

function popup(): Browser.runtime.MessageSender {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
}

function message(change: Partial<TestConnectionMessage> = {}): TestConnectionMessage {
  return {
    type: 'ish/test-connection',
    profileId: 'expensify',
    options: {},
    companyId: 'DEMOCO',
    userId: 'xmlgateway_expensify',
    userPassword: USER_SECRET,
    senderId: 'democo_sender',
    senderPassword: SENDER_SECRET,
    ...change,
  };
}

function deps(extra: Partial<HandlerDeps> = {}): HandlerDeps {
  return { fetchFn: demoGatewayFetch().fetchFn, now: () => 1_700_000_000_000, sleep: async () => {}, ...extra };
}

async function test(change: Partial<TestConnectionMessage> = {}, extra: Partial<HandlerDeps> = {}): Promise<TestConnectionReply> {
  const reply = handleConnectionMessage(message(change), popup(), deps(extra));
  if (!reply) throw new Error('the handler ignored the message');
  return (await reply) as TestConnectionReply;
}

async function tested(change: Partial<TestConnectionMessage> = {}) {
  const reply = await test(change);
  if (reply.kind !== 'tested') throw new Error(reply.message);
  return reply;
}

async function allStorage(): Promise<string> {
  const [local, sync, session] = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.sync.get(null),
    fakeBrowser.storage.session.get(null),
  ]);
  return JSON.stringify({ local, sync, session });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('who may ask', () => {
  it('ignores messages of the wrong shape', () => {
    const bad: unknown[] = [
      null,
      'ish/test-connection',
      { type: 'ish/test-connection' },
      { ...message(), extra: 'key' },
      { ...message(), userPassword: 42 },
      { ...message(), profileId: '' },
      { type: 'ish/unknown' },
    ];
    for (const raw of bad) expect(handleConnectionMessage(raw, popup(), deps())).toBeUndefined();
  });

  it('ignores messages not from our own extension pages', () => {
    const senders: Browser.runtime.MessageSender[] = [
      // Our content script on an Intacct page.
      { id: fakeBrowser.runtime.id, url: 'https://www-p02.intacct.com/ia/acct/frameset.phtml', tab: { id: 1 } as Browser.tabs.Tab },
      // Another extension's page.
      { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' },
      // No URL at all.
      { id: fakeBrowser.runtime.id },
    ];
    for (const sender of senders) {
      expect(isFromExtensionPage(sender)).toBe(false);
      expect(handleConnectionMessage(message(), sender, deps())).toBeUndefined();
    }
    expect(isFromExtensionPage(popup())).toBe(true);
  });
});

describe('the connection test', () => {
  it('connected: stores the state, keeps the session in session storage only, shows ✓ on the badge', async () => {
    const reply = await tested();
    expect(reply.result).toMatchObject({ code: 'ok', ok: true, title: 'Connection works', fix: null });
    expect(reply.state).toEqual({ status: 'connected', at: 1_700_000_000_000 });
    expect(reply.canCheckPermissions).toBe(true);

    const store = parseConnectionStore(await connectionStoreItem.getValue());
    expect(store.companies.DEMOCO?.expensify).toEqual({ status: 'connected', at: 1_700_000_000_000 });
    expect(store.last).toEqual({ companyId: 'DEMOCO', profileId: 'expensify' });
    const sessions = await gatewaySessionsItem.getValue();
    expect(Object.values(sessions)[0]).toMatchObject({ senderId: 'democo_sender', userId: 'xmlgateway_expensify', companyId: 'DEMOCO' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(Object.values(sessions)[0]?.sessionId ?? '?');

    expect(await fakeBrowser.action.getBadgeText({})).toBe('✓');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([15, 123, 95, 255]);
  });

  const FAILURES: [string, Partial<TestConnectionMessage>, string, string | null][] = [
    ['sender credentials', { senderPassword: 'wrong' }, 'sender-credentials', null],
    ['sender not authorized', { senderId: 'unauthorized' }, 'sender-not-authorized', 'sender-authorization'],
    ['user credentials', { userPassword: 'wrong' }, 'user-credentials', 'ws-user'],
    ['user credentials, HTTP 401', { userPassword: 'wrong401' }, 'user-credentials', 'ws-user'],
    ['wrong company ID, HTTP 400', { companyId: 'BADCO' }, 'user-credentials', 'ws-user'],
    ['permission denied', { userId: 'denied' }, 'permission-denied', 'permissions'],
    ['company expired', { companyId: 'EXPIRED' }, 'company-expired', null],
    ['rate limited', { companyId: 'BUSY' }, 'rate-limited', null],
    ['request malformed', { companyId: 'MALFORMED' }, 'request-malformed', null],
    ['HTML error page', { companyId: 'OUTAGE' }, 'http', null],
  ];

  it.each(FAILURES)('%s → %s, failing state, ! on the badge, the fixing step', async (_name, change, code, stepId) => {
    const reply = await tested(change);
    expect(reply.result.code).toBe(code);
    expect(reply.result.ok).toBe(false);
    expect(reply.result.fix?.id ?? null).toBe(stepId);
    expect(reply.state).toEqual({ status: 'failing', code, at: 1_700_000_000_000 });
    expect(reply.canCheckPermissions).toBe(false);
    const company = change.companyId ?? 'DEMOCO';
    expect(parseConnectionStore(await connectionStoreItem.getValue()).companies[company]?.expensify).toEqual(reply.state);
    expect(await gatewaySessionsItem.getValue()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('a failure after a success replaces the state and drops the session', async () => {
    await tested();
    await tested({ userPassword: 'wrong' });
    const store = parseConnectionStore(await connectionStoreItem.getValue());
    expect(store.companies.DEMOCO?.expensify).toMatchObject({ status: 'failing', code: 'user-credentials' });
    expect(await gatewaySessionsItem.getValue()).toEqual({});
  });

  it('times out with the configured (shorter) timeout: timeout state, no session', async () => {
    await gatewayTimeoutItem.setValue(1_000);
    const started = Date.now();
    const reply = await tested({ companyId: 'SLOW' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reply.result).toMatchObject({ code: 'timeout', title: 'Intacct did not answer in time' });
    expect(reply.result.sentence).toBe('Intacct did not answer within 1 second.');
    expect(reply.state).toMatchObject({ status: 'failing', code: 'timeout' });
  });

  it('invalid input sends nothing and stores nothing', async () => {
    const demo = demoGatewayFetch();
    const reply = await test({ userPassword: '', senderId: ' ' }, { fetchFn: demo.fetchFn });
    if (reply.kind !== 'tested') throw new Error('no reply');
    expect(reply.result.code).toBe('invalid-input');
    expect(reply.result.sentence).toBe('Please check: sender ID, user password.');
    expect(demo.bodies).toHaveLength(0);
    expect(await connectionStoreItem.getValue()).toEqual({ companies: {}, last: null });
  });

  it('an unknown profile is an error reply, not a crash', async () => {
    expect(await test({ profileId: 'nope' })).toEqual({ kind: 'error', message: 'No integration profile "nope" is known.' });
  });

  it('uses an imported profile from storage', async () => {
    await customProfilesItem.setValue([builtProfile()]);
    const reply = await tested({ profileId: 'acme-expenses', userPassword: 'wrong' });
    expect(reply.result.fix).toMatchObject({ id: 'ws-user', number: 1 });
  });

  it('uses a profile the organization supplies by policy', async () => {
    const managed = async () => parseManagedConfig({ customProfiles: [JSON.stringify(builtProfile())] });
    const reply = await test({ profileId: 'acme-expenses', userPassword: 'wrong' }, { managed });
    if (reply.kind !== 'tested') throw new Error(reply.message);
    expect(reply.result.fix).toMatchObject({ id: 'ws-user', number: 1 });
  });

  it('calls no gateway when the organization turned the connection test off', async () => {
    const demo = demoGatewayFetch();
    const managed = async () => parseManagedConfig({ hideConnectionTest: true });
    expect(await test({}, { fetchFn: demo.fetchFn, managed })).toEqual({ kind: 'error', message: HIDDEN_BY_POLICY });
    expect(demo.bodies).toHaveLength(0);
    expect(await connectionStoreItem.getValue()).toEqual({ companies: {}, last: null });
  });

  it('never stores a password: local, sync and session storage after a success and failures', async () => {
    await tested();
    await tested({ senderId: 'unauthorized' });
    await tested({ companyId: 'EXPIRED' });
    await tested({ userId: 'denied' });
    const dump = await allStorage();
    expect(dump).toContain('DEMOCO');
    expect(dump).not.toContain(USER_SECRET);
    expect(dump).not.toContain(SENDER_SECRET);
  });
});

describe('the permission check', () => {
  async function check(options: Record<string, string> = {}, companyId = 'DEMOCO'): Promise<CheckPermissionsReply> {
    const reply = handleConnectionMessage(
      { type: 'ish/check-permissions', profileId: 'expensify', options, companyId, senderPassword: SENDER_SECRET },
      popup(),
      deps(),
    );
    if (!reply) throw new Error('ignored');
    return (await reply) as CheckPermissionsReply;
  }

  it('needs a session from a successful test first', async () => {
    expect(await check()).toMatchObject({ kind: 'error', message: expect.stringContaining('Run the connection test first') });
  });

  it('compares the web services user’s rights with the profile after a successful test', async () => {
    await tested();
    const reply = await check();
    if (reply.kind !== 'findings') throw new Error(reply.kind);
    expect(reply.source).toBe('getUserPermissions');
    expect(reply.findings.find((f) => f.subject === 'Cash Management')?.status).toBe('missing');
    expect(reply.findings.find((f) => f.subject === 'Accounts Receivable')?.status).toBe('excess');
    expect(JSON.stringify(reply)).not.toContain(SENDER_SECRET);
  });

  it('lists refused objects when getUserPermissions is refused', async () => {
    await tested({ userId: 'limited' });
    const reply = await check();
    if (reply.kind !== 'findings') throw new Error(reply.kind);
    expect(reply.source).toBe('readByQuery');
    expect(reply.findings.find((f) => f.subject === 'Cash Management')).toMatchObject({
      status: 'missing',
      found: 'refused: CHECKINGACCOUNT, CCTRANSACTION',
    });
  });

  it('keeps each audit in the company’s history, and says what changed since the last one of that user', async () => {
    await tested();
    const first = await check();
    if (first.kind !== 'findings') throw new Error(first.kind);
    expect(first.audit).toMatchObject({ company: 'DEMOCO', userId: 'xmlgateway_expensify', at: 1_700_000_000_000 });
    expect(first.baseline).toBeNull();
    expect(first.changes).toEqual([]);

    // Someone takes Delete off General Ledger's Accounts in Intacct.
    const changed = DEMO_PERMISSIONS.map(([app, policies]) =>
      [app, policies.map(([name, rights]) => [name, app === 'General Ledger' && name === 'Accounts' ? 'List|View|Add|Edit' : rights] as const)] as const,
    );
    const reply = handleConnectionMessage(
      { type: 'ish/check-permissions', profileId: 'expensify', options: {}, companyId: 'DEMOCO', senderPassword: SENDER_SECRET },
      popup(),
      deps({ fetchFn: demoGatewayFetch(changed).fetchFn }),
    );
    const second = (await reply) as CheckPermissionsReply;
    if (second.kind !== 'findings') throw new Error(second.kind);
    expect(second.baseline).toMatchObject({ id: first.audit.id, summary: '1 missing, 2 excess' });
    expect(second.changes).toEqual([
      { module: 'General Ledger', object: 'Accounts', change: 'changed', before: ['List', 'View', 'Add', 'Edit', 'Delete'], after: ['List', 'View', 'Add', 'Edit'], added: [], removed: ['Delete'] },
    ]);
    const history = parseHistory(await auditHistoryItem.getValue());
    expect(auditsOf(history, 'DEMOCO').map((r) => r.id)).toEqual([first.audit.id, second.audit.id]);
    expect(JSON.stringify(history)).not.toContain(SENDER_SECRET);
    expect(JSON.stringify(history)).not.toContain(USER_SECRET);
  });

  it('an ended session is explained and forgotten', async () => {
    await tested({ companyId: 'STALE' });
    const reply = await check({}, 'STALE');
    expect(reply).toMatchObject({ kind: 'failed', code: 'session-invalid', result: { title: 'The Intacct session has ended' } });
    expect(await gatewaySessionsItem.getValue()).toEqual({});
  });
});

describe('company ID and badge restore', () => {
  it('remembers .cc from the Intacct tab a recognized page reports from (ASSUMED key)', async () => {
    rememberCompany(
      { type: 'ish/page', kind: 'company-security', url: 'https://www-p02.intacct.com/ia/acct/editor.phtml?.sess=demo' },
      {
        id: fakeBrowser.runtime.id,
        url: 'https://www-p02.intacct.com/ia/acct/editor.phtml?.sess=demo',
        tab: { url: 'https://www-p02.intacct.com/ia/acct/frameset.phtml?.sess=demo&.cc=DEMOCO' } as Browser.tabs.Tab,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await lastCompanyItem.getValue()).toBe('DEMOCO');
  });

  it('ignores page reports that are not from Intacct', async () => {
    rememberCompany(
      { type: 'ish/page', kind: 'company-security', url: 'https://evil.example/?.cc=EVIL' },
      { id: fakeBrowser.runtime.id, url: 'https://evil.example/?.cc=EVIL' },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await lastCompanyItem.getValue()).toBeNull();
  });

  it('restores the badge of the last tested pair (the service worker may have restarted)', async () => {
    await tested({ userPassword: 'wrong' });
    await fakeBrowser.action.setBadgeText({ text: '' });
    await restoreBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(badgeFor(null)).toEqual({ text: '', color: '#5d6f7c' });
  });
});
