import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { IntegrationProfileSchema, SlugSchema } from '@/utils/profiles/schema';
import { z } from '@/utils/zod';
import { EMPTY_MANAGED, MANAGED_LIMITS, parseManagedConfig, type ManagedState } from './config';

/*
 * Only the background reads storage.managed, and only the background parses it (issue 23: a policy of 500
 * taught rules of 1 MB took 7 s to parse, on every overlay mount, popup open and gateway message).
 * Chromium answers the first storage.managed call of a browser session after about 2.5 s (measured on
 * Chromium 156 here; later calls take a millisecond), which would hold the guide back on the first Intacct
 * page. So the background parses the organization's policy once — at start and whenever it changes — keeps
 * the parsed settings for its own use, and stores them in local storage for the overlay and the popup, which
 * check their shape (it is storage, a boundary like any other) but parse nothing of the policy again.
 */

/** The organization's settings as the background parsed them; null when there is no policy. */
export const organizationPolicyItem = storage.defineItem<unknown>('local:organizationPolicyState', { fallback: null });

const ProblemSchema = z.object({ key: z.string().max(2000), message: z.string().max(20_000) });

/** The shape of the parsed settings, as the background stored them (config.ts makes them). */
const ManagedStateSchema = z.object({
  config: z.object({
    integration: z
      .object({
        profileId: SlugSchema,
        options: z.record(z.string().max(MANAGED_LIMITS.optionKey), z.string().max(MANAGED_LIMITS.optionValue)),
      })
      .optional(),
    lockIntegration: z.boolean(),
    hideConnectionTest: z.boolean(),
    organizationName: z.string().max(MANAGED_LIMITS.organizationName).optional(),
    customProfiles: z.array(IntegrationProfileSchema).max(MANAGED_LIMITS.customProfiles),
    taughtRules: z.array(z.record(z.string(), z.unknown())).max(MANAGED_LIMITS.taughtRules),
  }),
  problems: z.array(ProblemSchema).max(MANAGED_LIMITS.problems),
  more: z.number().int().nonnegative(),
});

/** Stored settings, checked; anything else (nothing stored, another shape) is no policy. */
export function storedManagedState(value: unknown): ManagedState {
  if (value === null || value === undefined) return EMPTY_MANAGED;
  const parsed = ManagedStateSchema.safeParse(value);
  return parsed.success ? (parsed.data as ManagedState) : EMPTY_MANAGED;
}

/**
 * storage.managed itself. Without a policy Chrome answers {} and Firefox throws ("Managed storage
 * manifest not found"): both mean "nothing set", never an error for the user.
 */
export async function readManagedPolicy(): Promise<unknown> {
  try {
    const raw: unknown = await browser.storage.managed.get(null);
    return raw && typeof raw === 'object' && Object.keys(raw).length === 0 ? null : (raw ?? null);
  } catch {
    return null;
  }
}

// The background's own parse, made once and again only when the policy changes.
let parsedInBackground: Promise<ManagedState> | null = null;

/** Background: the policy from storage.managed, parsed once (what enforcement goes by). */
export function readManagedStateDirect(): Promise<ManagedState> {
  parsedInBackground ??= readManagedPolicy().then(parseManagedConfig);
  return parsedInBackground;
}

/** Background: parses the policy now and after every change, and stores the settings for the overlay and the popup. */
export function keepOrganizationPolicyCopy(): void {
  const copy = async (): Promise<void> => {
    const state = await readManagedStateDirect();
    const stored = JSON.stringify(state) === JSON.stringify(EMPTY_MANAGED) ? null : state;
    if (JSON.stringify(stored) !== JSON.stringify(await organizationPolicyItem.getValue())) await organizationPolicyItem.setValue(stored);
  };
  const failed = (error: unknown): void => console.warn('Intacct Setup Helper: could not read the organization policy', error);
  // At start the policy is read afresh.
  parsedInBackground = null;
  copy().catch(failed);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    parsedInBackground = null;
    copy().catch(failed);
  });
}

/** The organization's settings, as the background stored them. */
export async function readManagedState(): Promise<ManagedState> {
  try {
    return storedManagedState(await organizationPolicyItem.getValue());
  } catch {
    return EMPTY_MANAGED;
  }
}

/** Calls `onChange` with the new settings when the stored ones change. Returns the unsubscribe function. */
export function watchManagedState(onChange: (state: ManagedState) => void): () => void {
  return organizationPolicyItem.watch((value) => onChange(storedManagedState(value)));
}
