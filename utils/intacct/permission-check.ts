import type { Finding } from '@/utils/audit/finding';
import type { IntegrationProfile, PermissionRule } from '@/utils/profiles/schema';
import { isPermissionDenial, permissionDeniedObject, stripSupportId } from './classify';
import type { GatewayCode } from './codes';
import type { Diagnosis } from './diagnosis';
import { diagnose } from './diagnosis';
import { parseUserPermissions, type ApplicationPermissions } from './permissions';
import type { GatewayFunction } from './request';
import type { FunctionResult } from './response';
import { callWithSession, type ConnectionTestOptions, type SessionCredentials } from './transport';

/*
 * Which objects we read to learn whether a module is open to the web services user, when
 * getUserPermissions itself is refused. THIS MAP IS OURS, not Intacct's: the object names come from
 * reference §1.6 (a scraper's object map) and §6 (the probes it suggests), and which module guards
 * which object is our reading of the module names; Intacct documents neither. Keys are module names as
 * the profiles spell them; a profile rule reaches them through its module name or its aliases.
 */
export const MODULE_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  'General Ledger': ['GLACCOUNT'],
  // Either object would do for "can it use Cash Management"; both are read so a partial grant shows.
  'Cash Management': ['CHECKINGACCOUNT', 'CCTRANSACTION'],
  'Accounts Payable': ['APBILL', 'VENDOR'],
  'Accounts Receivable': ['CUSTOMER', 'ARINVOICE'],
  'Time & Expenses': ['EEXPENSES', 'EMPLOYEE', 'EEACCOUNTLABEL'],
  Projects: ['PROJECT'],
  Company: ['DEPARTMENT', 'LOCATION'],
  Administration: ['USERINFO'],
};

/** "Time & Expenses", "time and expenses " and "Time  &  Expenses" compare equal. */
export function normalizeModuleName(name: string): string {
  return name.trim().toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
}

function ruleNames(rule: PermissionRule): string[] {
  return [rule.module, ...rule.aliases].map(normalizeModuleName);
}

/**
 * getUserPermissions' applicationName, normalized, as a module name. It truncates "Time & Expenses" to
 * "Time " (reference §1.6), so a bare "Time" here is Time & Expenses; only here, because on the
 * product's pages "Time" is an application of its own (timesheets).
 */
export function applicationModuleName(applicationName: string): string {
  const name = normalizeModuleName(applicationName);
  return name === 'time' ? normalizeModuleName('Time & Expenses') : name;
}

/** The module an object belongs to in MODULE_OBJECTS (case-insensitive), e.g. arinvoice → Accounts Receivable. */
export function moduleOfObject(object: string): string | undefined {
  const wanted = object.trim().toUpperCase();
  return Object.keys(MODULE_OBJECTS).find((module) => MODULE_OBJECTS[module]?.includes(wanted));
}

/** The objects to read for a profile's module, found through its name or aliases; [] when we know none. */
export function objectsForRule(rule: PermissionRule): readonly string[] {
  const names = ruleNames(rule);
  const module = Object.keys(MODULE_OBJECTS).find((key) => names.includes(normalizeModuleName(key)));
  return module ? (MODULE_OBJECTS[module] ?? []) : [];
}

const READ_RIGHTS = new Set(['list', 'view']);
const ALL_EXPECTED = 'All (List, View, Add, Edit, Delete on every permission)';
const READ_ONLY_EXPECTED = 'Read-only (List, View)';

