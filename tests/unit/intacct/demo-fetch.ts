import { DEMO_PERMISSIONS, answerGateway, type DemoPermissions } from '../../fixtures/intacct/gateway';

export interface DemoFetch {
  fetchFn: typeof fetch;
  /** Every request body sent, in order. */
  bodies: string[];
  urls: string[];
}

/** A fetch answered by the demo gateway, the way tests/e2e/launch.ts routes the browser to it; `permissions` is the demo user's grid. */
export function demoGatewayFetch(permissions: DemoPermissions = DEMO_PERMISSIONS): DemoFetch {
  const bodies: string[] = [];
  const urls: string[] = [];
  const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    bodies.push(body);
    urls.push(String(input));
    const answer = answerGateway(body, permissions);
    if (answer.kind === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const nullBody = answer.status === 204 || answer.body === '';
    return Promise.resolve(
      new Response(nullBody ? null : answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } }),
    );
  }) as typeof fetch;
  return { fetchFn, bodies, urls };
}
