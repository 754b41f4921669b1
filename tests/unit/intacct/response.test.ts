import { describe, expect, it } from 'vitest';
import { parseGatewayResponse, permissionDeniedObject } from '@/utils/intacct/response';
import { SESSION_OK, authFailure, controlFailure, withResults } from './replies';

const DENIED =
  'You do not have permission for API operation READ_BY_QUERY on objects of type arinvoice [Support ID: Abc123%7EXyZ]';

/** The pattern this guards against took over a minute on 30 comments; a linear scan takes a millisecond. */
const BACKTRACKING_MS = 2000;

describe('classification by level and text (docs/intacct.md#error-catalogue)', () => {
  it('wrong sender credentials at control level', () => {
    const outcome = parseGatewayResponse(
      controlFailure([{ errorno: 'XL03000006', description: '', description2: 'Incorrect Intacct XML Partner ID or password.' }]),
    );
    expect(outcome).toMatchObject({ ok: false, code: 'sender-credentials' });
  });

  it('sender not authorized, with &#039; quotes decoded for display', () => {
    const outcome = parseGatewayResponse(
      authFailure([
        {
          errorno: 'XL03000006',
          description: 'Invalid Web Services Authorization',
          description2:
            'The sender ID &#039;expensify&#039; is not authorized to make Web Services requests to company ID &#039;DEMOCO&#039;.',
          correction: 'Contact the company administrator to grant Web Services authorization to this sender ID.',
        },
      ]),
    );
    expect(outcome.code).toBe('sender-not-authorized');
    expect(outcome.errors[0]?.description2).toBe(
      "The sender ID 'expensify' is not authorized to make Web Services requests to company ID 'DEMOCO'.",
    );
  });

  it('the same XL03000006 number means a bad user sign-in when the text says so', () => {
    expect(parseGatewayResponse(authFailure([{ errorno: 'XL03000006', description2: 'Sign-in information is incorrect' }])).code).toBe(
      'user-credentials',
    );
  });

  it('the same XL03000006 number means an invalid session', () => {
    const outcome = parseGatewayResponse(
      authFailure([{ errorno: 'XL03000006', description: '', description2: 'Invalid session [Support ID: q1%7E]' }]),
    );
    expect(outcome.code).toBe('session-invalid');
    // The Support ID stays for the admin to quote to Sage.
    expect(outcome.errors[0]?.description2).toBe('Invalid session [Support ID: q1%7E]');
  });

  it('UJPP0002 at control level is a user sign-in failure', () => {
    expect(parseGatewayResponse(controlFailure([{ errorno: 'UJPP0002', description: 'Something else' }]), 401).code).toBe(
      'user-credentials',
    );
  });

  it('invalidRequest (bad company ID, HTTP 400) is reported as a sign-in problem', () => {
    const outcome = parseGatewayResponse(controlFailure([{ errorno: 'invalidRequest', description: 'Invalid Request' }]), 400);
    expect(outcome.code).toBe('user-credentials');
  });

  it('GW-0011 "Invalid Request [Request ID: …]" is reported the same way', () => {
    expect(parseGatewayResponse(controlFailure([{ errorno: 'GW-0011', description: 'Invalid Request [Request ID: 9f]' }])).code).toBe(
      'user-credentials',
    );
  });

  it('XL03000003 is our malformed request', () => {
    const outcome = parseGatewayResponse(
      controlFailure([{ errorno: 'XL03000003', description2: 'XML Parse schema error: Fatal Error 76: Opening and ending tag mismatch' }]),
    );
    expect(outcome.code).toBe('request-malformed');
  });

  it('GW-0010 is a rate limit', () => {
    expect(parseGatewayResponse(controlFailure([{ errorno: 'GW-0010', description: 'Too many' }])).code).toBe('rate-limited');
  });

  it('an unrecognised control failure is unknown, not a guess', () => {
    const outcome = parseGatewayResponse(controlFailure([{ errorno: 'XL03000006', description2: 'Something new' }]));
    expect(outcome.code).toBe('unknown');
    expect(outcome.errors).toHaveLength(1);
  });

  it('a control failure wins over a result that looks like a permission error', () => {
    const xml = withResults([{ status: 'failure', errors: [{ errorno: 'PL04000005', description2: DENIED }] }]).replace(
      '<status>success</status><senderid>',
      '<status>failure</status><senderid>',
    );
    expect(parseGatewayResponse(xml).code).toBe('unknown');
  });

  it('PL04000005 with a Support ID is a permission denial naming operation and object', () => {
    const outcome = parseGatewayResponse(
      withResults([{ status: 'failure', errors: [{ errorno: 'PL04000005', description: '', description2: DENIED }] }]),
    );
    expect(outcome.code).toBe('permission-denied');
    expect(outcome.errors[0]?.description2).toBe(DENIED);
    expect(permissionDeniedObject(outcome.errors[0]!)).toEqual({ operation: 'READ_BY_QUERY', object: 'arinvoice' });
  });

  it('a denial without PL04000005 is recognised from its text', () => {
    const outcome = parseGatewayResponse(
      withResults([{ status: 'failure', errors: [{ errorno: 'BL01001973', description2: "You're not authorized to perform this action" }] }]),
    );
    expect(outcome.code).toBe('permission-denied');
    expect(permissionDeniedObject(outcome.errors[0]!)).toBeUndefined();
  });

  it('a denial outranks another failed result', () => {
    const outcome = parseGatewayResponse(
      withResults([
        { status: 'failure', controlId: 'a', errors: [{ errorno: 'Query Failed', description2: 'Object definition X not found' }] },
        { status: 'failure', controlId: 'b', errors: [{ errorno: 'PL04000005', description2: DENIED }] },
      ]),
    );
    expect(outcome.code).toBe('permission-denied');
    expect(outcome.results.map((r) => r.controlId)).toEqual(['a', 'b']);
  });

  it('a result with both data and errors fails and keeps both', () => {
    const outcome = parseGatewayResponse(
      withResults([
        {
          status: 'failure',
          fn: 'create',
          data: '<data listtype="objects" count="1"><project><RECORDNO>0012</RECORDNO></project></data>',
          errors: [{ errorno: 'BL01001973', description2: 'Could not create project record!' }],
        },
      ]),
    );
    expect(outcome.code).toBe('function-failed');
    expect(outcome.results[0]?.data).toEqual({ '@_listtype': 'objects', '@_count': '1', project: [{ RECORDNO: '0012' }] });
    expect(outcome.results[0]?.errors[0]?.description2).toBe('Could not create project record!');
  });

  it('an aborted result fails the outcome even with no errors of its own', () => {
    const outcome = parseGatewayResponse(
      withResults([{ status: 'success', controlId: 'a' }, { status: 'aborted', controlId: 'b' }]),
    );
    expect(outcome).toMatchObject({ ok: false, code: 'function-failed' });
  });

  it('keeps leading zeros in IDs and control ids', () => {
    const outcome = parseGatewayResponse(
      withResults([{ status: 'success', controlId: '0012', data: '<data count="1"><x><ID>0012</ID><AMT>12.50</AMT></x></data>' }]),
    );
    expect(outcome.results[0]?.controlId).toBe('0012');
    expect(outcome.results[0]?.data).toMatchObject({ '@_count': '1', x: [{ ID: '0012', AMT: '12.50' }] });
  });

  it('ok only when control, authentication and every function succeeded', () => {
    const outcome = parseGatewayResponse(SESSION_OK);
    expect(outcome).toMatchObject({ ok: true, code: 'ok', sessionId: 'abc..', errors: [] });
  });

  it('takes no session id from a failed getAPISession', () => {
    const outcome = parseGatewayResponse(
      withResults([
        {
          status: 'failure',
          fn: 'getAPISession',
          data: '<data><api><sessionid>zzz..</sessionid></api></data>',
          errors: [{ errorno: 'Get API Session Failed', description2: 'x' }],
        },
      ]),
    );
    expect(outcome.code).toBe('function-failed');
    expect(outcome.sessionId).toBeUndefined();
  });

  it('orders errors control, then authentication, then results', () => {
    const xml =
      '<response><control><status>success</status></control><errormessage><error><errorno>C</errorno></error></errormessage>' +
      '<operation><authentication><status>failure</status></authentication>' +
      '<errormessage><error><errorno>A</errorno></error></errormessage>' +
      '<result><status>failure</status><function>f</function><controlid>1</controlid>' +
      '<errormessage><error><errorno>R</errorno></error></errormessage></result></operation></response>';
    expect(parseGatewayResponse(xml).errors.map((e) => e.errorno)).toEqual(['C', 'A', 'R']);
  });
});

