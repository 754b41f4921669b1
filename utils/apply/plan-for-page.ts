import type { AuditFieldsOptions } from '@/utils/audit/fields';
import type { PageKind } from '@/utils/pages/kinds';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import type { ApplyPlan } from './plan';
import { planRights } from './rights-plan';
import { planSettings } from './settings-plan';
import { pageSpec } from '@/utils/pages/registry';

export type ApplyKind = 'rights' | 'settings';

/** Which Apply a page offers: the rights on the permissions pages, the settings on a configuration page. */
export function applyKindOf(kind: PageKind): ApplyKind | null {
  return pageSpec(kind).apply ?? null;
}

/** The plan for this page, worked out from what it shows now; null where the page offers no Apply. */
export function planForPage(
  doc: Document,
  kind: PageKind,
  profile: IntegrationProfile,
  values: OptionValues,
  taught?: AuditFieldsOptions['taught'],
): ApplyPlan | null {
  const applyKind = applyKindOf(kind);
  if (applyKind === 'rights') return planRights(doc, profile, values);
  if (applyKind === 'settings') return planSettings(doc, kind, profile, values, taught);
  return null;
}
