import type { Finding } from '@/utils/audit/finding';
import type { RightsRow } from '@/utils/audit/rights';
import { auditUserPermissions } from '@/utils/audit/user-permissions';
import type { IntegrationProfile, PermissionRule } from '@/utils/profiles/schema';
import { isPermissionDenial, permissionDeniedObject, stripSupportId } from '@/utils/intacct/classify';
import type { GatewayCode } from '@/utils/intacct/codes';
import type { Diagnosis } from '@/utils/intacct/diagnosis';
import { diagnose } from '@/utils/intacct/diagnosis';
import { parseUserPermissions } from '@/utils/intacct/permissions';
import { moduleOfObject, objectsForRule } from '@/utils/intacct/module-objects';
import type { GatewayFunction } from '@/utils/intacct/request';
import type { FunctionResult } from '@/utils/intacct/response';
import { callWithSession, type ConnectionTestOptions, type SessionCredentials } from '@/utils/intacct/transport';
import { nameSlug } from '@/utils/reading/text';
import { rightsOfUserPermissions } from './rights';

/** The profile's permissions step, so a finding can point at it. */
function permissionsStepId(profile: IntegrationProfile): string | undefined {
  return profile.steps.find((s) => s.id === 'permissions')?.id;
}

export type ObjectRead =
  | { object: string; outcome: 'readable' }
  | { object: string; outcome: 'refused'; operation: string; detail: string }
  | { object: string; outcome: 'failed'; detail: string };

/** One read per object from the readByQuery results, matched by control ID (= `probe-<OBJECT>`). */
export function readsFromResults(objects: readonly string[], results: readonly FunctionResult[]): ObjectRead[] {
  return objects.map((object) => {
    const result = results.find((r) => r.controlId === probeControlId(object));
    if (!result) return { object, outcome: 'failed', detail: 'Intacct sent no result for this read.' };
    if (result.status === 'success') return { object, outcome: 'readable' };
    const denial = result.errors.find(isPermissionDenial);
    const text = (e: { description: string; description2: string }) =>
      [e.description, e.description2].map(stripSupportId).filter((t) => t !== '').join(' ');
    if (denial) {
      return {
        object,
        outcome: 'refused',
        operation: permissionDeniedObject(denial)?.operation ?? 'READ_BY_QUERY',
        detail: `${denial.errorno ? `${denial.errorno}: ` : ''}${text(denial)}`,
      };
    }
    const first = result.errors[0];
    return { object, outcome: 'failed', detail: first ? text(first) || first.errorno : 'Intacct did not say why.' };
  });
}

export function probeControlId(object: string): string {
  return `probe-${object}`;
}

/**
 * Findings from one-record reads, one per module (subject = the module name): missing when Intacct
 * refuses a read with a permission error (PL04000005), wrong when a read failed for another reason
 * (often a module the company does not subscribe to). Excess cannot be seen this way.
 */
export function findingsFromReads(
  profile: IntegrationProfile,
  rules: readonly PermissionRule[],
  reads: readonly ObjectRead[],
): Finding[] {
  const stepId = permissionsStepId(profile);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const objects = objectsForRule(rule);
    if (objects.length === 0) continue;
    const mine = reads.filter((r) => objects.includes(r.object));
    const refused = mine.filter((r) => r.outcome === 'refused');
    const failed = mine.filter((r) => r.outcome === 'failed');
    const readable = mine.filter((r) => r.outcome === 'readable').map((r) => r.object);
    const base = {
      id: `perm:${nameSlug(rule.module)}`,
      subject: rule.module,
      expected: `can read ${objects.join(', ')}`,
      group: rule.module,
      ...(stepId ? { stepId } : {}),
    };
    const parts = [
      readable.length ? `can read ${readable.join(', ')}` : '',
      refused.length ? `refused: ${refused.map((r) => r.object).join(', ')}` : '',
      failed.length ? `could not read: ${failed.map((r) => r.object).join(', ')}` : '',
    ].filter((p) => p !== '');
    const found = parts.join('; ');
    if (refused.length > 0) {
      findings.push({
        ...base,
        status: 'missing',
        found,
        message: `Intacct refused to read ${refused.map((r) => r.object).join(' and ')} (${refused[0]?.detail ?? ''}).`,
        fix: `Grant ${rule.module} ${rule.access === 'read-only' ? 'Read-only' : rule.access === 'all' ? 'All' : 'as the guide lists'} to the web services user (or to its role).`,
      });
    } else if (failed.length > 0) {
      findings.push({
        ...base,
        status: 'wrong',
        found,
        message: `Intacct could not read ${failed.map((r) => `${r.object} (${r.detail})`).join(', ')}; the module may not be subscribed.`,
        fix: `Check that ${rule.module} is subscribed, then run the check again.`,
      });
    } else {
      findings.push({ ...base, status: 'ok', found, message: '', fix: '' });
    }
  }
  return findings;
}

