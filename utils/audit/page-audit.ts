import { readAssignedRoles } from '@/utils/readers/assigned-roles';
import { auditRoleAssignment } from './role-assignment';
import type { Finding } from '@/utils/audit/finding';
import type { PageKind } from '@/utils/pages/kinds';
import { normalizeText } from '@/utils/pages/signals';
import { fieldRulesFor, requiredSteps, requiredSubscriptions, resolveOptionValues } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues, ProfileStep, SubscriptionRule } from '@/utils/profiles/schema';
import { findSenderAuthorizationTable, readSenderAuthorizations } from '@/utils/readers/sender-ids';
import { readCompanySubscriptions } from '@/utils/readers/subscriptions';
import { auditFields } from './fields';
import { auditSenderIds } from './sender-ids';
import { auditCompanySubscriptions } from './subscriptions';

/** Subscriptions and permissions pages are checked by the permissions audit, which another module owns. */
const PERMISSION_KINDS: ReadonlySet<PageKind> = new Set(['user-subscriptions', 'user-permissions', 'role-subscriptions', 'role-permissions']);

type Check = () => Finding[];

function stepOfSubscription(steps: readonly ProfileStep[], rule: SubscriptionRule): string | undefined {
  const onPage = steps.filter((s) => s.pageKinds.includes('company-subscriptions'));
  const names = [rule.name, ...(rule.aliases ?? []), ...(rule.alternatives ?? [])].map(normalizeText);
  // Profiles don't link a subscription to its step; the step that names it in its title or text is the one.
  const named = onPage.find((s) => {
    const text = normalizeText([s.title, ...s.instructions].join(' '));
    return names.some((n) => text.includes(n));
  });
  return (named ?? onPage[0])?.id;
}

/** Findings in the order their elements appear; findings without an element keep their order, last. */
function inPageOrder(findings: Finding[]): Finding[] {
  const placed = findings.filter((f) => f.target?.isConnected);
  const rest = findings.filter((f) => !f.target?.isConnected);
  placed.sort((a, b) => {
    if (!a.target || !b.target || a.target === b.target) return 0;
    // DOCUMENT_POSITION_FOLLOWING = 4: b comes after a.
    return a.target.compareDocumentPosition(b.target) & 4 ? -1 : 1;
  });
  return [...placed, ...rest];
}

/**
 * Everything the chosen integration needs from this page, checked against what the page shows. Each check
 * runs on its own: one that fails on an unexpected page is skipped with a warning and the others still
 * report. Never throws.
 */
export function auditPage(doc: Document, kind: PageKind, profile: IntegrationProfile, values: OptionValues): Finding[] {
  if (PERMISSION_KINDS.has(kind)) return [];
  let resolved: OptionValues;
  let steps: ProfileStep[];
  try {
    resolved = resolveOptionValues(profile, values);
    steps = requiredSteps(profile, resolved);
  } catch (error) {
    console.warn('[intacct-setup-helper] could not read the integration profile', error);
    return [];
  }

  const stepOfRule = new Map<string, string>();
  for (const step of steps) for (const rule of step.fields ?? []) if (!stepOfRule.has(rule.id)) stepOfRule.set(rule.id, step.id);

  const checks: Array<[string, Check]> = [
    [
      'fields',
      () => auditFields(doc, fieldRulesFor(profile, resolved, kind), (id) => stepOfRule.get(id), { guideName: profile.name }),
    ],
  ];
  if (kind === 'company-security') {
    checks.push([
      'sender IDs',
      () => {
        // No authorizations table: another tab of Company Information is showing; claim nothing.
        if (!findSenderAuthorizationTable(doc)) return [];
        const stepId = steps.find((s) => s.pageKinds.includes('company-security'))?.id;
        return auditSenderIds(readSenderAuthorizations(doc), profile.senderIds, {
          integrationName: profile.name,
          ...(stepId ? { stepId } : {}),
        });
      },
    ]);
  }
  const roleStep = steps.find((s) => s.id === 'role');
  if (kind === 'ws-user-form' && roleStep && profile.role) {
    const roleName = profile.role.name;
    checks.push([
      'role assignment',
      () => {
        const assigned = readAssignedRoles(doc);
        if (!assigned) return [];
        return [auditRoleAssignment(assigned, roleName, steps.find((s) => s.pageKinds.includes('ws-user-form'))?.id)];
      },
    ]);
  }
  if (kind === 'company-subscriptions') {
    checks.push([
      'subscriptions',
      () =>
        auditCompanySubscriptions(readCompanySubscriptions(doc), requiredSubscriptions(profile, resolved), {
          stepIdOf: (rule) => stepOfSubscription(steps, rule),
        }),
    ]);
  }

  const findings: Finding[] = [];
  for (const [name, check] of checks) {
    try {
      findings.push(...check());
    } catch (error) {
      console.warn(`[intacct-setup-helper] skipped the ${name} check on ${kind}`, error);
    }
  }
  try {
    return inPageOrder(findings);
  } catch {
    return findings;
  }
}
