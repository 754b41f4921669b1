import { diagnose, diagnoseTransportFailure, type Diagnosis } from './diagnosis';
import {
  buildRequest,
  gatewayRequestSchema,
  redactRequest,
  type GatewayFunction,
  type GatewayRequest,
} from './request';
import { readBodyLimited, type LimitedBody } from './read-body';
import { MAX_REPLY_BYTES, ourError, oversizedReply, parseGatewayResponse, type GatewayOutcome } from './response';

// Every client starts here; getAPISession may hand back another *.intacct.com host (docs/intacct.md#gateway-transport).
export const DEFAULT_ENDPOINT = 'https://api.intacct.com/ia/xml/xmlgw.phtml';

export type TransportResult =
  | { kind: 'reply'; status: number; body: string }
  /** A reply whose body ran past MAX_REPLY_BYTES: reading stopped there, and nothing of it is kept. */
  | { kind: 'too-large'; status: number; declaredBytes?: number }
  | { kind: 'timeout'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; message: string }
  /** The endpoint is not an https *.intacct.com URL; nothing was sent. */
  | { kind: 'refused'; message: string };

export interface PostOptions {
  endpoint?: string;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Credentials go only to Intacct: https, a host under intacct.com, the default port, no user info.
 * The returned session endpoint is checked the same way before anyone posts to it.
 */
export function isAllowedEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.hostname.toLowerCase().endsWith('.intacct.com') &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

function duration(ms: number): string {
  if (ms % 1000 === 0) return ms === 1000 ? '1 second' : `${ms / 1000} seconds`;
  return `${ms} milliseconds`;
}

function looksLikeXmlReply(contentType: string, body: string): boolean {
  return /xml/i.test(contentType) || /^\s*(?:<\?xml|<response[\s>])/.test(body);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Attempt =
  | { kind: 'response'; status: number; contentType: string; body: LimitedBody }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

async function attempt(fetchFn: typeof fetch, endpoint: string, xml: string, timeoutMs: number): Promise<Attempt> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced as well as aborted, so a fetch or body read that ignores the signal still ends on time.
  const timedOut = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const exchange = (async (): Promise<Attempt> => {
    try {
      const response = await fetchFn(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml' },
        body: xml,
        signal: controller.signal,
        // The admin's Intacct UI cookies have no place in a web services call.
        credentials: 'omit',
        cache: 'no-store',
        // A redirect could carry the credentials to a host isAllowedEndpoint never saw.
        redirect: 'error',
      });
      const body = await readBodyLimited(response, MAX_REPLY_BYTES);
      return { kind: 'response', status: response.status, contentType: response.headers.get('content-type') ?? '', body };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'timeout' };
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      return { kind: 'network', message: `Could not reach Intacct: the network request failed${detail}.` };
    }
  })();
  try {
    return await Promise.race([exchange, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Posts a request to the XML gateway. Never throws. Follows the SDK's policy (docs/intacct.md#gateway-transport):
 * retry 5xx with exponential backoff but never 524, and treat a 4xx carrying XML as a normal reply.
 */
export async function postToGateway(xml: string, opts: PostOptions = {}): Promise<TransportResult> {
  const endpoint = opts.endpoint ?? DEFAULT_ENDPOINT;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxRetries = Math.max(0, opts.maxRetries ?? 3);
  const sleep = opts.sleep ?? defaultSleep;
  if (!isAllowedEndpoint(endpoint)) {
    return {
      kind: 'refused',
      message: `Refused to send credentials to ${endpoint}: it is not an https://….intacct.com address.`,
    };
  }
  try {
    const fetchFn = opts.fetchFn ?? globalThis.fetch.bind(globalThis);
    for (let tries = 0; ; tries += 1) {
      const result = await attempt(fetchFn, endpoint, xml, timeoutMs);
      // Timeouts are not retried: each one already cost the admin the full wait.
      if (result.kind === 'timeout') return { kind: 'timeout', message: `Intacct did not answer within ${duration(timeoutMs)}.` };
      if (result.kind === 'network') return result;
      const { status, contentType } = result;
      const body = result.body.kind === 'text' ? result.body.text : '';
      const declared = result.body.kind === 'too-large' ? result.body.declaredBytes : undefined;
      const answer = (): TransportResult =>
        result.body.kind === 'text'
          ? { kind: 'reply', status, body }
          : { kind: 'too-large', status, ...(declared !== undefined ? { declaredBytes: declared } : {}) };
      // 429 is answered as a reply so the parser reports it as rate-limited whatever the body.
      if (status === 429) return { kind: 'reply', status, body };
      if (status < 400) return answer();
      if (status < 500) {
        if (looksLikeXmlReply(contentType, body)) return answer();
        return { kind: 'http', status, message: `Intacct answered HTTP ${status} without an XML reply.` };
      }
      // 524 means the origin timed out while the request may still be running; sending it again
      // could run it twice (the SDK never retries it either).
      const retryable = status !== 524 && tries < maxRetries;
      if (retryable) {
        await sleep(1000 * 2 ** tries);
        continue;
      }
      if (looksLikeXmlReply(contentType, body)) return answer();
      const after = tries > 0 ? ` after ${tries + 1} attempts` : '';
      return {
        kind: 'http',
        status,
        message: `Intacct's gateway answered HTTP ${status}${after}. Intacct may be having trouble; try again later.`,
      };
    }
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    return { kind: 'network', message: `Could not reach Intacct${detail}.` };
  }
}

export interface ConnectionTestInput {
  senderId: string;
  senderPassword: string;
  userId: string;
  companyId: string;
  userPassword: string;
  /** Entity to sign in to; omit for the top level. */
  locationId?: string;
}

export interface ConnectionTestOptions extends PostOptions {
  /** Control IDs only correlate request and reply; injectable for repeatable tests. */
  newControlId?: () => string;
}

export type ConnectionTestResult =
  | {
      kind: 'answered';
      httpStatus: number;
      outcome: GatewayOutcome;
      diagnosis: Diagnosis;
      /** The request as sent, passwords replaced by ***. */
      redactedRequest: string;
    }
  | {
      kind: 'not-answered';
      failure: { kind: 'timeout' | 'network' | 'http' | 'refused' | 'invalid-input'; message: string; status?: number };
      diagnosis: Diagnosis;
      redactedRequest?: string;
    };

// Intacct error texts can quote request values (docs/intacct.md#error-catalogue: XL03000003 quotes the schema error);
// short strings are skipped because replacing them would shred ordinary words.
export function scrub<T>(value: T, secrets: readonly string[]): T {
  const hidden = secrets.filter((secret) => secret.length >= 4);
  if (hidden.length === 0) return value;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return hidden.reduce((text, secret) => text.split(secret).join('***'), node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}

function parsedReply(sent: Extract<TransportResult, { kind: 'reply' | 'too-large' }>): GatewayOutcome {
  return sent.kind === 'reply' ? parseGatewayResponse(sent.body, sent.status) : oversizedReply(sent.status, sent.declaredBytes);
}

function defaultControlId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The popup's connection test, step 1 of docs/intacct.md#connection-test-order: getAPISession with the login,
 * sent alone (docs/intacct.md#api-sessions), classified and diagnosed. Never throws, and the result never holds
 * either password.
 */
export async function testConnection(
  input: ConnectionTestInput,
  opts: ConnectionTestOptions = {},
): Promise<ConnectionTestResult> {
  const secrets = [input.senderPassword, input.userPassword];
  try {
    const newId = opts.newControlId ?? defaultControlId;
    const request: GatewayRequest = {
      control: { senderId: input.senderId, senderPassword: input.senderPassword, controlId: newId() },
      auth: {
        kind: 'login',
        userId: input.userId,
        companyId: input.companyId,
        password: input.userPassword,
        ...(input.locationId !== undefined && input.locationId !== '' ? { locationId: input.locationId } : {}),
      },
      functions: [{ kind: 'getAPISession', controlId: newId() }],
    };
    const checked = gatewayRequestSchema.safeParse(request);
    if (!checked.success) {
      // Field names only: zod issues could echo the values, passwords included.
      const fields = [...new Set(checked.error.issues.map((issue) => fieldLabel(issue.path)))];
      const failure = { kind: 'invalid-input' as const, message: `Please check: ${fields.join(', ')}.` };
      return { kind: 'not-answered', failure, diagnosis: diagnoseTransportFailure(failure) };
    }
    const xml = buildRequest(checked.data);
    const redactedRequest = redactRequest(xml);
    const sent = await postToGateway(xml, opts);
    // Only what Intacct or the network said is scrubbed, before it is read; our own sentences are not, so a
    // password that is also an ordinary word ("wrong") cannot blank out a word of the diagnosis.
    if (sent.kind !== 'reply' && sent.kind !== 'too-large') {
      const failure = scrub(
        sent.kind === 'http' ? { kind: sent.kind, message: sent.message, status: sent.status } : sent,
        secrets,
      );
      return { kind: 'not-answered', failure, diagnosis: diagnoseTransportFailure(failure), redactedRequest };
    }
    let outcome = scrub(parsedReply(sent), secrets);
    // A reply naming another control ID answers someone else's request (a proxy or cache mixed them up):
    // nothing it says is about this test.
    if (outcome.controlId && outcome.controlId !== checked.data.control.controlId) {
      outcome = {
        ok: false,
        code: 'unknown',
        results: [],
        errors: [ourError(`The reply is for another request (control ID ${outcome.controlId}), not this test, so nothing was concluded. Run the test again.`)],
      };
    }
    const diagnosis = diagnose(outcome.code, {
      senderId: input.senderId,
      userId: input.userId,
      companyId: input.companyId,
      errors: outcome.errors,
    });
    return { kind: 'answered', httpStatus: sent.status, outcome, diagnosis, redactedRequest };
  } catch {
    const failure = { kind: 'network' as const, message: 'The connection test failed unexpectedly.' };
    return { kind: 'not-answered', failure, diagnosis: diagnoseTransportFailure(failure) };
  }
}

const FIELD_LABELS: Record<string, string> = {
  'control.senderId': 'sender ID',
  'control.senderPassword': 'sender password',
  'auth.userId': 'user ID',
  'auth.companyId': 'company ID',
  'auth.password': 'user password',
  'auth.locationId': 'entity ID',
  'auth.sessionId': 'session',
};

function fieldLabel(path: readonly PropertyKey[]): string {
  const key = path.map(String).join('.');
  return FIELD_LABELS[key] ?? key;
}

export interface SessionCredentials {
  senderId: string;
  senderPassword: string;
  sessionId: string;
  /** The endpoint getAPISession returned; checked by postToGateway like any other. */
  endpoint?: string;
}

export type SessionCallResult =
  | { kind: 'answered'; httpStatus: number; outcome: GatewayOutcome }
  | {
      kind: 'not-answered';
      failure: { kind: 'timeout' | 'network' | 'http' | 'refused' | 'invalid-input'; message: string; status?: number };
      diagnosis: Diagnosis;
    };

/**
 * Runs functions in one request signed in with an API session (docs/intacct.md#request-envelope,
 * session form), on the endpoint the session came with (docs/intacct.md#api-sessions). Never
 * throws; the result never holds the sender password or the session ID.
 */
export async function callWithSession(
  session: SessionCredentials,
  functions: readonly GatewayFunction[],
  opts: ConnectionTestOptions = {},
): Promise<SessionCallResult> {
  const secrets = [session.senderPassword, session.sessionId];
  try {
    const newId = opts.newControlId ?? defaultControlId;
    const request: GatewayRequest = {
      control: { senderId: session.senderId, senderPassword: session.senderPassword, controlId: newId() },
      auth: { kind: 'session', sessionId: session.sessionId },
      functions: [...functions],
    };
    const checked = gatewayRequestSchema.safeParse(request);
    if (!checked.success) {
      const fields = [...new Set(checked.error.issues.map((issue) => fieldLabel(issue.path)))];
      const failure = { kind: 'invalid-input' as const, message: `Please check: ${fields.join(', ')}.` };
      return { kind: 'not-answered', failure, diagnosis: diagnoseTransportFailure(failure) };
    }
    const sent = await postToGateway(buildRequest(checked.data), {
      ...opts,
      ...(session.endpoint ? { endpoint: session.endpoint } : {}),
    });
    if (sent.kind !== 'reply' && sent.kind !== 'too-large') {
      const failure = scrub(
        sent.kind === 'http' ? { kind: sent.kind, message: sent.message, status: sent.status } : sent,
        secrets,
      );
      return { kind: 'not-answered', failure, diagnosis: diagnoseTransportFailure(failure) };
    }
    const outcome = parsedReply(sent);
    // A session call never creates a session; drop the field so nothing downstream can leak one.
    const { sessionId: _dropped, ...rest } = outcome;
    return { kind: 'answered', httpStatus: sent.status, outcome: scrub(rest, secrets) };
  } catch {
    const failure = { kind: 'network' as const, message: 'The request to Intacct failed unexpectedly.' };
    return { kind: 'not-answered', failure, diagnosis: diagnoseTransportFailure(failure) };
  }
}
