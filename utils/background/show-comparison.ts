import { browser, type Browser } from 'wxt/browser';
import { isIntacctUrl } from '@/utils/hosts';
import { companyOf } from './export-audit';
import { parseMessage, type ShowComparisonReply } from '@/utils/messages/protocol';
import { type PageComparison } from '@/utils/export/page-comparison';

// The background's side of "Compare with last audit" on a page (page-comparison.ts says why it goes to the popup).

export interface ShowComparisonDeps {
  now?: () => number;
  /** Keeps the comparison for the popup (session storage in the product). */
  keep: (comparison: PageComparison) => Promise<void>;
}

/**
 * The background's answer to a comparison asked for on a page, or undefined (synchronously) when the
 * message is not one or does not come from our overlay on an Intacct page.
 */
export function handleShowComparison(raw: unknown, sender: Browser.runtime.MessageSender, deps: ShowComparisonDeps): Promise<ShowComparisonReply> | undefined {
  const request = parseMessage('ish/show-comparison', raw);
  if (!request || request.view === 'api') return undefined;
  if (sender.id !== browser.runtime.id || !sender.tab || !isIntacctUrl(sender.url)) return undefined;
  return companyOf(request, sender, 'page')
    .then(async (company): Promise<ShowComparisonReply> => {
      await deps.keep({ request: { ...request, company }, at: (deps.now ?? Date.now)() });
      return { ok: true };
    })
    .catch((): ShowComparisonReply => ({ ok: false, message: 'The comparison could not be kept for the popup: reload the page and try again.' }));
}

