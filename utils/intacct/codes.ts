// One code per thing the admin has to do differently; the popup and the diagnosis key off these.
// The levels behind them are in reference §0 item 1 and the catalogue in §1.5.
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