describe('bodies that are not a gateway reply', () => {
  it.each([
    ['an empty body', ''],
    ['whitespace', '  \n\t '],
    ['an HTML page', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>'],
    ['bare html', '<html><body>Maintenance</body></html>'],
    ['truncated XML', '<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status><senderid>x'],
    ['another root', '<?xml version="1.0"?><error><message>x</message></error>'],
    ['two roots', '<response><control><status>success</status></control></response><response/>'],
    ['JSON', '{"errorno":"invalidRequest"}'],
  ])('%s is not-xml', (_label, body) => {
    expect(parseGatewayResponse(body)).toEqual({ ok: false, code: 'not-xml', errors: [], results: [] });
  });

  it.each([
    ['40 empty comments', '<!---->'.repeat(40)],
    ['40 empty comments and a space each', '<!----> '.repeat(40)],
    ['40 unclosed comments', '<!--'.repeat(40)],
    ['a declaration and 40 comments', `<?xml version="1.0"?>${'<!-- x -->'.repeat(40)}<`],
  ])('answers %s at once, typed, instead of backtracking for minutes', (_label, body) => {
    const started = performance.now();
    const outcome = parseGatewayResponse(body);
    // Minutes against a millisecond: the limit only has to tell those apart, on a machine whose two cores
    // another test job is using (a tighter one failed on noise in CI).
    expect(performance.now() - started).toBeLessThan(BACKTRACKING_MS);
    expect(outcome).toEqual({ ok: false, code: 'not-xml', errors: [], results: [] });
  });

  it('still knows an HTML page behind 40 comments, and a reply behind them', () => {
    const started = performance.now();
    expect(parseGatewayResponse(`${'<!---->'.repeat(40)}<!DOCTYPE html><html><body>Bad gateway</body></html>`).code).toBe('not-xml');
    expect(parseGatewayResponse(`${'<!---->'.repeat(40)}\n<HTML lang="en"><body>Maintenance</body></HTML>`).code).toBe('not-xml');
    expect(parseGatewayResponse(`<?xml version="1.0"?>${'<!-- c -->'.repeat(40)}${SESSION_OK.replace(/^<\?xml[^>]*>/, '')}`).code).toBe('ok');
    expect(performance.now() - started).toBeLessThan(BACKTRACKING_MS);
  });

  it('a 5xx HTML page is not-xml', () => {
    expect(parseGatewayResponse('<html><body>Service Unavailable</body></html>', 503).code).toBe('not-xml');
  });

  it('HTTP 429 is rate-limited with any body or none', () => {
    expect(parseGatewayResponse('', 429).code).toBe('rate-limited');
    expect(parseGatewayResponse('<html>slow down</html>', 429).code).toBe('rate-limited');
    const outcome = parseGatewayResponse(controlFailure([{ errorno: 'GW-0010', description: 'API rate limit exceeded' }]), 429);
    expect(outcome).toMatchObject({ ok: false, code: 'rate-limited' });
    expect(outcome.errors[0]?.errorno).toBe('GW-0010');
  });

  it('a <response> without a control block is unknown, not a crash', () => {
    expect(parseGatewayResponse('<response><operation/></response>').code).toBe('unknown');
  });

  it('never throws, whatever it is given', () => {
    for (const body of ['<', '<<<>>>', '<response>&bogus;</response>', '\uFEFF', 'x'.repeat(10_000), undefined as unknown as string]) {
      expect(() => parseGatewayResponse(body)).not.toThrow();
    }
  });

  it('accepts a byte order mark and leading whitespace before the declaration', () => {
    expect(parseGatewayResponse(`\uFEFF\n  ${SESSION_OK}`).code).toBe('ok');
  });
});
