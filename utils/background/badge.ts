import { browser } from 'wxt/browser';
import type { ConnectionState } from '@/utils/intacct/connection-state';

export interface Badge {
  text: string;
  color: string;
}

/** ✓ on green when the last tested company and integration connect, ! on red when they fail, nothing before a test. */
export function badgeFor(state: ConnectionState | null): Badge {
  if (!state) return { text: '', color: '#5d6f7c' };
  return state.status === 'connected' ? { text: '✓', color: '#0f7b5f' } : { text: '!', color: '#c62828' };
}

/** Chrome MV3 has `action`, Firefox MV2 `browserAction`; the polyfill exposes whichever exists. */
export async function showBadge(state: ConnectionState | null): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  const { text, color } = badgeFor(state);
  try {
    await action.setBadgeText({ text });
    await action.setBadgeBackgroundColor({ color });
  } catch (error) {
    console.warn('Intacct Setup Helper: could not update the toolbar badge', error);
  }
}
