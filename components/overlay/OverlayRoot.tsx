import { useMemo } from 'react';
import { UNKNOWN_COMPANY, checklistItems, nextStep, progressOf } from '@/utils/checklist/progress';
import { optionValues, resolveProfile } from '@/utils/guide/page-guide';
import type { ExportAudit } from '@/utils/messages/export-audit';
import { ask, type ExportReply, type ShowComparison, type ShowComparisonReply } from '@/utils/messages/protocol';
import type { PageKind } from '@/utils/pages/kinds';
import { profileName } from '@/utils/profiles/registry';
import { parseTaughtRules, taughtFieldsFor, taughtRulesItem, withTaughtField, type TaughtRules } from '@/utils/storage/taught-rules';
import { OverlayApp } from './OverlayApp';
import { useChecklistRecorder, useOverlayStores, type OverlayStoreSource, type OverlayStores } from './useOverlayStores';

export interface OverlayRootProps {
  doc: Document;
  kind: PageKind;
  /** Bumped by the entry when the page's DOM changed. */
  domVersion: number;
  companyId: string;
  taught: TaughtRules;
  stores: OverlayStoreSource;
  /** browser.runtime.sendMessage in the product. */
  send: (message: unknown) => Promise<unknown>;
}

const NO_ANSWER = 'The extension did not answer: reload the page and try again.';

/** "Next: step 3, Subscriptions — on this page." — the checklist's next step, said where the admin is. */
function nextLine(stores: OverlayStores, companyId: string, kind: PageKind): string {
  const profile = resolveProfile(stores.selection, stores.imported);
  const items = checklistItems(profile, optionValues(profile, stores.selection), progressOf(stores.checklist, companyId, profile.id));
  const item = nextStep(items);
  if (!item) return `All ${items.length} steps of the ${profileName(profile)} checklist are done.`;
  return item.step.pageKinds.includes(kind)
    ? `Next: step ${item.number}, ${item.step.title} — on this page.`
    : `Next: step ${item.number}, ${item.step.title} — ${item.step.menuPath.older}.`;
}

/** The overlay with what it shows from storage, current, and its messages to the background. */
export function OverlayRoot({ doc, kind, domVersion, companyId, taught, stores: source, send }: OverlayRootProps) {
  const stores = useOverlayStores(source);
  const onFindings = useChecklistRecorder(stores, companyId, kind);
  // One array per rules value and page kind, so the overlay keeps its live audit across re-renders.
  const taughtFields = useMemo(() => taughtFieldsFor(taught, kind), [taught, kind]);
  return (
    <OverlayApp
      key={kind}
      doc={doc}
      kind={kind}
      selection={stores.selection}
      imported={stores.imported}
      domVersion={domVersion}
      next={nextLine(stores, companyId, kind)}
      onFindings={onFindings}
      taughtFields={taughtFields}
      onTeachField={(field) => {
        void taughtRulesItem
          .getValue()
          .then((value) => taughtRulesItem.setValue(withTaughtField(parseTaughtRules(value), { ...field, taughtAt: Date.now() })))
          .catch((error: unknown) => console.warn('Intacct Setup Helper: could not remember the field', error));
      }}
      companyId={companyId === UNKNOWN_COMPANY ? '' : companyId}
      history={stores.history}
      reviewer={stores.reviewer}
      onExport={async (message: ExportAudit): Promise<ExportReply> => (await ask('ish/export-audit', message, send)) ?? { ok: false, message: NO_ANSWER }}
      onCompare={async (message: ShowComparison): Promise<ShowComparisonReply> =>
        (await ask('ish/show-comparison', message, send)) ?? { ok: false, message: NO_ANSWER }
      }
    />
  );
}
