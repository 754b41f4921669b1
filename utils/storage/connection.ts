import { storage } from '#imports';
import { ConnectionStateSchema, type ConnectionState } from '@/utils/intacct/connection-state';
import { z } from '@/utils/zod';

/*
 * What the connection test keeps. Rule (docs/intacct.md#secrets-and-sessions): the sender password,
 * the user password and the API session ID never reach storage.local or storage.sync. Passwords live
 * only in the popup's memory; the session ID lives in storage.session (memory only, cleared when the
 * browser closes, and not readable by content scripts under the default access level).
 */

// ---- connection state per company and integration (local: no secrets) --------------------------------


export const ConnectionStoreSchema = z.object({
  /** company ID → profile id → last result. */
  companies: z.record(z.string(), z.record(z.string(), ConnectionStateSchema)),
  /** The pair tested last; the toolbar badge shows its state. */
  last: z.object({ companyId: z.string(), profileId: z.string() }).nullable(),
});
export type ConnectionStore = z.infer<typeof ConnectionStoreSchema>;

export const EMPTY_CONNECTION_STORE: ConnectionStore = { companies: {}, last: null };

export const connectionStoreItem = storage.defineItem<ConnectionStore>('local:connectionStates', {
  fallback: EMPTY_CONNECTION_STORE,
  version: 1,
});

export function parseConnectionStore(value: unknown): ConnectionStore {
  const parsed = ConnectionStoreSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_CONNECTION_STORE;
}

/** Company IDs are stored as typed, trimmed: Intacct's own case rules for them are not documented. */
export function companyKey(companyId: string): string {
  return companyId.trim();
}

export function stateOf(store: ConnectionStore, companyId: string, profileId: string): ConnectionState | null {
  return store.companies[companyKey(companyId)]?.[profileId] ?? null;
}

export function withState(
  store: ConnectionStore,
  companyId: string,
  profileId: string,
  state: ConnectionState,
): ConnectionStore {
  const key = companyKey(companyId);
  return {
    companies: { ...store.companies, [key]: { ...store.companies[key], [profileId]: state } },
    last: { companyId: key, profileId },
  };
}

// ---- the company ID seen in the Intacct tab (local: not a secret) --------------------------------------

/**
 * ASSUMED (docs/intacct.md#hosts-and-urls, docs/intacct.md#assumptions-the-extension-makes): after
 * sign-in the frameset URL is `/ia/acct/frameset.phtml?.sess=…&.cc=…` and `.cc` is the company ID.
 * Nothing documents the key, so the value only pre-fills the form; the admin can change it.
 */
export function companyFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const cc = new URL(url).searchParams.get('.cc');
    return cc && /^[A-Za-z0-9_.-]{1,64}$/.test(cc) ? cc : null;
  } catch {
    return null;
  }
}

export const lastCompanyItem = storage.defineItem<string | null>('local:lastIntacctCompany', { fallback: null });

export function parseCompany(value: unknown): string | null {
  const parsed = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).safeParse(value);
  return parsed.success ? parsed.data : null;
}

// ---- API sessions (session storage only) ----------------------------------------------------------------

export const GatewaySessionSchema = z.object({
  sessionId: z.string().min(1),
  endpoint: z.string().optional(),
  senderId: z.string(),
  userId: z.string(),
  companyId: z.string(),
  at: z.number(),
});
export type GatewaySession = z.infer<typeof GatewaySessionSchema>;


export function sessionKey(companyId: string, profileId: string): string {
  return `${companyKey(companyId)}\n${profileId}`;
}

export function parseSessions(value: unknown): Record<string, GatewaySession> {
  const parsed = z.record(z.string(), GatewaySessionSchema).safeParse(value);
  return parsed.success ? parsed.data : {};
}


export const DEFAULT_GATEWAY_TIMEOUT_MS = 30_000;

export function effectiveTimeout(value: unknown): number {
  const parsed = z.number().int().safeParse(value);
  if (!parsed.success) return DEFAULT_GATEWAY_TIMEOUT_MS;
  return Math.min(DEFAULT_GATEWAY_TIMEOUT_MS, Math.max(1_000, parsed.data));
}
