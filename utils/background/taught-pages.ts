import { browser } from 'wxt/browser';
import { INTACCT_HOSTS, INTACCT_SHELL, isApplicationPagePath } from '@/utils/hosts';
import { managedTaughtRules } from '@/utils/managed/config';
import { readManagedState, watchManagedState } from '@/utils/managed/read';
import type { TaughtPage } from '@/utils/pages/taught';
import {
  effectiveTaughtRulesItem,
  mergeTaughtRules,
  organizationTaughtRules,
  parseTaughtRules,
  taughtRulesItem,
  type TaughtRules,
} from '@/utils/storage/taught-rules';

/*
 * Taught pages without a cost on every page (issue #10): the all-frames detector never reads the taught
 * rules; the background registers the taught detector for the taught paths only, on any Intacct host, and
 * keeps the rules in force (the admin's and the organization's, validated) in one storage key that the
 * light readers use.
 */

const SCRIPT_ID = 'ish-taught-pages';
// Characters a match pattern's path may hold as they are; a taught path with anything else is not registered.
const PLAIN_PATH = /^\/[A-Za-z0-9._~\-/]*$/;

/** Match patterns for the taught pages' paths, on any Intacct host: application pages only, the frameset shell never. */
export function taughtMatchPatterns(pages: readonly TaughtPage[]): string[] {
  const patterns = new Set<string>();
  for (const page of pages) {
    if (!PLAIN_PATH.test(page.path) || !isApplicationPagePath(page.path)) continue;
    // The extension's own host pattern with the taught path in place of its `/*`.
    patterns.add((INTACCT_HOSTS[0] ?? 'https://*.intacct.com/*').replace(/\/\*$/, `${page.path}*`));
  }
  return [...patterns].sort();
}

/** The rules in force: the admin's, with the organization's over them where both teach the same thing. */
export function effectiveTaughtRules(local: TaughtRules, organization: TaughtRules): TaughtRules {
  return mergeTaughtRules(local, organization);
}

let registered = '';

async function register(pages: readonly TaughtPage[]): Promise<void> {
  const patterns = taughtMatchPatterns(pages);
  const key = patterns.join(' ');
  if (key === registered) return;
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  registered = '';
  if (!patterns.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: patterns,
      excludeMatches: INTACCT_SHELL,
      allFrames: true,
      runAt: 'document_idle',
      js: ['taught-detector.js'],
      // Registered again at every start of the background, from storage: nothing to persist.
      persistAcrossSessions: false,
    },
  ]);
  registered = key;
}

/** Background: keeps the rules in force and the taught detector's registration up to date. */
export function keepTaughtPagesInForce(): void {
  let queue: Promise<void> = Promise.resolve();
  const sync = (): void => {
    queue = queue
      .then(async () => {
        const local = parseTaughtRules(await taughtRulesItem.getValue());
        const organization = organizationTaughtRules(managedTaughtRules((await readManagedState()).config)).rules;
        const effective = effectiveTaughtRules(local, organization);
        if (JSON.stringify(effective) !== JSON.stringify(await effectiveTaughtRulesItem.getValue())) await effectiveTaughtRulesItem.setValue(effective);
        await register(effective.pages);
      })
      .catch((error: unknown) => console.warn('Intacct Setup Helper: could not put the taught pages in force', error));
  };
  sync();
  taughtRulesItem.watch(sync);
  watchManagedState(sync);
}
