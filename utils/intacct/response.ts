import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { classifyResultFailures, classifySignInFailure } from './classify';
import type { GatewayCode } from './codes';
import {
  apiSessionDataSchema,
  responseSchema,
  type GatewayError,
  type ParsedResponse,
  type ParsedResult,
} from './schema';

export { permissionDeniedObject, stripSupportId } from './classify';
export type { GatewayError } from './schema';

export interface FunctionResult {
  function: string;
  controlId: string;
  /** 'success', 'failure' or 'aborted' (docs/intacct.md#reply-shapes), lower-cased. */
  status: string;
  /**
   * The parsed <data> element as fast-xml-parser gives it: attributes as '@_count' etc., every
   * child element (record) as a list, every value a string. Undefined when the result had no data.
   */
  data: Record<string, unknown> | undefined;
  errors: GatewayError[];
}

export interface GatewayOutcome {
  ok: boolean;
  code: GatewayCode;
  /** In reply order: control errors, then authentication errors, then each result's. */
  errors: GatewayError[];
  sessionId?: string;
  endpoint?: string;
  results: FunctionResult[];
  /** The control block's control ID, when the reply names one (gateway-level replies do not). */
  controlId?: string;
}

// A reply to getAPISession or a one-record read is a few kilobytes; anything this large is not an
// answer to our request, and parsing it would only stall the popup. The transport stops reading a body at
// this many bytes (read-body.ts); a string handed to the parser is held to as many characters.
export const MAX_REPLY_BYTES = 1_000_000;

/** An error of our own wording, for replies we refuse to read. */
export function ourError(description: string): GatewayError {
  return { errorno: '', description, description2: '', correction: '' };
}

// Paths, not bare tag names, so a record field that happens to be called "result" or "policy"
// inside <data> keeps its shape. Records directly under <data> are always lists too, because one
// record otherwise parses as an object and several as an array (docs/intacct.md#reply-shapes).
const ALWAYS_LIST = new Set([
  'response.errormessage.error',
  'response.operation',
  'response.operation.errormessage.error',
  'response.operation.result',
  'response.operation.result.errormessage.error',
  'response.operation.result.data.permissions.appSubscription',
  'response.operation.result.data.permissions.appSubscription.policies.policy',
]);
const DATA_CHILD = /^response\.operation\.result\.data\.[^.]+$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keeps IDs such as "0012" and amounts such as "12.50" as written (build-recipe: fast-xml-parser).
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric references such as &#039; (the sender-not-authorized text, docs/intacct.md#error-catalogue) are only
  // decoded with this on.
  htmlEntities: true,
  isArray: (_tag, jPath, _isLeaf, isAttribute) =>
    !isAttribute && typeof jPath === 'string' && (ALWAYS_LIST.has(jPath) || DATA_CHILD.test(jPath)),
});

const XML_SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\ufeff']);

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && XML_SPACE.has(text[i] ?? '')) i++;
  return i;
}

/**
 * Whether the body is an HTML page (an error page from a proxy or an outage), read as one left-to-right
 * scan: an optional XML declaration, any comments, then <html or <!doctype html. A regular expression with
 * a repeated comment group backtracks exponentially on a few dozen unclosed or empty comments (issue 15).
 */
export function looksLikeHtmlPage(text: string): boolean {
  let i = skipSpace(text, 0);
  if (text.startsWith('<?xml', i)) {
    const end = text.indexOf('>', i);
    if (end < 0) return false;
    i = skipSpace(text, end + 1);
  }
  while (text.startsWith('<!--', i)) {
    const end = text.indexOf('-->', i + 4);
    if (end < 0) return false;
    i = skipSpace(text, end + 3);
  }
  const head = text.slice(i, i + 9).toLowerCase();
  if (head.startsWith('<html')) return text[i + 5] === '>' || XML_SPACE.has(text[i + 5] ?? '');
  if (head !== '<!doctype') return false;
  const name = skipSpace(text, i + 9);
  return name > i + 9 && text.slice(name, name + 4).toLowerCase() === 'html';
}

function isSuccess(status: string): boolean {
  return status.trim().toLowerCase() === 'success';
}

function failure(code: GatewayCode, errors: GatewayError[] = [], results: FunctionResult[] = []): GatewayOutcome {
  return { ok: false, code, errors, results };
}

