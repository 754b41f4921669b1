import type { Finding, FindingStatus } from '@/utils/audit/finding';
import { applicationModuleName, type ApplicationPermissions } from '@/utils/intacct/permissions';
import { profileName } from '@/utils/profiles/registry';
import type { IntegrationProfile, PermissionObject, PermissionRule } from '@/utils/profiles/schema';
import { nameSlug, normalizeName } from '@/utils/reading/text';

/**
 * The whole-user audit: getUserPermissions' effective rights compared with what the integration needs,
 * with the page audit's verdicts (utils/audit/permission-judging.ts) — missing, wrong, excess — for every module
 * the integration needs and every one it does not, and for each permission (policy) inside them. One
 * finding per module (subject = the module) sums up its permissions; one per permission says what is off.
 *
 * ASSUMED, because getUserPermissions lists only granted rights and Intacct publishes no full verb list
 * per permission (docs/intacct.md#getuserpermissions, docs/intacct.md#permission-verbs):
 * - All: every permission of the application must carry more than List/View. A permission holding
 *   List+View only is read-only, so All is not granted (wrong, as a half-ticked grid is on the page); a
 *   permission with a single verb (e.g. "Approve Expenses: List") is taken as complete.
 * - Read-only: List and View; any other verb is excess (if the vendor's list is complete).
 * - Custom: the rights listed for each named object must all be there (List, which every other verb
 *   requires, is never beyond them); a permission the list does not name is excess (if the list is
 *   complete).
 */

const READ_RIGHTS = new Set(['list', 'view']);
const ALL_EXPECTED = 'All (List, View, Add, Edit, Delete on every permission)';
const READ_ONLY_EXPECTED = 'Read-only (List, View)';

