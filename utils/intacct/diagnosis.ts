import { isPermissionDenial, permissionDeniedObject, stripSupportId } from './classify';
import type { GatewayCode } from './codes';
import type { GatewayError } from './schema';

/** Checklist step ids shared with the rest of the extension. */
export type FixStepId = 'ws-user' | 'sender-authorization' | 'permissions' | 'web-services-subscription';

export type Severity = 'success' | 'warning' | 'error';

export interface Diagnosis {
  title: string;
  sentence: string;
  fixStepId: FixStepId | null;
  severity: Severity;
}

export interface DiagnosisContext {
  senderId: string;
  userId: string;
  companyId: string;
  errors: readonly GatewayError[];
}

// Intacct's own words help when we could not classify; the Support ID is kept because Sage support
// asks for it (docs/intacct.md#reply-shapes).
function intacctSaid(errors: readonly GatewayError[]): string {
  const error = errors.find((e) => e.description2 !== '' || e.description !== '');
  if (!error) return '';
  const text = [error.description, error.description2].filter((t) => t !== '').join(' ');
  return ` Intacct said: "${text}".`;
}

function quoted(value: string): string {
  return `"${value}"`;
}

function userCredentials(ctx: DiagnosisContext): Diagnosis {
  // A wrong company ID comes back as invalidRequest / "Invalid Request" (docs/intacct.md#error-catalogue), and UMPA
  // reads the same error as a sender problem, so both are named.
  const invalidRequest = ctx.errors.some(
    (e) => /^(invalidRequest|GW-0011)$/i.test(e.errorno) || /^Invalid Request\b/i.test(stripSupportId(e.description)),
  );
  if (invalidRequest) {
    return {
      title: 'Intacct did not accept the sign-in',
      sentence:
        `Intacct rejected the request for company ${ctx.companyId} as invalid, which usually means the Company ID is wrong ` +
        `(use the Company ID you sign in with, not a console ID). Check the Company ID first, then the web services user ` +
        `${quoted(ctx.userId)} and its password, then that the sender ID ${quoted(ctx.senderId)} is typed exactly.`,
      fixStepId: 'ws-user',
      severity: 'error',
    };
  }
  return {
    title: 'Intacct did not accept the user sign-in',
    sentence:
      `Intacct refused the sign-in for user ${quoted(ctx.userId)} in company ${ctx.companyId}. Check the web services ` +
      `user's User ID, the Company ID and the user's password, and that the user is active.`,
    fixStepId: 'ws-user',
    severity: 'error',
  };
}

function permissionDenied(ctx: DiagnosisContext): Diagnosis {
  const denied = ctx.errors.filter(isPermissionDenial);
  const named = denied.map(permissionDeniedObject).find((found) => found !== undefined);
  const what = named
    ? `The web services user ${quoted(ctx.userId)} may not ${named.operation} ${named.object}.`
    : `The web services user ${quoted(ctx.userId)} signed in but was refused access to the data it needs.` +
      intacctSaid(denied);
  return {
    title: 'The web services user is missing permissions',
    sentence:
      `${what} Grant the matching permission to the role assigned to the user (or to the user itself in a user-based ` +
      `company); the user type also caps what any role can grant.`,
    fixStepId: 'permissions',
    severity: 'error',
  };
}

