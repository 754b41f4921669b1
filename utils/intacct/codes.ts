// One code per thing the admin has to do differently; the popup and the diagnosis key off these.
// The levels behind them are in docs/intacct.md#error-levels and the catalogue in docs/intacct.md#error-catalogue.
export const GATEWAY_CODES = [
  'ok',
  'sender-credentials',
  'sender-not-authorized',
  'user-credentials',
  'session-invalid',
  'permission-denied',
  'company-expired',
  'rate-limited',
  'request-malformed',
  'function-failed',
  'not-xml',
  'unknown',
] as const;

export type GatewayCode = (typeof GATEWAY_CODES)[number];