function readTree(body: string): ParsedResponse | 'not-xml' | 'unknown' {
  const xml = body.replace(/^\uFEFF/, '').trimStart();
  if (xml === '' || looksLikeHtmlPage(xml)) return 'not-xml';
  // The parser accepts truncated input silently, so the validator decides what is XML.
  if (XMLValidator.validate(xml) !== true) return 'not-xml';
  const tree: unknown = parser.parse(xml);
  if (typeof tree !== 'object' || tree === null) return 'not-xml';
  const roots = Object.keys(tree).filter((key) => !key.startsWith('?') && !key.startsWith('#'));
  // Two <response> roots come back as one key holding a list.
  if (roots.length !== 1 || roots[0] !== 'response' || Array.isArray((tree as Record<string, unknown>).response)) {
    return 'not-xml';
  }
  const parsed = responseSchema.safeParse(tree);
  // A <response> we cannot read (no control block, say) is Intacct's, but unclassifiable.
  return parsed.success ? parsed.data : 'unknown';
}

function toResult(result: ParsedResult): FunctionResult {
  const { data } = result;
  return {
    function: result.function,
    controlId: result.controlid,
    status: result.status.toLowerCase(),
    data: typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : data === undefined ? undefined : {},
    errors: result.errormessage,
  };
}

function sessionOf(results: readonly FunctionResult[]): { sessionId?: string; endpoint?: string } {
  const session = results.find((r) => r.function === 'getAPISession' && isSuccess(r.status));
  const parsed = apiSessionDataSchema.safeParse(session?.data);
  const api = parsed.success ? parsed.data.api[0] : undefined;
  if (!api || api.sessionid === '') return {};
  return api.endpoint === '' ? { sessionId: api.sessionid } : { sessionId: api.sessionid, endpoint: api.endpoint };
}

function classify(tree: ParsedResponse): GatewayOutcome {
  const { control, errormessage: controlErrors } = tree.response;
  const operations = tree.response.operation ?? [];
  const authErrors = operations.flatMap((op) => op.errormessage);
  const results = operations.flatMap((op) => (op.result ?? []).map(toResult));
  const errors = [...controlErrors, ...authErrors, ...results.flatMap((r) => r.errors)];

  // Levels in order (docs/intacct.md#error-levels): control, then authentication, then functions.
  if (!isSuccess(control.status) || (operations.length === 0 && controlErrors.length > 0)) {
    return failure(classifySignInFailure(controlErrors), errors, results);
  }
  const authOk =
    operations.length > 0 && operations.every((op) => op.authentication !== undefined && isSuccess(op.authentication.status));
  if (!authOk) return failure(classifySignInFailure(authErrors), errors, results);

  const failed = results.filter((r) => !isSuccess(r.status));
  const session = sessionOf(results);
  if (failed.length > 0) {
    return { ...failure(classifyResultFailures(failed.map((r) => r.errors)), errors, results), ...session };
  }
  return { ok: true, code: 'ok', errors, results, ...session };
}

function withControlId(outcome: GatewayOutcome, tree: ParsedResponse): GatewayOutcome {
  const id = tree.response.control.controlid;
  return id ? { ...outcome, controlId: id } : outcome;
}

/**
 * The outcome for a reply too large to be an answer: `size` when its size is known (a string handed to the
 * parser, or a Content-Length), otherwise only that it ran past the cap.
 */
export function oversizedReply(httpStatus: number | undefined, size?: number): GatewayOutcome {
  if (httpStatus === 429) return failure('rate-limited');
  const words =
    size === undefined
      ? `The reply ran past ${MAX_REPLY_BYTES / 1_000_000} MB, far more than any answer to this request, so reading stopped there.`
      : `The reply was ${(size / 1_000_000).toFixed(1)} MB, far larger than any answer to this request, so it was not read.`;
  return failure('unknown', [ourError(words)]);
}

/**
 * Reads a gateway reply into an outcome. Never throws. httpStatus, when given, is the HTTP status
 * the reply came with: 429 is a rate limit whatever the body says (docs/intacct.md#gateway-transport); any other
 * status is judged by the body, because the gateway sends 400/401 with a normal XML reply
 * (docs/intacct.md#replies-with-http-400-and-401).
 */
export function parseGatewayResponse(xml: string, httpStatus?: number): GatewayOutcome {
  try {
    if (typeof xml === 'string' && xml.length > MAX_REPLY_BYTES) return oversizedReply(httpStatus, xml.length);
    const tree = readTree(typeof xml === 'string' ? xml : '');
    if (httpStatus === 429) {
      const outcome = typeof tree === 'string' ? failure('rate-limited') : classify(tree);
      return { ...outcome, ok: false, code: 'rate-limited' };
    }
    if (typeof tree === 'string') return failure(tree);
    return withControlId(classify(tree), tree);
  } catch {
    return failure('unknown');
  }
}
