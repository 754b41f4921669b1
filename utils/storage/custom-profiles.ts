import { storage } from '#imports';
import { IntegrationProfileSchema, type IntegrationProfile } from '@/utils/profiles/schema';

// Profiles the admin imported (popup, "Import a profile"), kept in storage.local and parsed again on read.


export const customProfilesItem = storage.defineItem<IntegrationProfile[]>('local:customProfiles', {
  fallback: [],
  version: 1,
});

/** Each stored profile is parsed again on read; one that no longer parses is dropped, not shown half-valid. */
export function parseCustomProfiles(value: unknown): IntegrationProfile[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = IntegrationProfileSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds or replaces (same id) an imported profile. */
export function withCustomProfile(list: readonly IntegrationProfile[], profile: IntegrationProfile): IntegrationProfile[] {
  return [...list.filter((p) => p.id !== profile.id), profile];
}
