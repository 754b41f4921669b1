import { readAssignedRoles } from '@/utils/page-data/assigned-roles';
import { auditRoleAssignment } from './role-assignment';
import { notFoundFinding, type Finding } from '@/utils/audit/finding';
import type { PageKind } from '@/utils/pages/kinds';
import { pageSpec } from '@/utils/pages/registry';
import type { PageCheck } from '@/utils/pages/spec';
import { normalizeLabel } from '@/utils/reading/text';
import { fieldRulesFor, profileName, requiredSteps, requiredSubscriptions, resolveOptionValues } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues, ProfileStep, SubscriptionRule } from '@/utils/profiles/schema';
import { findSenderAuthorizationTable, readSenderAuthorizations } from '@/utils/page-data/sender-authorizations';
import { readCompanySubscriptions } from '@/utils/page-data/company-subscriptions';
import { auditFields, type AuditFieldsOptions } from './fields';
import { auditSenderIds } from './sender-ids';
import { auditCompanySubscriptions, subscriptionFindingId } from './subscriptions';


type Check = () => Finding[];

function stepOfSubscription(steps: readonly ProfileStep[], rule: SubscriptionRule): string | undefined {
  const onPage = steps.filter((s) => s.pageKinds.includes('company-subscriptions'));
  const names = [rule.name, ...(rule.aliases ?? []), ...(rule.alternatives ?? [])].map(normalizeLabel);
  // Profiles don't link a subscription to its step; the step that names it in its title or text is the one.
  const named = onPage.find((s) => {
    const text = normalizeLabel([s.title, ...s.instructions].join(' '));
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
export interface PageAuditOptions {
  /** Fields the admin pointed at on this kind of page ("Point at it"). */
  taught?: AuditFieldsOptions['taught'];
}

export function auditPage(doc: Document, kind: PageKind, profile: IntegrationProfile, values: OptionValues, options: PageAuditOptions = {}): Finding[] {
  const spec = pageSpec(kind);
  // Subscriptions and permissions pages are checked by the live permissions audit (permission-tracker.ts).
  if (spec.audit === 'rights') return [];
  const runs = (check: PageCheck): boolean => spec.checks?.includes(check) === true;
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
      () =>
        auditFields(doc, fieldRulesFor(profile, resolved, kind), (id) => stepOfRule.get(id), {
          guideName: profileName(profile),
          ...(options.taught ? { taught: options.taught } : {}),
        }),
    ],
  ];
  if (runs('sender-ids')) {
    checks.push([
      'sender IDs',
      () => {
        const stepId = steps.find((s) => s.pageKinds.includes(kind))?.id;
        // The page was recognized as the Security tab but its authorizations list cannot be read: say so
        // for each sender ID rather than pass over them.
        if (!findSenderAuthorizationTable(doc)) {
          return profile.senderIds.map((sender) =>
            notFoundFinding({
              id: `sender:${sender.id}`,
              subject: `Sender ID ${sender.id}`,
              expected: `${sender.id}, Active`,
              lookedFor: 'the Web Services authorizations list (a table with Sender ID and Status columns)',
              stepId,
              fix: 'Open Company › Company Info › Security and click Edit; if the list is there, use “Copy page structure” in the toolbar popup and send it to us.',
            }),
          );
        }
        return auditSenderIds(readSenderAuthorizations(doc), profile.senderIds, {
          integrationName: profileName(profile),
          ...(stepId ? { stepId } : {}),
        });
      },
    ]);
  }
  const roleStep = steps.find((s) => s.id === 'role');
  if (runs('role-assignment') && roleStep && profile.role) {
    const roleName = profile.role.name;
    checks.push([
      'role assignment',
      () => {
        const assigned = readAssignedRoles(doc);
        const stepId = steps.find((s) => s.pageKinds.includes(kind))?.id;
        if (!assigned) {
          return [
            notFoundFinding({
              id: 'role-assigned',
              subject: `Role ${roleName} assigned`,
              expected: roleName,
              lookedFor: 'the Roles information list (a list with a Role name column)',
              stepId,
              fix: 'Open the Roles information tab of the user form. Only role-based companies have it; if yours is user-based, choose that option in the toolbar popup.',
            }),
          ];
        }
        return [auditRoleAssignment(assigned, roleName, stepId)];
      },
    ]);
  }
  if (runs('company-subscriptions')) {
    checks.push([
      'subscriptions',
      () => {
        const rules = requiredSubscriptions(profile, resolved);
        const rows = readCompanySubscriptions(doc);
        if (rows.length === 0) {
          return rules.map((rule) =>
            notFoundFinding({
              id: subscriptionFindingId(rule),
              subject: rule.name,
              expected: 'subscribed',
              lookedFor: 'the applications and their switches',
              stepId: stepOfSubscription(steps, rule),
            }),
          );
        }
        return auditCompanySubscriptions(rows, rules, { stepIdOf: (rule) => stepOfSubscription(steps, rule) });
      },
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