function lower(rights: readonly string[]): Set<string> {
  return new Set(rights.map((r) => r.trim().toLowerCase()));
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function ruleNames(rule: PermissionRule): string[] {
  return [rule.module, ...rule.aliases].map(normalizeName);
}

function rightsSummary(app: ApplicationPermissions): string {
  const rights = [...new Set(app.policies.flatMap((p) => p.rights))];
  const count = app.policies.length;
  if (rights.length === 0) return `subscribed, no rights on its ${count} permission${count === 1 ? '' : 's'}`;
  return `${list(rights)} (${count} permission${count === 1 ? '' : 's'})`;
}

function expectedFor(rule: PermissionRule): string {
  if (rule.access === 'all') return ALL_EXPECTED;
  if (rule.access === 'read-only') return READ_ONLY_EXPECTED;
  const objects = (rule.objects ?? []).map((o) => `${o.name}: ${list(o.rights)}`);
  return objects.length > 0 ? `Custom: ${objects.join('; ')}` : 'Custom (see the guide)';
}

function accessWord(rule: PermissionRule): string {
  return rule.access === 'read-only' ? 'Read only' : rule.access === 'all' ? 'All' : 'the rights the guide lists';
}

/** Many permissions with different verdicts make the module "wrong"; one kind of problem names itself. */
function moduleStatus(statuses: readonly FindingStatus[]): FindingStatus {
  const problems = new Set(statuses.filter((s) => s !== 'ok'));
  if (problems.size === 0) return 'ok';
  if (problems.size === 1) return [...problems][0] as FindingStatus;
  return 'wrong';
}

interface Ctx {
  who: string;
  stepId?: string;
  complete: boolean;
}

function make(ctx: Ctx, f: Omit<Finding, 'stepId'>): Finding {
  const cleared = f.status === 'ok' ? { ...f, message: '', fix: '' } : f;
  return ctx.stepId ? { ...cleared, stepId: ctx.stepId } : cleared;
}

type Policy = ApplicationPermissions['policies'][number];

/** The verdict on one granted permission of a module the integration needs. */
function policyFinding(rule: PermissionRule, policy: Policy, want: PermissionObject | null, ctx: Ctx): Finding {
  const name = policy.name || '(unnamed permission)';
  const have = lower(policy.rights);
  const base = {
    id: `perm:${nameSlug(rule.module)}:${nameSlug(name)}`,
    subject: `${rule.module} › ${name}`,
    group: rule.module,
    found: policy.rights.length ? list(policy.rights) : 'no rights',
  };
  const where = `in ${rule.module}’s Permissions for the web services user (or its role)`;

  if (rule.access === 'all') {
    const readOnly = have.size >= 2 && [...have].every((r) => READ_RIGHTS.has(r));
    if (policy.rights.length === 0) {
      return make(ctx, { ...base, status: 'missing', expected: 'all rights', message: `${ctx.who} needs every right in ${rule.module}; nothing is granted on ${name}.`, fix: `Choose All ${where}.` });
    }
    return make(ctx, {
      ...base,
      status: readOnly ? 'wrong' : 'ok',
      expected: 'all rights',
      message: `${ctx.who} needs every right in ${rule.module}; ${name} is read only.`,
      fix: `Choose All ${where}, or tick Add, Edit and Delete for ${name}.`,
    });
  }

  let expectedKeys: Set<string>;
  let expected: string;
  if (rule.access === 'read-only') {
    expectedKeys = new Set(READ_RIGHTS);
    expected = ctx.complete ? 'List, View only' : 'List, View';
  } else if (want) {
    // View, Add, Edit and Delete each require List (docs/intacct.md#permission-verbs), so List is never beyond them.
    expectedKeys = new Set([...lower(want.rights), 'list']);
    expected = list(want.rights);
  } else {
    expectedKeys = new Set();
    expected = 'no rights';
  }
  const lacking =
    rule.access === 'read-only'
      ? [...have].some((r) => READ_RIGHTS.has(r))
        ? []
        : ['List', 'View']
      : (want?.rights ?? []).filter((r) => !have.has(r.trim().toLowerCase()));
  const extra = ctx.complete ? policy.rights.filter((r) => !expectedKeys.has(r.trim().toLowerCase())) : [];
  const status: FindingStatus = lacking.length && extra.length ? 'wrong' : lacking.length ? 'missing' : extra.length ? 'excess' : 'ok';
  const message =
    status === 'excess'
      ? want === null && rule.access !== 'read-only'
        ? `${ctx.who} doesn’t use ${name} in ${rule.module}; least privilege keeps the user to what it needs.`
        : `${ctx.who} needs only ${expected.replace(/ only$/, '')} on ${name}; ${list(extra)} ${extra.length === 1 ? 'goes' : 'go'} beyond that.`
      : `${ctx.who} needs ${list(lacking)} on ${name}${extra.length ? `, and not ${list(extra)}` : ''}.`;
  const fix = [lacking.length ? `tick ${list(lacking)}` : '', extra.length ? `untick ${list(extra)}` : ''].filter(Boolean).join(' and ');
  return make(ctx, { ...base, status, expected, message, fix: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} for ${name} ${where}.` });
}

/** A named object of a custom rule that getUserPermissions does not list at all. */
function absentObjectFinding(rule: PermissionRule, want: PermissionObject, ctx: Ctx): Finding {
  return make(ctx, {
    id: `perm:${nameSlug(rule.module)}:${nameSlug(want.name)}`,
    subject: `${rule.module} › ${want.name}`,
    group: rule.module,
    status: 'missing',
    found: 'not granted',
    expected: list(want.rights),
    message: `${ctx.who} needs ${list(want.rights)} on ${want.name}; Intacct reports no such permission for the user.`,
    fix: `Tick ${list(want.rights)} for ${want.name} in ${rule.module}’s Permissions for the web services user (or its role).`,
  });
}

function findObject(rule: PermissionRule, policy: Policy): PermissionObject | undefined {
  const name = normalizeName(policy.name);
  return (rule.objects ?? []).find(
    (o) => o.nameKnown !== false && [o.name, ...(o.aliases ?? [])].map(normalizeName).includes(name),
  );
}

function neededModule(rule: PermissionRule, app: ApplicationPermissions | undefined, ctx: Ctx): Finding[] {
  const base = { id: `perm:${nameSlug(rule.module)}`, subject: rule.module, group: rule.module, expected: expectedFor(rule) };
  const grant = `Grant ${rule.module} ${accessWord(rule)} to the web services user (or to its role).`;
  if (!app) {
    return [make(ctx, { ...base, status: 'missing', found: 'not granted', message: `${ctx.who} needs it: ${lowerFirst(rule.why)}`, fix: grant })];
  }
  const found = rightsSummary(app);
  if (app.policies.length === 0) {
    return [make(ctx, { ...base, status: 'missing', found, message: `${rule.module} is subscribed but grants nothing; ${ctx.who} needs ${accessWord(rule)}.`, fix: grant })];
  }
  if (rule.access === 'custom' && !(rule.objects ?? []).some((o) => o.nameKnown !== false)) {
    // The vendor shows this grid only as a screenshot: anything granted may be right (as on the page).
    return [make(ctx, { ...base, status: 'ok', found, message: '', fix: '' })];
  }

  const policies: Finding[] = [];
  const matched = new Set<PermissionObject>();
  for (const policy of app.policies) {
    const want = rule.access === 'custom' ? (findObject(rule, policy) ?? null) : null;
    if (want) matched.add(want);
    policies.push(policyFinding(rule, policy, want, ctx));
  }
  if (rule.access === 'custom') {
    for (const want of rule.objects ?? []) {
      if (want.nameKnown !== false && !matched.has(want)) policies.push(absentObjectFinding(rule, want, ctx));
    }
  }
  const status = moduleStatus(policies.map((f) => f.status));
  const off = policies.filter((f) => f.status !== 'ok').map((f) => f.subject.slice(rule.module.length + 3));
  const module = make(ctx, {
    ...base,
    status,
    found,
    message: `${rule.module} is not as ${ctx.who} needs it: ${list(off)}.`,
    fix: status === 'excess' ? `Set ${rule.module} to ${accessWord(rule)} for the web services user (or its role).` : grant,
  });
  return [module, ...policies];
}

/**
 * Every finding of the whole-user audit, in the profile's module order, then the modules it does not
 * need. With an incomplete list (schema.ts), a module the profile names under no option is never excess,
 * nor are rights beyond what it names.
 */
export function auditUserPermissions(
  profile: IntegrationProfile,
  rules: readonly PermissionRule[],
  apps: readonly ApplicationPermissions[],
): Finding[] {
  const ctx: Ctx = {
    who: profileName(profile),
    complete: profile.permissionsComplete !== false,
    ...(profile.steps.some((s) => s.id === 'permissions') ? { stepId: 'permissions' } : {}),
  };
  const named = new Set(profile.permissions.flatMap(ruleNames));
  const matched = new Set<ApplicationPermissions>();
  const findings: Finding[] = [];

  for (const rule of rules) {
    const names = ruleNames(rule);
    // Several applications may answer to one rule ("Expenses" and a truncated "Time "): the one named
    // exactly is checked; none of them is excess.
    const candidates = apps.filter((a) => names.includes(applicationModuleName(a.application)));
    for (const a of candidates) matched.add(a);
    const app = candidates.find((a) => names.includes(normalizeName(a.application))) ?? candidates[0];
    findings.push(...neededModule(rule, app, ctx));
  }

  for (const app of apps) {
    if (matched.has(app)) continue;
    if (!ctx.complete && !named.has(applicationModuleName(app.application))) continue;
    const name = app.application.trim() || '(unnamed application)';
    const granted = app.policies.filter((p) => p.rights.length > 0);
    findings.push(
      make(ctx, {
        id: `perm:${nameSlug(name)}:excess`,
        subject: name,
        group: name,
        status: granted.length ? 'excess' : 'ok',
        found: granted.length ? granted.map((p) => `${p.name} (${list(p.rights)})`).join('; ') : 'subscribed, no rights',
        expected: 'no access',
        message: `${ctx.who} does not need ${name} with the options you chose; least privilege keeps the user to what it needs.`,
        fix: `Remove ${name} from the web services user (or its role) unless another integration it serves needs it.`,
      }),
    );
  }
  return findings;
}
