import { gatewaySessionsItem, gatewayTimeoutItem } from '@/utils/storage/session-items';
import { browser, type Browser } from 'wxt/browser';
import { explainConnection, explainDiagnosis } from '@/utils/intacct/explain';
import { checkPermissions, type PermissionCheckResult } from '@/utils/audit/permission-check';
import { rightsChanges } from '@/utils/audit/drift';
import { countStatuses, summaryOf } from '@/utils/export/evidence';
import { lastAuditOf, newAuditId, withAudit, type AuditRecord } from '@/utils/audit/history';
import { parseReviewer, reviewerItem, updateAuditHistory } from '@/utils/storage/evidence';
import { testConnection } from '@/utils/intacct/transport';
import { getProfile, requiredPermissions } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { companyFromUrl, companyKey, connectionStoreItem, effectiveTimeout, lastCompanyItem, parseConnectionStore, parseSessions, sessionKey, stateOf, withState } from '@/utils/storage/connection';
import { customProfilesItem, parseCustomProfiles } from '@/utils/storage/custom-profiles';
import type { ConnectionState } from '@/utils/intacct/connection-state';
import { isIntacctUrl } from '@/utils/hosts';
import { withManagedProfiles } from '@/utils/managed/apply';
import type { ManagedState } from '@/utils/managed/config';
import { readManagedStateDirect } from '@/utils/managed/read';
import { showBadge } from './badge';
import { parseMessage, type ConnectionMessage, type CheckPermissionsMessage, type CheckPermissionsReply, type TestConnectionMessage, type TestConnectionReply } from '@/utils/messages/protocol';

export interface HandlerDeps {
  fetchFn?: typeof fetch;
  now?: () => number;
  /** Backoff between 5xx retries; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  setBadge?: (state: ConnectionState | null) => Promise<void>;
  /** The organization's policy (storage.managed); tests pass one. */
  managed?: () => Promise<ManagedState>;
}

/** Our own extension pages (the popup), not content scripts, not other extensions, not web pages. */
export function isFromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  const base = browser.runtime.getURL('/');
  return sender.url.startsWith(base);
}

async function findProfile(profileId: string, managed: ManagedState): Promise<IntegrationProfile | undefined> {
  return getProfile(profileId, withManagedProfiles(parseCustomProfiles(await customProfilesItem.getValue()), managed.config));
}

async function postOptions(deps: HandlerDeps) {
  const timeoutMs = effectiveTimeout(await gatewayTimeoutItem.getValue());
  return {
    timeoutMs,
    ...(deps.fetchFn ? { fetchFn: deps.fetchFn } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  };
}

// Read-modify-write of the stores happens one message at a time.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function testConnectionFor(message: TestConnectionMessage, deps: HandlerDeps, managed: ManagedState): Promise<TestConnectionReply> {
  const profile = await findProfile(message.profileId, managed);
  if (!profile) return { kind: 'error', message: `No integration profile "${message.profileId}" is known.` };
  const result = await testConnection(
    {
      senderId: message.senderId,
      senderPassword: message.senderPassword,
      userId: message.userId,
      companyId: message.companyId,
      userPassword: message.userPassword,
      ...(message.locationId !== undefined ? { locationId: message.locationId } : {}),
    },
    await postOptions(deps),
  );
  const explained = explainConnection(result, profile, message.options, message.senderId);
  const now = (deps.now ?? Date.now)();

  // Nothing was sent for invalid input, so nothing is known about the connection.
  if (explained.code === 'invalid-input') {
    const store = parseConnectionStore(await connectionStoreItem.getValue());
    return { kind: 'tested', result: explained, state: stateOf(store, message.companyId, profile.id), canCheckPermissions: false };
  }

  const state: ConnectionState = explained.ok
    ? { status: 'connected', at: now }
    : { status: 'failing', code: explained.code, at: now };
  const sessionId = result.kind === 'answered' && result.outcome.ok ? result.outcome.sessionId : undefined;
  const endpoint = result.kind === 'answered' ? result.outcome.endpoint : undefined;

  await serialized(async () => {
    const store = parseConnectionStore(await connectionStoreItem.getValue());
    await connectionStoreItem.setValue(withState(store, message.companyId, profile.id, state));
    const sessions = parseSessions(await gatewaySessionsItem.getValue());
    const key = sessionKey(message.companyId, profile.id);
    if (sessionId) {
      sessions[key] = {
        sessionId,
        ...(endpoint ? { endpoint } : {}),
        senderId: message.senderId,
        userId: message.userId,
        companyId: message.companyId,
        at: now,
      };
    } else {
      delete sessions[key];
    }
    await gatewaySessionsItem.setValue(sessions);
  });
  await (deps.setBadge ?? showBadge)(state);
  return { kind: 'tested', result: explained, state, canCheckPermissions: sessionId !== undefined };
}

