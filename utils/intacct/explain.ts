import { profileName, requiredSteps, resolveOptionValues } from '@/utils/profiles/registry';
import type { IntegrationProfile, MenuPath, OptionValues } from '@/utils/profiles/schema';
import { isPermissionDenial, permissionDeniedObject } from './classify';
import type { GatewayCode } from './codes';
import type { Diagnosis, Severity, TransportFailureKind } from './diagnosis';
import { moduleOfObject } from './module-objects';
import type { GatewayError } from './schema';
import type { ConnectionTestResult } from './transport';

/** Every outcome the popup can show: a gateway code, or why no reply could be read. */
export type ConnectionCode = GatewayCode | TransportFailureKind;

/** A code in a few words, for the stored state ("failing: sender ID not authorized"). */
export const CODE_LABELS: Record<ConnectionCode, string> = {
  ok: 'connected',
  'sender-credentials': 'sender ID or password wrong',
  'sender-not-authorized': 'sender ID not authorized',
  'user-credentials': 'user sign-in refused',
  'session-invalid': 'session ended',
  'permission-denied': 'permission missing',
  'company-expired': 'company expired',
  'rate-limited': 'rate limited',
  'request-malformed': 'request not readable',
  'function-failed': 'a check failed',
  'not-xml': 'unreadable answer',
  unknown: 'refused',
  timeout: 'no answer in time',
  network: 'Intacct not reachable',
  http: 'HTTP error',
  refused: 'not an Intacct address',
  'invalid-input': 'details missing',
};

/** The checklist step that fixes a problem, numbered as the checklist and the overlay number it. */
export interface FixStep {
  id: string;
  number: number;
  title: string;
  menuPath: string;
}

/** What the popup shows after a test. Holds no password, session ID or raw XML. */
export interface ExplainedResult {
  code: ConnectionCode;
  ok: boolean;
  title: string;
  sentence: string;
  severity: Severity;
  fix: FixStep | null;
  /** Intacct's errors, for the popup's details toggle (already scrubbed of the passwords typed). */
  errors: GatewayError[];
  httpStatus?: number;
}

export function menuPathText(menuPath: MenuPath): string {
  return menuPath.current && menuPath.current !== menuPath.older
    ? `${menuPath.older} (newer menus: ${menuPath.current})`
    : menuPath.older;
}

/**
 * The profile's step with this id, numbered by its place among the steps that apply to the chosen
 * options (the same numbering as utils/guide/page-guide.ts). Null when the profile has no such step
 * or it does not apply.
 */
export function resolveFixStep(
  profile: IntegrationProfile,
  options: OptionValues,
  stepId: string | null | undefined,
): FixStep | null {
  if (!stepId) return null;
  const steps = requiredSteps(profile, resolveOptionValues(profile, options));
  const index = steps.findIndex((step) => step.id === stepId);
  const step = steps[index];
  if (!step) return null;
  return { id: step.id, number: index + 1, title: step.title, menuPath: menuPathText(step.menuPath) };
}

function quoted(value: string): string {
  return `"${value}"`;
}

/** Profile-specific words added to the generic diagnosis: the vendor's own sender, the module of a denied object. */
function withProfileContext(
  code: ConnectionCode,
  diagnosis: Diagnosis,
  profile: IntegrationProfile,
  senderId: string,
  errors: readonly GatewayError[],
): string {
  let sentence = diagnosis.sentence;
  if (code === 'sender-not-authorized') {
    // The vendor's sender (e.g. expensify) is the one the integration will use; the admin tests with their own.
    const vendorSenders = profile.senderIds.map((s) => s.id).filter((id) => id !== senderId);
    if (vendorSenders.length > 0) {
      sentence +=
        ` ${profileName(profile)} signs in with its own sender ID ${vendorSenders.map(quoted).join(' or ')}: ` +
        `add it there the same way, exactly as written.`;
    }
  }
  if (code === 'permission-denied') {
    const named = errors.filter(isPermissionDenial).map(permissionDeniedObject).find((n) => n !== undefined);
    const module = named ? moduleOfObject(named.object) : undefined;
    if (named && module) sentence += ` ${named.object} belongs to ${module}.`;
  }
  return sentence;
}

/** Reads a connection test for the admin, with the chosen profile's step that fixes it. */
export function explainConnection(
  result: ConnectionTestResult,
  profile: IntegrationProfile,
  options: OptionValues,
  senderId: string,
): ExplainedResult {
  if (result.kind === 'not-answered') {
    return {
      code: result.failure.kind,
      ok: false,
      title: result.diagnosis.title,
      sentence: result.diagnosis.sentence,
      severity: result.diagnosis.severity,
      fix: resolveFixStep(profile, options, result.diagnosis.fixStepId),
      errors: [],
      ...(result.failure.status !== undefined ? { httpStatus: result.failure.status } : {}),
    };
  }
  const { outcome, diagnosis } = result;
  return {
    code: outcome.code,
    ok: outcome.ok,
    title: diagnosis.title,
    sentence: withProfileContext(outcome.code, diagnosis, profile, senderId, outcome.errors),
    severity: diagnosis.severity,
    fix: resolveFixStep(profile, options, diagnosis.fixStepId),
    errors: outcome.errors.map((e) => ({ ...e })),
    httpStatus: result.httpStatus,
  };
}

/** A diagnosis on its own (the permission check's sign-in failures), in the same shape. */
export function explainDiagnosis(
  code: ConnectionCode,
  diagnosis: Diagnosis,
  profile: IntegrationProfile,
  options: OptionValues,
): ExplainedResult {
  return {
    code,
    ok: false,
    title: diagnosis.title,
    sentence: diagnosis.sentence,
    severity: diagnosis.severity,
    fix: resolveFixStep(profile, options, diagnosis.fixStepId),
    errors: [],
  };
}
