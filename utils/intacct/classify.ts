import type { GatewayCode } from './codes';
import type { GatewayError } from './schema';

// Live text ends with " [Support ID: …]" (gateway errors with " [Request ID: …]"); it changes on every
// call, so it is cut before matching but kept in what the admin sees (docs/intacct.md#reply-shapes,
// tests/fixtures/intacct-xml/SOURCES.md). Found by position, not by one pattern: a reply's text is the
// server's to choose, and a pattern tried from every space of a long run of spaces scans the run once
// per space.
const ID_OPENING = /^\[(?:support|request) id:/i;

export function stripSupportId(value: string): string {
  const text = value.trimEnd();
  const close = text.length - 1;
  if (text[close] !== ']') return text.trim();
  // The ID itself holds no "]", so its "[" comes after the "]" before the last one.
  const from = text.lastIndexOf(']', close - 1) + 1;
  for (let open = text.indexOf('[', from); open >= 0 && open < close; open = text.indexOf('[', open + 1)) {
    if (ID_OPENING.test(text.slice(open, open + 12))) return text.slice(0, open).trim();
  }
  return text.trim();
}

function textOf(error: GatewayError): string {
  return [error.description, error.description2, error.correction].map(stripSupportId).join('\n');
}

function errornoIs(error: GatewayError, ...codes: string[]): boolean {
  const no = error.errorno.trim().toUpperCase();
  return codes.some((code) => code.toUpperCase() === no);
}

type Rule = { code: GatewayCode; matches: (error: GatewayError, text: string) => boolean };

/*
 * Control and authentication levels share one rule list: the same XL03000006 number means four
 * different things, told apart only by the text (docs/intacct.md#one-errorno-several-causes), and gateway variants
 * put at control level what the classic gateway puts at authentication level
 * (docs/intacct.md#replies-with-http-400-and-401).
 * Order = root cause first: an expired company or a request Intacct could not read makes every other
 * message moot, and the gateway checks the sender before the user.
 */
const SIGN_IN_RULES: readonly Rule[] = [
  {
    code: 'company-expired',
    matches: (e, t) => errornoIs(e, 'PL04000055') || /demo company and has expired/i.test(t),
  },
  {
    code: 'rate-limited',
    matches: (e, t) => errornoIs(e, 'GW-0010') || /rate limit/i.test(t) || /too many requests/i.test(t),
  },
  {
    // We never send a policyid, so "not a valid transport policy" is also our request's fault.
    code: 'request-malformed',
    matches: (e, t) =>
      errornoIs(e, 'XL03000003') || /XML Parse schema error/i.test(t) || /not a valid transport policy/i.test(t),
  },
  {
    code: 'sender-credentials',
    matches: (_e, t) => /Incorrect Intacct XML Partner ID or password/i.test(t),
  },
  {
    code: 'sender-not-authorized',
    matches: (_e, t) =>
      /Invalid Web Services Authorization/i.test(t) || /not authorized to make Web Services requests/i.test(t),
  },
  { code: 'session-invalid', matches: (_e, t) => /Invalid session/i.test(t) },
  {
    /*
     * invalidRequest / GW-0011 "Invalid Request" is what a wrong company ID produces (HTTP 400,
     * docs/intacct.md#error-catalogue, "wrong company ID"); UMPA reads it as a sender problem, but
     * the company ID is part of the sign-in the admin types, so it is reported as user-credentials
     * and the diagnosis names the company ID first and the sender ID as the next thing to check.
     */
    code: 'user-credentials',
    matches: (e, t) =>
      /Sign-in information is incorrect/i.test(t) ||
      errornoIs(e, 'XMLGW_JPP0002', 'UJPP0002', 'invalidRequest', 'GW-0011') ||
      /^Invalid Request\b/im.test(t),
  },
];

// A denial arrives as a function-level failure after a good sign-in (docs/intacct.md#permission-denials); the
// variants come from docs/intacct.md#error-catalogue ("permission-like refusals", "audit history
// refused").
const PERMISSION_TEXT = [
  /You do not have permission for API/i,
  /not authori[sz]ed to perform this action/i,
  /cannot be performed on objects of type/i,
  /do not have permission/i,
];

const RESULT_RULES: readonly Rule[] = [
  { code: 'rate-limited', matches: (e, t) => errornoIs(e, 'GW-0010') || /rate limit/i.test(t) },
  {
    code: 'permission-denied',
    matches: (e, t) => errornoIs(e, 'PL04000005') || PERMISSION_TEXT.some((pattern) => pattern.test(t)),
  },
];

function firstRule(rules: readonly Rule[], errors: readonly GatewayError[]): GatewayCode | undefined {
  for (const rule of rules) {
    if (errors.some((error) => rule.matches(error, textOf(error)))) return rule.code;
  }
  return undefined;
}

/** Code for a failed control block or a failed authentication, from that level's errors. */
export function classifySignInFailure(errors: readonly GatewayError[]): GatewayCode {
  // Unclassified: docs/intacct.md#no-error-for-a-missing-subscription says the best proxy is "check the
  // subscription, the sender authorization and the credentials", which is what 'unknown' is diagnosed as.
  return firstRule(SIGN_IN_RULES, errors) ?? 'unknown';
}

/**
 * Code for failed or aborted results. A denial anywhere outranks a generic failure because it names
 * a concrete fix (the role's permissions).
 */
export function classifyResultFailures(failedResultErrors: readonly (readonly GatewayError[])[]): GatewayCode {
  return firstRule(RESULT_RULES, failedResultErrors.flat()) ?? 'function-failed';
}

export function isPermissionDenial(error: GatewayError): boolean {
  return RESULT_RULES.some((rule) => rule.code === 'permission-denied' && rule.matches(error, textOf(error)));
}

const DENIED_OPERATION =
  /API operation\s+'?([A-Z_]+)'?\s+(?:on|cannot be performed on)\s+objects? of type\s+'?([A-Za-z0-9_.-]*[A-Za-z0-9_])/i;

/**
 * Operation and object named in a PL04000005 text, e.g. "You do not have permission for API
 * operation READ_BY_QUERY on objects of type arinvoice [Support ID: …]" → READ_BY_QUERY, arinvoice.
 */
export function permissionDeniedObject(error: GatewayError): { operation: string; object: string } | undefined {
  for (const field of [error.description2, error.description, error.correction]) {
    const match = DENIED_OPERATION.exec(stripSupportId(field));
    if (match?.[1] && match[2]) return { operation: match[1], object: match[2] };
  }
  return undefined;
}
