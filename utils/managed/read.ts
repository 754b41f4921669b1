import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { EMPTY_MANAGED, parseManagedConfig, type ManagedState } from './config';

/*
 * Only the background reads storage.managed. Chromium answers the first storage.managed call of a browser
 * session after about 2.5 s (measured on Chromium 156 here; later calls take a millisecond), which would
 * hold the guide back on the first Intacct page. So the background copies the organization's policy, as
 * given, into local storage at start and whenever it changes, and the overlay and the popup read the copy
 * (parsed again on every read: it is storage, a boundary like any other).
 */

/** The organization's policy as storage.managed holds it; null when there is none. */
export const organizationPolicyItem = storage.defineItem<unknown>('local:organizationPolicy', { fallback: null });

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

/** Background: the policy straight from storage.managed, parsed (what enforcement goes by). */
export async function readManagedStateDirect(): Promise<ManagedState> {
  return parseManagedConfig(await readManagedPolicy());
}

/** Background: copies the policy now and after every change (Chrome and Edge; Firefox reads it once per start). */
export function keepOrganizationPolicyCopy(): void {
  const copy = async (): Promise<void> => {
    const raw = await readManagedPolicy();
    if (JSON.stringify(raw) !== JSON.stringify(await organizationPolicyItem.getValue())) await organizationPolicyItem.setValue(raw);
  };
  const failed = (error: unknown): void => console.warn('Intacct Setup Helper: could not read the organization policy', error);
  copy().catch(failed);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') copy().catch(failed);
  });
}

/** The organization's settings, from the background's copy. */
export async function readManagedState(): Promise<ManagedState> {
  try {
    return parseManagedConfig(await organizationPolicyItem.getValue());
  } catch {
    return EMPTY_MANAGED;
  }
}

/** Calls `onChange` with the new settings when the copy changes. Returns the unsubscribe function. */
export function watchManagedState(onChange: (state: ManagedState) => void): () => void {
  return organizationPolicyItem.watch((value) => onChange(parseManagedConfig(value)));
}