function slug(text: string): string {
  return normalizeModuleName(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function rightsSummary(app: ApplicationPermissions): string {
  const rights = [...new Set(app.policies.flatMap((p) => p.rights))];
  const count = app.policies.length;
  if (rights.length === 0) return `subscribed, no rights on its ${count} permission${count === 1 ? '' : 's'}`;
  return `${rights.join(', ')} (${count} permission${count === 1 ? '' : 's'})`;
}

function expectedFor(rule: PermissionRule): string {
  if (rule.access === 'all') return ALL_EXPECTED;
  if (rule.access === 'read-only') return READ_ONLY_EXPECTED;
  const objects = (rule.objects ?? []).map((o) => `${o.name}: ${o.rights.join(', ')}`);
  return objects.length > 0 ? `Custom: ${objects.join('; ')}` : 'Custom (see the guide)';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function lower(rights: readonly string[]): Set<string> {
  return new Set(rights.map((r) => r.trim().toLowerCase()));
}

interface Base {
  id: string;
  subject: string;
  expected: string;
  group: string;
  stepId?: string;
}

function finding(base: Base, status: Finding['status'], found: string, message: string, fix: string): Finding {
  return { ...base, status, found, message: status === 'ok' ? '' : message, fix: status === 'ok' ? '' : fix };
}

/** The profile's permissions step, so a finding can point at it. */
function permissionsStepId(profile: IntegrationProfile): string | undefined {
  return profile.steps.find((s) => s.id === 'permissions')?.id;
}

/**
 * Compares getUserPermissions' effective rights with what the profile needs for these options, one
 * finding per module (subject = the module name), plus an excess finding for each granted application
 * the integration does not need (none for one the profile never names when its list is incomplete).
 *
 * ASSUMED, because getUserPermissions lists only granted rights and Intacct publishes no full verb list
 * per permission (reference §1.6, §4):
 * - All: every permission of the application must carry more than List/View. A permission holding
 *   List+View only is read-only, so All is not granted; a permission with a single verb (e.g.
 *   "Approve Expenses: List") is taken as complete.
 * - Read-only: List and View only; any other verb is reported as excess (if the list is complete).
 * - Custom: the rights listed for each named object must all be there.
 */
export function compareRights(
  profile: IntegrationProfile,
  rules: readonly PermissionRule[],
  apps: readonly ApplicationPermissions[],
): Finding[] {
  const who = profile.name;
  const stepId = permissionsStepId(profile);
  const findings: Finding[] = [];
  const matched = new Set<ApplicationPermissions>();

  // With an incomplete list (schema.ts), a module the profile names under no option is never excess,
  // nor are rights beyond Read-only.
  const complete = profile.permissionsComplete !== false;
  const named = new Set(profile.permissions.flatMap(ruleNames));

  for (const rule of rules) {
    const names = ruleNames(rule);
    // Several applications may answer to one rule ("Expenses" and a truncated "Time "): any of them
    // satisfies it, the one named exactly first; none of them is excess.
    const candidates = apps.filter((a) => names.includes(applicationModuleName(a.application)));
    for (const a of candidates) matched.add(a);
    const app = candidates.find((a) => names.includes(normalizeModuleName(a.application))) ?? candidates[0];
    const base: Base = {
      id: `perm:${slug(rule.module)}`,
      subject: rule.module,
      expected: expectedFor(rule),
      group: 'Permissions',
      ...(stepId ? { stepId } : {}),
    };
    const grantFix = `Grant ${rule.module} ${rule.access === 'read-only' ? 'Read-only' : rule.access === 'all' ? 'All' : 'as listed'} to the web services user (or to its role).`;
    if (!app) {
      findings.push(finding(base, 'missing', 'not granted', `${who} needs it: ${lowerFirst(rule.why)}`, grantFix));
      continue;
    }
    const found = rightsSummary(app);
    if (rule.access === 'all') {
      const readOnly = app.policies.filter((p) => {
        const rights = lower(p.rights);
        return rights.size >= 2 && [...rights].every((r) => READ_RIGHTS.has(r));
      });
      const empty = app.policies.filter((p) => p.rights.length === 0);
      const partial = [...readOnly, ...empty];
      if (app.policies.length === 0 || partial.length > 0) {
        const names = partial.map((p) => p.name || '(unnamed)').join(', ');
        findings.push(
          finding(
            base,
            'missing',
            found,
            app.policies.length === 0
              ? `${rule.module} is subscribed but grants nothing; ${who} needs All.`
              : `${rule.module} is not All: ${names} ${partial.length === 1 ? 'is' : 'are'} read-only or empty.`,
            grantFix,
          ),
        );
      } else {
        findings.push(finding(base, 'ok', found, '', ''));
      }
    } else if (rule.access === 'read-only') {
      const canRead = app.policies.some((p) => [...lower(p.rights)].some((r) => READ_RIGHTS.has(r)));
      const more = app.policies.filter((p) => [...lower(p.rights)].some((r) => !READ_RIGHTS.has(r)));
      if (!canRead) {
        findings.push(finding(base, 'missing', found, `${rule.module} grants no List or View right.`, grantFix));
      } else if (more.length > 0 && complete) {
        const extra = [...new Set(more.flatMap((p) => p.rights.filter((r) => !READ_RIGHTS.has(r.toLowerCase()))))];
        findings.push(
          finding(
            base,
            'excess',
            found,
            `${who} needs only Read-only on ${rule.module}; ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} more than it needs (on ${more.map((p) => p.name).join(', ')}).`,
            `Set ${rule.module} to Read only for the web services user (or its role).`,
          ),
        );
      } else {
        findings.push(finding(base, 'ok', found, '', ''));
      }
    } else {
      const lacking: string[] = [];
      for (const object of rule.objects ?? []) {
        // A name known only from a screenshot (nameKnown: false) cannot be matched (schema.ts).
        if (object.nameKnown === false) continue;
        const objectNames = [object.name, ...(object.aliases ?? [])].map(normalizeModuleName);
        const policy = app.policies.find((p) => objectNames.includes(normalizeModuleName(p.name)));
        const have = lower(policy?.rights ?? []);
        const missing = object.rights.filter((r) => !have.has(r.trim().toLowerCase()));
        if (missing.length > 0) lacking.push(`${object.name}: ${missing.join(', ')}`);
      }
      findings.push(
        lacking.length > 0
          ? finding(base, 'missing', found, `${rule.module} lacks ${lacking.join('; ')}.`, grantFix)
          : finding(base, 'ok', found, '', ''),
      );
    }
  }

  for (const app of apps) {
    if (matched.has(app)) continue;
    if (!complete && !named.has(applicationModuleName(app.application))) continue;
    const name = app.application.trim() || '(unnamed application)';
    findings.push({
      id: `perm:${slug(name) || 'unnamed'}:excess`,
      subject: name,
      status: 'excess',
      found: rightsSummary(app),
      expected: 'not needed',
      message: `${who} does not need ${name} with the options you chose.`,
      fix: `Remove ${name} from the web services user (or its role) unless something else needs it.`,
      group: 'Permissions',
      ...(stepId ? { stepId } : {}),
    });
  }
  return findings;
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
      id: `perm:${slug(rule.module)}`,
      subject: rule.module,
      expected: `can read ${objects.join(', ')}`,
      group: 'Permissions',
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
 * Step 2 and 3 of reference §6: getUserPermissions for the web services user, compared with the
 * profile; where Intacct refuses that call, a one-record readByQuery of each object the profile's
 * modules need. Never throws.
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
    return {
      kind: 'findings',
      source: 'getUserPermissions',
      findings: compareRights(input.profile, input.rules, parseUserPermissions(outcome)),
      notChecked: [],
      note: '',
    };
  }

  const refusal = result?.errors.map((e) => [e.errorno, stripSupportId(e.description2 || e.description)].filter(Boolean).join(': '))[0];
  const objects = [...new Set(input.rules.flatMap((rule) => objectsForRule(rule)))];
  const note =
    `Intacct refused getUserPermissions${refusal ? ` (${refusal})` : ''}, so each object was read once instead.`;
  if (objects.length === 0) return { kind: 'findings', source: 'readByQuery', findings: [], notChecked, note };

  const functions: GatewayFunction[] = objects.map((object) => ({
    kind: 'readByQuery',
    controlId: probeControlId(object),
    object,
    query: '',
  }));
  const read = await callWithSession(input.session, functions, opts);
  if (read.kind === 'not-answered') return { kind: 'failed', code: read.failure.kind, diagnosis: read.diagnosis };
  if (read.outcome.results.length === 0) return failedCall(read.outcome, input);
  return {
    kind: 'findings',
    source: 'readByQuery',
    findings: findingsFromReads(input.profile, input.rules, readsFromResults(objects, read.outcome.results)),
    notChecked,
    note,
  };
}