async function checkPermissionsFor(message: CheckPermissionsMessage, deps: HandlerDeps, managed: ManagedState): Promise<CheckPermissionsReply> {
  const profile = await findProfile(message.profileId, managed);
  if (!profile) return { kind: 'error', message: `No integration profile "${message.profileId}" is known.` };
  const key = sessionKey(message.companyId, profile.id);
  const session = parseSessions(await gatewaySessionsItem.getValue())[key];
  if (!session) {
    return {
      kind: 'error',
      message: 'Run the connection test first: the permission check uses the session it opens (kept until the browser closes).',
    };
  }
  const checked = await checkPermissions(
    {
      session: {
        senderId: session.senderId,
        senderPassword: message.senderPassword,
        sessionId: session.sessionId,
        ...(session.endpoint ? { endpoint: session.endpoint } : {}),
      },
      userId: session.userId,
      companyId: session.companyId,
      profile,
      rules: requiredPermissions(profile, message.options),
    },
    await postOptions(deps),
  );
  if (checked.kind === 'findings') return recordUserAudit(checked, session.userId, companyKey(message.companyId), profile.id, deps);
  if (checked.kind === 'failed') {
    if (checked.code === 'session-invalid') {
      await serialized(async () => {
        const sessions = parseSessions(await gatewaySessionsItem.getValue());
        delete sessions[key];
        await gatewaySessionsItem.setValue(sessions);
      });
    }
    return { kind: 'failed', code: checked.code, result: explainDiagnosis(checked.code, checked.diagnosis, profile, message.options) };
  }
  return checked;
}

export const HIDDEN_BY_POLICY = 'Your organization turned off the connection test in this browser.';

/**
 * Keeps the whole-user audit in the company's history (each check is an audit) and says what changed
 * since the last one of the same user.
 */
async function recordUserAudit(
  checked: Extract<PermissionCheckResult, { kind: 'findings' }>,
  userId: string,
  company: string,
  profileId: string,
  deps: HandlerDeps,
): Promise<CheckPermissionsReply> {
  const at = (deps.now ?? Date.now)();
  const id = newAuditId();
  const reviewer = parseReviewer(await reviewerItem.getValue());
  const subject = { kind: 'user' as const, name: userId };
  let baseline: AuditRecord | undefined;
  await updateAuditHistory((history) => {
    baseline = lastAuditOf(history, company, { subject, view: 'api' });
    return withAudit(history, company, {
      id,
      at,
      reviewer,
      subject,
      profileId,
      view: 'api',
      summary: summaryOf(checked.findings),
      counts: countStatuses(checked.findings),
      rights: checked.rights,
    });
  });
  const before = baseline;
  return {
    ...checked,
    audit: { id, at, reviewer, company, userId },
    baseline: before ? { id: before.id, at: before.at, reviewer: before.reviewer, summary: before.summary } : null,
    changes: before ? rightsChanges(before.rights, checked.rights) : [],
  };
}

/**
 * The background's answer to a popup message, or undefined (synchronously) when the message is not one
 * of ours or does not come from our own extension pages, so other listeners can answer it.
 */
export function handleConnectionMessage(
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  deps: HandlerDeps = {},
): Promise<TestConnectionReply | CheckPermissionsReply> | undefined {
  const message: ConnectionMessage | null = parseMessage('ish/test-connection', raw) ?? parseMessage('ish/check-permissions', raw);
  if (!message || !isFromExtensionPage(sender)) return undefined;
  const work = (async (): Promise<TestConnectionReply | CheckPermissionsReply> => {
    const managed = await (deps.managed ?? readManagedStateDirect)();
    // The popup hides the test under this policy; the gateway stays uncalled even if asked another way.
    if (managed.config.hideConnectionTest) return { kind: 'error', message: HIDDEN_BY_POLICY };
    return message.type === 'ish/test-connection'
      ? testConnectionFor(message, deps, managed)
      : checkPermissionsFor(message, deps, managed);
  })();
  return work.catch((): { kind: 'error'; message: string } => ({
    kind: 'error',
    message: 'The extension could not finish the check. Try again.',
  }));
}

/** Remembers the `.cc` of the Intacct tab a recognized page reports from (see companyFromUrl). */
export function rememberCompany(raw: unknown, sender: Browser.runtime.MessageSender): void {
  if (!parseMessage('ish/page', raw)) return;
  if (sender.id !== browser.runtime.id || !isIntacctUrl(sender.url)) return;
  const company = companyFromUrl(sender.tab?.url) ?? companyFromUrl(sender.url);
  if (!company) return;
  void lastCompanyItem
    .getValue()
    .then((current) => (current === company ? undefined : lastCompanyItem.setValue(company)))
    .catch(() => undefined);
}

/** The badge after a browser restart: the last tested pair's state. */
export async function restoreBadge(setBadge: HandlerDeps['setBadge'] = showBadge): Promise<void> {
  const store = parseConnectionStore(await connectionStoreItem.getValue());
  const last = store.last;
  await setBadge(last ? stateOf(store, last.companyId, last.profileId) : null);
}

export function registerConnectionHandlers(deps: HandlerDeps = {}): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    rememberCompany(raw, sender);
    return handleConnectionMessage(raw, sender, deps);
  });
  void restoreBadge(deps.setBadge).catch(() => undefined);
}
