import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseGatewayResponse } from '@/utils/intacct/response';
import { DEFAULT_ENDPOINT, isAllowedEndpoint, postToGateway, testConnection } from '@/utils/intacct/transport';
import { SESSION_OK, authFailure, controlFailure } from './replies';

type FetchArgs = Parameters<typeof fetch>;

function reply(status: number, body: string, contentType = 'text/xml'): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } });
}

/** A fetch that answers from a script, one entry per call, and records what it was sent. */
function scriptedFetch(...answers: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = vi.fn(async (input: FetchArgs[0], init?: FetchArgs[1]) => {
    calls.push({ url: String(input), init });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (!next) throw new Error('no scripted answer');
    if (next instanceof Error) throw next;
    return next.clone();
  });
  return { fetchFn: fetchFn as unknown as typeof fetch, calls, spy: fetchFn };
}

/** A fetch that never answers, and rejects only when aborted, like a real stalled request. */
function stalledFetch(): typeof fetch {
  return ((_input: FetchArgs[0], init?: FetchArgs[1]) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
}

const noSleep = vi.fn(async (_ms: number) => {});

afterEach(() => {
  vi.useRealTimers();
  noSleep.mockClear();
});

describe('postToGateway', () => {
  it('POSTs application/xml to the default endpoint and returns the reply', async () => {
    const { fetchFn, calls } = scriptedFetch(reply(200, SESSION_OK));
    const result = await postToGateway('<request/>', { fetchFn });
    expect(result).toEqual({ kind: 'reply', status: 200, body: SESSION_OK });
    expect(calls[0]?.url).toBe(DEFAULT_ENDPOINT);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(new Headers(calls[0]?.init?.headers).get('content-type')).toBe('application/xml');
    expect(calls[0]?.init?.body).toBe('<request/>');
  });

  it('times out with a clear message after 30 seconds by default', async () => {
    vi.useFakeTimers();
    const pending = postToGateway('<request/>', { fetchFn: stalledFetch() });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toEqual({ kind: 'timeout', message: 'Intacct did not answer within 30 seconds.' });
  });

  it('times out even when fetch ignores the abort signal', async () => {
    const never = (() => new Promise<Response>(() => {})) as typeof fetch;
    const result = await postToGateway('<request/>', { fetchFn: never, timeoutMs: 20 });
    expect(result.kind).toBe('timeout');
  });

  it('retries a 5xx with growing waits, then returns the success', async () => {
    const { fetchFn, spy } = scriptedFetch(reply(503, 'busy', 'text/html'), reply(502, ''), reply(200, SESSION_OK));
    const result = await postToGateway('<request/>', { fetchFn, sleep: noSleep });
    expect(result).toMatchObject({ kind: 'reply', status: 200 });
    expect(spy).toHaveBeenCalledTimes(3);
    expect(noSleep.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000]);
  });

  it('gives up after maxRetries and reports the HTTP status', async () => {
    const { fetchFn, spy } = scriptedFetch(reply(502, '<html>bad gateway</html>', 'text/html'));
    const result = await postToGateway('<request/>', { fetchFn, sleep: noSleep, maxRetries: 3 });
    expect(spy).toHaveBeenCalledTimes(4);
    expect(result).toMatchObject({ kind: 'http', status: 502 });
    expect(result.kind === 'http' && result.message).toContain('HTTP 502 after 4 attempts');
  });

  it('never retries a 524', async () => {
    const { fetchFn, spy } = scriptedFetch(reply(524, '<html>timeout</html>', 'text/html'), reply(200, SESSION_OK));
    const result = await postToGateway('<request/>', { fetchFn, sleep: noSleep });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ kind: 'http', status: 524 });
  });

  it('returns a 401 with an XML body as a reply to be parsed', async () => {
    const body = controlFailure([{ errorno: 'XMLGW_JPP0002', description: 'Sign-in information is incorrect. Please check your request.' }]);
    const { fetchFn } = scriptedFetch(reply(401, body, 'application/xml; charset=utf-8'));
    const result = await postToGateway('<request/>', { fetchFn, sleep: noSleep });
    expect(result).toEqual({ kind: 'reply', status: 401, body });
  });

  it('returns a 4xx without XML as an HTTP error', async () => {
    const { fetchFn } = scriptedFetch(reply(403, '<html>Forbidden</html>', 'text/html'));
    expect(await postToGateway('<request/>', { fetchFn })).toMatchObject({ kind: 'http', status: 403 });
  });

  it('returns a 429 as a reply that parses as rate-limited', async () => {
    const { fetchFn, spy } = scriptedFetch(reply(429, '', 'text/plain'));
    const result = await postToGateway('<request/>', { fetchFn, sleep: noSleep });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ kind: 'reply', status: 429 });
    if (result.kind === 'reply') expect(parseGatewayResponse(result.body, result.status).code).toBe('rate-limited');
  });

  it('names a network failure as such', async () => {
    const { fetchFn } = scriptedFetch(new TypeError('Failed to fetch'));
    const result = await postToGateway('<request/>', { fetchFn });
    expect(result.kind).toBe('network');
    expect(result.kind === 'network' && result.message).toMatch(/^Could not reach Intacct.*Failed to fetch/);
  });

  it.each([
    'https://evil.example.com/ia/xml/xmlgw.phtml',
    'http://api.intacct.com/ia/xml/xmlgw.phtml',
    'https://api.intacct.com.evil.example/ia/xml/xmlgw.phtml',
    'https://notintacct.com/ia/xml/xmlgw.phtml',
    'https://user:pw@api.intacct.com/ia/xml/xmlgw.phtml',
    'https://api.intacct.com:8443/ia/xml/xmlgw.phtml',
    'not a url',
  ])('refuses to send anything to %s', async (endpoint) => {
    const { fetchFn, spy } = scriptedFetch(reply(200, SESSION_OK));
    const result = await postToGateway('<request/>', { fetchFn, endpoint });
    expect(result.kind).toBe('refused');
    expect(spy).not.toHaveBeenCalled();
  });

  it('accepts another intacct.com gateway host such as a returned session endpoint', () => {
    expect(isAllowedEndpoint('https://p1.intacct.com/ia/xml/xmlgw.phtml')).toBe(true);
    expect(isAllowedEndpoint(DEFAULT_ENDPOINT)).toBe(true);
  });
});