/** Plain-language reading of a gateway outcome for the admin, with the checklist step that fixes it. */
export function diagnose(code: GatewayCode, ctx: DiagnosisContext): Diagnosis {
  switch (code) {
    case 'ok':
      return {
        title: 'Connection works',
        sentence: `Intacct accepted sender ID ${quoted(ctx.senderId)} and user ${quoted(ctx.userId)} for company ${ctx.companyId}.`,
        fixStepId: null,
        severity: 'success',
      };
    case 'sender-credentials':
      // A sender ID and its password are issued by Sage with a Web Services developer licence
      // (docs/intacct.md#error-catalogue); adding an authorization in the company does not fix a
      // wrong password, so no checklist step is named.
      return {
        title: 'The sender ID or sender password is wrong',
        sentence:
          `Intacct does not recognise the sender ID ${quoted(ctx.senderId)} with the sender password entered. Check both ` +
          `against what Sage issued with your Web Services sender; the sender ID is case-sensitive.`,
        fixStepId: null,
        severity: 'error',
      };
    case 'sender-not-authorized':
      return {
        title: 'The sender ID is not authorized for this company',
        sentence:
          `Intacct refused the sender ID ${quoted(ctx.senderId)} for company ${ctx.companyId}. Add ${quoted(ctx.senderId)} ` +
          `(exactly, it is case-sensitive) under Company > Company Info > Security > Web Services Authorizations, ` +
          `with status Active.`,
        fixStepId: 'sender-authorization',
        severity: 'error',
      };
    case 'user-credentials':
      return userCredentials(ctx);
    case 'session-invalid':
      return {
        title: 'The Intacct session has ended',
        sentence: 'The API session is invalid or has expired. Run the connection test again to sign in afresh.',
        fixStepId: null,
        severity: 'warning',
      };
    case 'permission-denied':
      return permissionDenied(ctx);
    case 'company-expired':
      return {
        title: 'The company has expired',
        sentence:
          `Company ${ctx.companyId} is a demo company whose trial has expired, so Intacct refuses every web services ` +
          `request for it. Use a live company, or ask Sage to extend the demo.`,
        fixStepId: null,
        severity: 'error',
      };
    case 'rate-limited':
      return {
        title: 'Intacct asked us to slow down',
        sentence: 'Intacct is limiting how many requests it accepts right now. Wait a minute, then test again.',
        fixStepId: null,
        severity: 'warning',
      };
    case 'request-malformed':
      // Intacct's parse error may quote request values (passwords included), so it is not repeated.
      return {
        title: 'Intacct could not read our request',
        sentence:
          'Intacct could not read the request Intacct Setup Helper sent. This is a bug in the extension, not in your ' +
          'setup: please report it.',
        fixStepId: null,
        severity: 'error',
      };
    case 'function-failed':
      return {
        title: 'Intacct signed in but a check failed',
        sentence: `The sign-in worked, but Intacct could not complete a check.${intacctSaid(ctx.errors)}`,
        fixStepId: null,
        severity: 'error',
      };
    case 'not-xml':
      return {
        title: 'Intacct sent an unreadable answer',
        sentence:
          'Intacct answered with something that is not an XML reply (an HTML page or an empty body). The service may ' +
          'be down or a proxy may be in the way; try again in a few minutes.',
        fixStepId: null,
        severity: 'error',
      };
    case 'unknown':
      // No distinct error exists for a missing subscription; this is the best proxy
      // (docs/intacct.md#no-error-for-a-missing-subscription).
      return {
        title: 'Intacct refused the connection',
        sentence:
          `Intacct refused the connection without a reason we recognise.${intacctSaid(ctx.errors)} Check the Web Services ` +
          `subscription, the sender authorization for ${quoted(ctx.senderId)} and the credentials.`,
        fixStepId: 'web-services-subscription',
        severity: 'error',
      };
  }
}

export const TRANSPORT_FAILURE_KINDS = ['timeout', 'network', 'http', 'refused', 'invalid-input'] as const;
export type TransportFailureKind = (typeof TRANSPORT_FAILURE_KINDS)[number];

/** Same shape for when no gateway reply could be read at all; the message is already plain language. */
export function diagnoseTransportFailure(failure: { kind: TransportFailureKind; message: string }): Diagnosis {
  const titles: Record<TransportFailureKind, string> = {
    timeout: 'Intacct did not answer in time',
    network: 'Could not reach Intacct',
    http: 'Intacct answered with an HTTP error',
    refused: 'That address is not an Intacct gateway',
    'invalid-input': 'Some details are missing or invalid',
  };
  return {
    title: titles[failure.kind],
    sentence: failure.message,
    fixStepId: null,
    severity: failure.kind === 'timeout' || failure.kind === 'network' ? 'warning' : 'error',
  };
}
