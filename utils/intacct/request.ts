import { XMLBuilder } from 'fast-xml-parser';
import { z } from '@/utils/zod';

// XML 1.0 cannot carry C0 control characters other than tab, LF and CR; sending one makes the
// gateway answer XL03000003 (docs/intacct.md#error-catalogue), so it is refused here where the field can be named.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const xmlText = z.string().refine((value) => !XML_ILLEGAL.test(value), {
  message: 'contains a control character that XML cannot carry',
});
const required = xmlText.refine((value) => value.trim() !== '', { message: 'is empty' });
// The SDK limits control IDs to 1–256 characters (docs/intacct.md#request-envelope).
const controlId = required.refine((value) => value.length <= 256, { message: 'is longer than 256 characters' });

export const gatewayControlSchema = z.object({
  senderId: required,
  senderPassword: required,
  controlId,
});

export const gatewayAuthSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('login'),
    userId: required,
    companyId: required,
    password: required,
    // Entity (location) sign-in; docs/intacct.md#request-envelope puts it after the password.
    locationId: xmlText.optional(),
  }),
  z.object({ kind: z.literal('session'), sessionId: required }),
]);

export const gatewayFunctionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('getAPISession'),
    controlId,
    // '' asks for a top-level session from an entity sign-in (docs/intacct.md#api-sessions).
    locationId: xmlText.optional(),
  }),
  z.object({ kind: z.literal('getUserPermissions'), controlId, userId: required }),
  // A probe, not a data read: fields * and one row are enough to learn whether the user may read it.
  z.object({ kind: z.literal('readByQuery'), controlId, object: required, query: xmlText }),
  z.object({ kind: z.literal('inspect'), controlId, object: required }),
]);

export const gatewayRequestSchema = z.object({
  control: gatewayControlSchema,
  auth: gatewayAuthSchema,
  functions: z.array(gatewayFunctionSchema),
});

export type GatewayControl = z.infer<typeof gatewayControlSchema>;
export type GatewayAuth = z.infer<typeof gatewayAuthSchema>;
export type GatewayFunction = z.infer<typeof gatewayFunctionSchema>;
export type GatewayRequest = z.infer<typeof gatewayRequestSchema>;

// The builder escapes & < > " ' in text and attributes and leaves non-ASCII as is, which is what a
// UTF-8 declared body needs. Empty values become self-closing tags (<getAPISession/>, <locationid/>).
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  processEntities: true,
  format: false,
});

type XmlNode = string | { [tag: string]: XmlNode | XmlNode[] };

function functionBody(fn: GatewayFunction): Record<string, XmlNode> {
  switch (fn.kind) {
    case 'getAPISession':
      return { getAPISession: fn.locationId === undefined ? '' : { locationid: fn.locationId } };
    case 'getUserPermissions':
      return { getUserPermissions: { userId: fn.userId } };
    case 'readByQuery':
      return {
        readByQuery: { object: fn.object, query: fn.query, fields: '*', pagesize: '1', returnFormat: 'xml' },
      };
    case 'inspect':
      return { inspect: { object: fn.object } };
  }
}

function authBody(auth: GatewayAuth): XmlNode {
  if (auth.kind === 'session') return { sessionid: auth.sessionId };
  const login: Record<string, XmlNode> = {
    userid: auth.userId,
    companyid: auth.companyId,
    password: auth.password,
  };
  if (auth.locationId !== undefined) login.locationid = auth.locationId;
  return { login };
}

/**
 * Builds the request body. Object key order is the element order, and it follows the v3.0 XSD
 * sequence (docs/intacct.md#request-envelope); the gateway validates against that schema.
 * Throws a ZodError when the input is invalid; use gatewayRequestSchema.safeParse to check first.
 */
export function buildRequest(input: GatewayRequest): string {
  const request = gatewayRequestSchema.parse(input);
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    request: {
      control: {
        senderid: request.control.senderId,
        password: request.control.senderPassword,
        controlid: request.control.controlId,
        uniqueid: 'false',
        dtdversion: '3.0',
        // The XSD default is true; false keeps the reply free of formatting text nodes.
        includewhitespace: 'false',
      },
      operation: {
        '@_transaction': 'false',
        authentication: authBody(request.auth),
        content: {
          function: request.functions.map((fn) => ({ '@_controlid': fn.controlId, ...functionBody(fn) })),
        },
      },
    },
  };
  return builder.build(tree);
}

// A self-closing tag holds nothing to hide; an unclosed one (a cut-off log line) is hidden to the end.
const SECRET_ELEMENTS = /(<(password|sessionid)(?:\s[^>]*)?(?<!\/)>)[\s\S]*?(<\/\2\s*>|$)/gi;

/**
 * Hides credentials before a request is shown or logged, as the SDK does for <password>
 * (docs/intacct.md#secrets-and-sessions). Session IDs are hidden too: with the sender credentials they act as a sign-in
 * (docs/intacct.md#hosts-and-urls, docs/intacct.md#secrets-and-sessions).
 */
export function redactRequest(xml: string): string {
  return xml.replace(SECRET_ELEMENTS, (_match, open: string, _tag: string, close: string) => `${open}***${close}`);
}
