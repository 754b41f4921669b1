import type { IntegrationProfile } from '@/utils/profiles/schema';
import { DEFAULT_SELECTION, IntegrationSelectionSchema, type IntegrationSelection } from '@/utils/storage/selection';
import type { ManagedConfig } from './config';

/**
 * The integration in force. A locked organization choice wins over anything stored; an unlocked one is
 * the preset until the user picks their own (`stored` is null when nothing is stored yet).
 */
export function applyManagedSelection(stored: unknown, config: ManagedConfig): IntegrationSelection {
  const preset = config.integration;
  if (preset && config.lockIntegration) return { profileId: preset.profileId, options: { ...preset.options } };
  const own = IntegrationSelectionSchema.safeParse(stored);
  if (own.success) return own.data;
  return preset ? { profileId: preset.profileId, options: { ...preset.options } } : DEFAULT_SELECTION;
}

/** The organization's profiles, then the user's imports; an import with the id of an organization profile is left out. */
export function withManagedProfiles(imported: readonly IntegrationProfile[], config: ManagedConfig): IntegrationProfile[] {
  const managedIds = new Set(config.customProfiles.map((p) => p.id));
  return [...config.customProfiles, ...imported.filter((p) => !managedIds.has(p.id))];
}
