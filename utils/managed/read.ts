import { browser } from 'wxt/browser';
import { EMPTY_MANAGED, parseManagedConfig, type ManagedState } from './config';

/**
 * The organization's settings, parsed. Without a policy Chrome answers {} and Firefox throws ("Managed
 * storage manifest not found"): both mean "nothing set", never an error for the user.
 */
export async function readManagedState(): Promise<ManagedState> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    return EMPTY_MANAGED;
  }
  return parseManagedConfig(raw);
}

/**
 * Calls `onChange` with the new settings when the policy changes while the extension runs (Chrome and
 * Edge; Firefox reads its policies once per start). Returns the unsubscribe function.
 */
export function watchManagedState(onChange: (state: ManagedState) => void): () => void {
  const listener = (_changes: unknown, area: string): void => {
    if (area === 'managed') void readManagedState().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