/**
 * What the reads proved, as audit history keeps it: one row per object read, under the module our map
 * puts it in, granted "Read" when Intacct returned a record. Says nothing of Add, Edit or Delete.
 */
export function rightsOfReads(reads: readonly ObjectRead[]): RightsRow[] {
  return reads.map((r) => ({ module: moduleOfObject(r.object) ?? '', object: r.object, rights: r.outcome === 'readable' ? ['Read'] : [] }));
}

export type PermissionCheckResult =
  | {
      kind: 'findings';
      /** How the rights were learned. */
      source: 'getUserPermissions' | 'readByQuery';
      findings: Finding[];
      /** Modules the profile needs that neither way can check (no known object), by name. */
      notChecked: string[];
      /** Why the fallback was used, in plain words; '' for getUserPermissions. */
      note: string;
      /** What Intacct reported granted, for the audit history and "Compare with last audit". */
      rights: RightsRow[];
    }
  | { kind: 'failed'; code: GatewayCode | 'timeout' | 'network' | 'http' | 'refused' | 'invalid-input'; diagnosis: Diagnosis };

export interface PermissionCheckInput {
  session: SessionCredentials;
  /** The web services user whose rights are checked (the one the session signed in as). */
  userId: string;
  companyId: string;
  profile: IntegrationProfile;
  rules: readonly PermissionRule[];
}

function failedCall(
  outcome: { code: GatewayCode; errors: FunctionResult['errors'] },
  input: PermissionCheckInput,
): PermissionCheckResult {
  return {
    kind: 'failed',
    code: outcome.code,
    diagnosis: diagnose(outcome.code, {
      senderId: input.session.senderId,
      userId: input.userId,
      companyId: input.companyId,
      errors: outcome.errors,
    }),
  };
}

/**
 * Step 2 and 3 of docs/intacct.md#connection-test-order: getUserPermissions for the web services
 * user, compared with the profile; where Intacct refuses that call, a one-record readByQuery of
 * each object the profile's modules need. Never throws.
 */
export async function checkPermissions(
  input: PermissionCheckInput,
  opts: ConnectionTestOptions = {},
): Promise<PermissionCheckResult> {
  const asked = await callWithSession(
    input.session,
    [{ kind: 'getUserPermissions', controlId: 'permissions', userId: input.userId }],
    opts,
  );
  if (asked.kind === 'not-answered') return { kind: 'failed', code: asked.failure.kind, diagnosis: asked.diagnosis };
  const { outcome } = asked;
  const result = outcome.results.find((r) => r.function === 'getUserPermissions');
  // Sign-in level failures (session ended, sender refused) say nothing about permissions.
  if (!outcome.ok && (!result || outcome.code === 'rate-limited')) return failedCall(outcome, input);

  const notChecked = input.rules.filter((rule) => objectsForRule(rule).length === 0).map((rule) => rule.module);
  if (outcome.ok && result?.status === 'success') {
    const apps = parseUserPermissions(outcome);
    return {
      kind: 'findings',
      source: 'getUserPermissions',
      findings: auditUserPermissions(input.profile, input.rules, apps),
      notChecked: [],
      note: '',
      rights: rightsOfUserPermissions(apps),
    };
  }

  const refusal = result?.errors.map((e) => [e.errorno, stripSupportId(e.description2 || e.description)].filter(Boolean).join(': '))[0];
  const objects = [...new Set(input.rules.flatMap((rule) => objectsForRule(rule)))];
  const note =
    `Intacct refused getUserPermissions${refusal ? ` (${refusal})` : ''}, so each object was read once instead.`;
  if (objects.length === 0) return { kind: 'findings', source: 'readByQuery', findings: [], notChecked, note, rights: [] };

  const functions: GatewayFunction[] = objects.map((object) => ({
    kind: 'readByQuery',
    controlId: probeControlId(object),
    object,
    query: '',
  }));
  const read = await callWithSession(input.session, functions, opts);
  if (read.kind === 'not-answered') return { kind: 'failed', code: read.failure.kind, diagnosis: read.diagnosis };
  if (read.outcome.results.length === 0) return failedCall(read.outcome, input);
  const reads = readsFromResults(objects, read.outcome.results);
  return {
    kind: 'findings',
    source: 'readByQuery',
    findings: findingsFromReads(input.profile, input.rules, reads),
    notChecked,
    note,
    rights: rightsOfReads(reads),
  };
}
