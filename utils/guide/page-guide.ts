import { type PageKind } from '@/utils/pages/kinds';
import { PAGE_NAMES } from '@/utils/pages/registry';
import { defaultOptionValues, getProfile, profileName, requiredSteps, BUILT_IN_PROFILES } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import type { IntegrationSelection } from '@/utils/storage/selection';
import type { GuideStep, PageGuide } from './types';

/** The chosen profile among the built-in and the admin's imported ones; Expensify when it is gone. */
export function resolveProfile(selection: IntegrationSelection, imported: readonly IntegrationProfile[] = []): IntegrationProfile {
  const fallback = BUILT_IN_PROFILES[0];
  if (!fallback) throw new Error('no built-in profile');
  return getProfile(selection.profileId, imported) ?? fallback;
}

/** The admin's chosen options over the profile's defaults, so a new option never leaves a gap. */
export function optionValues(profile: IntegrationProfile, selection: IntegrationSelection): Record<string, string> {
  return { ...defaultOptionValues(profile), ...selection.options };
}

function menuPathText(menuPath: { older: string; current?: string | undefined }): string {
  return menuPath.current && menuPath.current !== menuPath.older
    ? `${menuPath.older} (newer menus: ${menuPath.current})`
    : menuPath.older;
}

// Intacct compares sender IDs exactly and never lets one be edited after it is added
// (docs/intacct.md#web-services-sender-information).
function senderCaution(profile: IntegrationProfile): string {
  const ids = profile.senderIds.map((s) => `“${s.id}”`).join(' or ');
  return `Before you click Save: a sender ID is case-sensitive and cannot be changed afterwards. Check it reads exactly ${ids}, with no spaces.`;
}

/** The steps of the chosen integration that are done on this page, numbered as in its checklist. */
export function buildPageGuide(selection: IntegrationSelection, kind: PageKind, imported: readonly IntegrationProfile[] = []): PageGuide {
  const profile = resolveProfile(selection, imported);
  const steps: GuideStep[] = [];
  requiredSteps(profile, optionValues(profile, selection)).forEach((step, index) => {
    if (!step.pageKinds.includes(kind)) return;
    steps.push({
      id: step.id,
      number: index + 1,
      title: step.title,
      menuPath: menuPathText(step.menuPath),
      instructions: step.instructions,
    });
  });
  const values = optionValues(profile, selection);
  const chosen = profile.options
    .map((o) => `${o.label}: ${o.choices.find((c) => c.value === values[o.id])?.label ?? values[o.id] ?? o.default}`)
    .join('; ');
  return {
    kind,
    pageName: PAGE_NAMES[kind],
    integrationName: profileName(profile),
    steps,
    emptyNote: `${profileName(profile)} needs nothing on this page with the options you chose${chosen ? ` (${chosen})` : ''}. Change them in the toolbar popup.`,
    cautions: kind === 'sender-form' && profile.senderIds.length ? [senderCaution(profile)] : [],
  };
}
