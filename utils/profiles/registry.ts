import type { PageKind } from '@/utils/pages/kinds';
import { CERTIFY_PROFILE } from './certify';
import { CONNECTOR_PROFILES } from './connectors';
import { EXPENSIFY_PROFILE } from './expensify';
import {
  appliesTo,
  type FieldRule,
  type IntegrationProfile,
  type OptionValues,
  type PermissionRule,
  type ProfileStep,
  type SubscriptionRule,
} from './schema';

export { appliesTo };

/** Expensify first: it is the default selection and the fallback when a saved profile id is gone. */
export const BUILT_IN_PROFILES: readonly IntegrationProfile[] = [EXPENSIFY_PROFILE, CERTIFY_PROFILE, ...CONNECTOR_PROFILES];

export const BUILT_IN_PROFILE_IDS: ReadonlySet<string> = new Set(BUILT_IN_PROFILES.map((p) => p.id));

/** Whether the admin imported this profile (every id not built in: an import may not take a built-in's id). */
export function isImportedProfile(profile: IntegrationProfile): boolean {
  return !BUILT_IN_PROFILE_IDS.has(profile.id);
}

/**
 * A profile's name wherever the admin or an auditor reads it (popup, overlay, exports): an imported one
 * says so first, so a file cannot pass itself off as a profile that ships with the extension — and a long
 * name clipped by a narrow list (the popup's select) cannot clip the mark off (issue 23).
 */
export function profileName(profile: IntegrationProfile): string {
  return isImportedProfile(profile) ? `(imported) ${profile.name}` : profile.name;
}

export function getProfile(id: string, extra: readonly IntegrationProfile[] = []): IntegrationProfile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id) ?? extra.find((p) => p.id === id);
}

export function defaultOptionValues(profile: IntegrationProfile): OptionValues {
  const values: OptionValues = {};
  for (const option of profile.options) values[option.id] = option.default;
  return values;
}

/**
 * Defaults overlaid with the admin's answers, dropping answers that are not a choice of the option
 * (a stale selection saved before a profile changed), so a condition never sees an impossible value.
 */
export function resolveOptionValues(profile: IntegrationProfile, values: OptionValues): OptionValues {
  const resolved = defaultOptionValues(profile);
  for (const option of profile.options) {
    const chosen = values[option.id];
    if (chosen !== undefined && option.choices.some((c) => c.value === chosen)) resolved[option.id] = chosen;
  }
  return resolved;
}

/** The steps that apply to these answers, in the profile's order. */
export function requiredSteps(profile: IntegrationProfile, values: OptionValues): ProfileStep[] {
  const resolved = resolveOptionValues(profile, values);
  return profile.steps.filter((step) => appliesTo(step.when, resolved));
}

export function requiredPermissions(profile: IntegrationProfile, values: OptionValues): PermissionRule[] {
  const resolved = resolveOptionValues(profile, values);
  return profile.permissions.filter((p) => appliesTo(p.when, resolved));
}

export function requiredSubscriptions(profile: IntegrationProfile, values: OptionValues): SubscriptionRule[] {
  const resolved = resolveOptionValues(profile, values);
  return profile.subscriptions.filter((s) => appliesTo(s.when, resolved));
}

/** Required steps done on this page (a step may span several pages, e.g. a list and its form). */
export function stepsForPage(profile: IntegrationProfile, values: OptionValues, pageKind: PageKind): ProfileStep[] {
  return requiredSteps(profile, values).filter((step) => step.pageKinds.includes(pageKind));
}

/** Field checks for this page: the rule's own `when` and its step's must both hold. */
export function fieldRulesFor(profile: IntegrationProfile, values: OptionValues, pageKind: PageKind): FieldRule[] {
  const resolved = resolveOptionValues(profile, values);
  const rules: FieldRule[] = [];
  for (const step of requiredSteps(profile, resolved)) {
    for (const rule of step.fields ?? []) {
      if (rule.pageKind === pageKind && appliesTo(rule.when, resolved)) rules.push(rule);
    }
  }
  return rules;
}
