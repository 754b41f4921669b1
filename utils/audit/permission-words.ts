import { type Finding } from '@/utils/audit/finding';
import { normalizeName } from '@/utils/reading/text';
import { appliesTo, profileName, resolveOptionValues } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues, PermissionRule } from '@/utils/profiles/schema';
import { type PermissionLevel } from '@/utils/page-data/permissions-window';

import { isRightsPage } from '@/utils/pages/registry';
/**
 * The permissions audit's words and its context (issue #22 split the audit into words, judging and the
 * live tracker): what an admin reads in each finding — whose rights, which action, why a right is excess —
 * and the context built from the chosen profile and options. Least privilege is part of "right": a right
 * the integration does not use is reported as `excess`, because a web services user's password sits in a
 * third party's system.
 */

export interface AuditContext {
  /** The integration's name, for messages ("Expensify"). */
  integration?: string;
  /** Whose rights these are, for "this role" / "this user" in fixes; read from the page when absent. */
  subjectKind?: 'role' | 'user';
  /** The profile step the findings belong to. */
  stepId?: string;
  /**
   * Modules the profile needs only under other options, keyed by module name, with the condition in words
   * ("“Out-of-pocket expenses exported as” is Expense reports"): an admin who picked the wrong option then
   * learns why the module shows up as excess.
   */
  onlyWhen?: ReadonlyMap<string, string>;
  /**
   * The profile's `permissionsComplete`; absent means true. When false the vendor's list is not
   * exhaustive, so a module or right it does not name is never called excess.
   */
  permissionsComplete?: boolean;
}


// ---- wording ------------------------------------------------------------------------------------------

export const LEVEL_WORDS: Record<PermissionLevel, string> = { all: 'All', 'read-only': 'Read only', custom: 'Custom' };

export function list(items: readonly string[]): string {
  return items.join(', ');
}

export function isAre(items: readonly string[]): string {
  return items.length === 1 ? 'is' : 'are';
}

export function whose(ctx: AuditContext): string {
  return ctx.subjectKind ? `this ${ctx.subjectKind}` : 'this user or role';
}

export function who(ctx: AuditContext): string {
  return ctx.integration ?? 'The integration';
}

// Guides and pages disagree on plurals ("Tax Detail" vs "Tax details").
export function objectKey(name: string): string {
  return normalizeName(name)
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

function ruleNames(rule: PermissionRule): string[] {
  return [rule.module, ...rule.aliases].map(normalizeName);
}

export function findRule(needs: readonly PermissionRule[], moduleName: string): PermissionRule | undefined {
  const key = normalizeName(moduleName);
  return needs.find((rule) => ruleNames(rule).includes(key));
}

export function accessAction(rule: PermissionRule): string {
  if (rule.access === 'all') return 'choose All';
  if (rule.access === 'read-only') return 'choose Read only';
  const named = (rule.objects ?? []).filter((o) => o.nameKnown !== false);
  const unnamed = (rule.objects ?? []).length - named.length;
  if (named.length === 0) return 'set the rights the vendor’s guide shows';
  const ticks = named.map((o) => `${o.name} ${list(o.rights)}`).join('; ');
  return `tick ${ticks}${unnamed ? ', plus the rows the vendor’s screenshot shows' : ''}`;
}

export function accessWords(rule: PermissionRule): string {
  if (rule.access !== 'custom') return LEVEL_WORDS[rule.access];
  return rule.objects?.length ? 'the rights the guide lists' : 'the rights the vendor’s guide shows';
}

/**
 * Whether a module the current needs leave out counts as excess. With an incomplete list only a module
 * the profile names under other options does: the profile's author scoped it, the vendor did not.
 */
export function unneededIsExcess(app: string, ctx: AuditContext): boolean {
  return ctx.permissionsComplete !== false || (ctx.onlyWhen?.has(normalizeName(app)) ?? false);
}

export function excessMessage(app: string, ctx: AuditContext): string {
  const condition = ctx.onlyWhen?.get(normalizeName(app));
  const because = condition
    ? `${who(ctx)} needs ${app} only when ${condition}, which is not what you chose`
    : `${who(ctx)} doesn’t use ${app}`;
  return `${because}; least privilege keeps ${whose(ctx)} to what it needs.`;
}

export function excessFix(action: string, app: string, ctx: AuditContext): string {
  const condition = ctx.onlyWhen?.get(normalizeName(app));
  return condition
    ? `${action}, unless another integration ${whose(ctx)} serves needs it; if ${who(ctx)} is set up that way, change the option instead.`
    : `${action}, unless another integration ${whose(ctx)} serves needs it.`;
}

/** Integration name, step and the option conditions, for the audit functions' wording. */
export function auditContextFor(profile: IntegrationProfile, values: OptionValues): AuditContext {
  const resolved = resolveOptionValues(profile, values);
  const step = profile.steps.find((s) => s.pageKinds.some(isRightsPage));
  const onlyWhen = new Map<string, string>();
  for (const rule of profile.permissions) {
    if (!rule.when || appliesTo(rule.when, resolved)) continue;
    const words = rule.when.map((c) => {
      const option = profile.options.find((o) => o.id === c.option);
      const choices = c.in.map((v) => option?.choices.find((ch) => ch.value === v)?.label ?? v);
      return `“${option?.label ?? c.option}” is ${choices.join(' or ')}`;
    });
    for (const name of [rule.module, ...rule.aliases]) onlyWhen.set(normalizeName(name), words.join(' and '));
  }
  return {
    integration: profileName(profile),
    ...(step ? { stepId: step.id } : {}),
    onlyWhen,
    permissionsComplete: profile.permissionsComplete ?? true,
  };
}

export function finding(fields: Omit<Finding, 'stepId'>, ctx: AuditContext): Finding {
  return ctx.stepId ? { ...fields, stepId: ctx.stepId } : fields;
}