describe('testConnection', () => {
  const input = {
    senderId: 'expensify',
    senderPassword: 'SenderPa55word!',
    userId: 'xml_user',
    companyId: 'DEMOCO',
    userPassword: 'UserPa55word!',
  };
  // The canned replies answer control ID c1; a reply must name the request it answers.
  const newControlId = () => 'c1';

  it('signs in with getAPISession and reports a working connection without either password', async () => {
    const { fetchFn, calls } = scriptedFetch(reply(200, SESSION_OK));
    const result = await testConnection(input, { fetchFn, newControlId });
    const sent = String(calls[0]?.init?.body);
    expect(sent).toContain('<password>SenderPa55word!</password>');
    expect(sent).toContain('<login><userid>xml_user</userid><companyid>DEMOCO</companyid><password>UserPa55word!</password></login>');
    expect(sent).toContain('<getAPISession/>');
    expect(result).toMatchObject({
      kind: 'answered',
      httpStatus: 200,
      outcome: { ok: true, code: 'ok', sessionId: 'abc..' },
      diagnosis: { severity: 'success', fixStepId: null },
    });
    const json = JSON.stringify(result);
    expect(json).not.toContain('SenderPa55word!');
    expect(json).not.toContain('UserPa55word!');
    expect(result.kind === 'answered' && result.redactedRequest).toContain('<password>***</password>');
  });

  it('concludes nothing from a reply that answers another request', async () => {
    const { fetchFn } = scriptedFetch(reply(200, SESSION_OK));
    const result = await testConnection(input, { fetchFn, newControlId: () => 'mine-42' });
    expect(result.kind).toBe('answered');
    if (result.kind !== 'answered') return;
    expect(result.outcome.ok).toBe(false);
    expect(result.outcome.code).toBe('unknown');
    expect(result.outcome.sessionId).toBeUndefined();
    expect(result.diagnosis.sentence).toContain('another request (control ID c1)');
  });

  it('refuses to read a 5 MB reply and says why', async () => {
    const huge = `<?xml version="1.0"?><response>${'<x>filler</x>'.repeat(400_000)}</response>`;
    const { fetchFn } = scriptedFetch(reply(200, huge));
    const started = performance.now();
    const result = await testConnection(input, { fetchFn, newControlId });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.kind === 'answered' && result.outcome.code).toBe('unknown');
    expect(result.diagnosis.sentence).toContain('The reply ran past 1 MB');
  });

  it('stops reading a reply body at 1 MB and cancels the rest, however much more the server would send', async () => {
    // 64 kB chunks without end, counted as the transport pulls them.
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode('<x>filler</x>'.repeat(5000));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetchFn = (async () => new Response(endless, { status: 200, headers: { 'content-type': 'text/xml' } })) as typeof fetch;
    const result = await postToGateway('<request/>', { fetchFn });
    expect(result).toEqual({ kind: 'too-large', status: 200 });
    expect(cancelled).toBe(true);
    // The cap and the chunks in flight: never the whole body.
    expect(pulled).toBeLessThan(1_000_000 + 4 * chunk.byteLength);
  });

  it('reads nothing of a body whose Content-Length is over the cap, and names its size', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('<response/>'));
      },
    });
    const fetchFn = (async () =>
      new Response(body, { status: 200, headers: { 'content-type': 'text/xml', 'content-length': '5200000' } })) as typeof fetch;
    const result = await testConnection(input, { fetchFn, newControlId });
    expect(result.kind === 'answered' && result.outcome.code).toBe('unknown');
    expect(result.diagnosis.sentence).toContain('The reply was 5.2 MB');
    // A ReadableStream pulls once to fill its queue when it is made; the transport itself pulls nothing more.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('reads a reply in many small chunks, multi-byte characters split across them, as the same text', async () => {
    const text = SESSION_OK.replace('<status>success</status>', '<status>success</status><!-- Größe ✓ 🧾 -->');
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    const trickle = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + 3));
        at += 3;
      },
    });
    const fetchFn = (async () => new Response(trickle, { status: 200, headers: { 'content-type': 'text/xml' } })) as typeof fetch;
    expect(await postToGateway('<request/>', { fetchFn })).toEqual({ kind: 'reply', status: 200, body: text });
  });

  it('signs in to an entity when one is given', async () => {
    const { fetchFn, calls } = scriptedFetch(reply(200, SESSION_OK));
    await testConnection({ ...input, locationId: 'E100' }, { fetchFn, newControlId });
    expect(String(calls[0]?.init?.body)).toContain('<password>UserPa55word!</password><locationid>E100</locationid></login>');
  });

  it('diagnoses a sender that is not authorized and points at that step', async () => {
    const body = authFailure([
      {
        errorno: 'XL03000006',
        description: 'Invalid Web Services Authorization',
        description2: 'The sender ID &#039;expensify&#039; is not authorized to make Web Services requests to company ID &#039;DEMOCO&#039;.',
      },
    ]);
    const result = await testConnection(input, { fetchFn: scriptedFetch(reply(200, body)).fetchFn, newControlId });
    expect(result).toMatchObject({ kind: 'answered', outcome: { code: 'sender-not-authorized' }, diagnosis: { fixStepId: 'sender-authorization' } });
    expect(result.diagnosis.sentence).toContain('"expensify"');
  });

  it('reads an HTTP 401 gateway reply as a user sign-in failure', async () => {
    const body = controlFailure([{ errorno: 'XMLGW_JPP0002', description: 'Sign-in information is incorrect. Please check your request.' }]);
    const result = await testConnection(input, { fetchFn: scriptedFetch(reply(401, body)).fetchFn, newControlId });
    expect(result).toMatchObject({ kind: 'answered', httpStatus: 401, outcome: { code: 'user-credentials' }, diagnosis: { fixStepId: 'ws-user' } });
  });

  it('hides a password that Intacct quotes back in an error', async () => {
    const body = controlFailure([{ errorno: 'XL03000003', description2: "XML Parse schema error: value 'UserPa55word!' is not valid" }]);
    const result = await testConnection(input, { fetchFn: scriptedFetch(reply(200, body)).fetchFn, newControlId });
    expect(result.kind === 'answered' && result.outcome.code).toBe('request-malformed');
    expect(JSON.stringify(result)).not.toContain('UserPa55word!');
  });

  it('names missing fields without sending anything', async () => {
    const { fetchFn, spy } = scriptedFetch(reply(200, SESSION_OK));
    const result = await testConnection({ ...input, companyId: '', senderId: ' ' }, { fetchFn, newControlId });
    expect(spy).not.toHaveBeenCalled();
    expect(result).toMatchObject({ kind: 'not-answered', failure: { kind: 'invalid-input' } });
    expect(result.diagnosis.sentence).toContain('company ID');
    expect(result.diagnosis.sentence).toContain('sender ID');
    expect(JSON.stringify(result)).not.toContain('Pa55word');
  });

  it('reports a timeout as not answered', async () => {
    const result = await testConnection(input, { fetchFn: stalledFetch(), timeoutMs: 20, newControlId });
    expect(result).toMatchObject({ kind: 'not-answered', failure: { kind: 'timeout' } });
    expect(result.diagnosis.sentence).toContain('Intacct did not answer within 20 milliseconds');
    expect(JSON.stringify(result)).not.toContain('Pa55word');
  });
});
