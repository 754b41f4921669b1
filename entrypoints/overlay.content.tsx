import { createShadowRootUi, defineContentScript, storage, type ContentScriptContext } from '#imports';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { OverlayApp } from '@/components/overlay/OverlayApp';
import type { Finding } from '@/utils/audit/finding';
import { readCompanyId } from '@/utils/checklist/company-id';
import {
  UNKNOWN_COMPANY,
  checklistItems,
  nextStep,
  parseChecklistStore,
  progressOf,
  pageProvesItsSteps,
  recordPageFindings,
  type ChecklistStore,
} from '@/utils/checklist/progress';
import { optionValues, resolveProfile } from '@/utils/guide/page-guide';
import { detectTaughtPage } from '@/utils/pages/taught';
import type { PageKind } from '@/utils/pages/kinds';
import { applyManagedSelection, withManagedProfiles } from '@/utils/managed/apply';
import { readManagedState, watchManagedState } from '@/utils/managed/read';
import type { IntegrationSelection } from '@/utils/storage/selection';
import { checklistItem, companyIdItem, selectionItem } from '@/utils/storage/items';
import { customProfilesItem, parseCustomProfiles } from '@/utils/storage/connection';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { profileName } from '@/utils/profiles/registry';
import { INTACCT_HOSTS } from '@/utils/hosts';
import { effectiveTaughtRulesItem, parseTaughtRules, taughtFieldsFor, taughtRulesItem, withTaughtField, type TaughtRules } from '@/utils/storage/taught-rules';
import { ask } from '@/utils/messages/protocol';
import { parseHistory, type AuditHistory } from '@/utils/audit/history';
import { auditHistoryItem, parseReviewer, reviewerItem } from '@/utils/storage/evidence';

const NO_ANSWER = 'The extension did not answer: reload the page and try again.';

// Not in the manifest: the background injects this into the one frame the detector recognized.
export default defineContentScript({
  registration: 'runtime',
  // Injected by the background into a frame the detector recognized; never matched by URL itself.
  matches: INTACCT_HOSTS,
  cssInjectionMode: 'manual',
  // WXT would otherwise announce this script to the page with window.postMessage(…, '*'), naming the
  // event that switches it off (README, known issues).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    reportIfForged(ctx);
    await runOverlay(ctx);
  },
});

/**
 * Which overlay of this frame is the newest. Content scripts of one extension share their isolated world,
 * which page scripts cannot see into, so only a real newer overlay can change it.
 */
const NEWEST = Symbol.for('intacct-setup-helper/newest-overlay');
type WithNewest = typeof globalThis & { [NEWEST]?: string };

/**
 * WXT switches a content script off when the page document receives its "content-script-started" event,
 * which any page script can dispatch too. When that happens to the newest overlay while the extension
 * still runs, no newer one replaced it: the event was forged, so the background is asked to inject the
 * overlay again (it checks the frame is still a setup page, and brings it back a bounded number of times).
 */
function reportIfForged(ctx: ContentScriptContext): void {
  const id = crypto.randomUUID();
  (globalThis as WithNewest)[NEWEST] = id;
  ctx.onInvalidated(() => {
    // A real newer overlay invalidates this one from its constructor, before its main() marks itself newest.
    setTimeout(() => {
      if ((globalThis as WithNewest)[NEWEST] !== id) return;
      try {
        if (!browser.runtime?.id) return;
        void browser.runtime.sendMessage({ type: 'ish/overlay-lost' }).catch(() => {});
      } catch {
        // The extension was reloaded or removed under this page: nothing to ask.
      }
    }, 0);
  });
}

const REDETECT_DELAY_MS = 250;
const CHECKLIST_DELAY_MS = 300;

/**
 * The company is named in the frameset around us (ASSUMED, see readCompanyId); a Permissions window of its
 * own asks the Intacct window that opened it, then falls back to the last company seen.
 */
function companyFromPage(): string | null {
  const opener = (): Window | null => (window.opener as Window | null)?.top ?? null;
  const candidates: Array<() => string | null> = [
    () => readCompanyId(document, location.href),
    () => (window.top ? readCompanyId(window.top.document, window.top.location.href) : null),
    () => {
      const top = opener();
      return top ? readCompanyId(top.document, top.location.href) : null;
    },
  ];
  for (const read of candidates) {
    try {
      const id = read();
      if (id) return id;
    } catch {
      // A cross-origin parent: nothing to read there.
    }
  }
  return null;
}

async function runOverlay(ctx: ContentScriptContext): Promise<void> {
  let taught: TaughtRules = parseTaughtRules(await effectiveTaughtRulesItem.getValue());
  let kind: PageKind | null = detectTaughtPage(document, location.href, taught.pages);
  // The organization's policy over what is stored: a locked integration, the organization's profiles.
  let managed = await readManagedState();
  let storedSelection: unknown = await storage.getItem(selectionItem.key);
  let storedImports: IntegrationProfile[] = parseCustomProfiles(await customProfilesItem.getValue());
  let selection: IntegrationSelection = applyManagedSelection(storedSelection, managed.config);
  let imported: IntegrationProfile[] = withManagedProfiles(storedImports, managed.config);
  let checklist: ChecklistStore = parseChecklistStore(await checklistItem.getValue());
  let history: AuditHistory = parseHistory(await auditHistoryItem.getValue());
  let reviewer = parseReviewer(await reviewerItem.getValue());
  const applyManaged = (): void => {
    selection = applyManagedSelection(storedSelection, managed.config);
    imported = withManagedProfiles(storedImports, managed.config);
    render();
  };
  // A newer injection may have replaced this one while it read storage (WXT invalidates the older).
  if (ctx.isInvalid) return;
  const companyId = companyFromPage() ?? (await companyIdItem.getValue()) ?? UNKNOWN_COMPANY;
  if (companyId !== UNKNOWN_COMPANY) void companyIdItem.setValue(companyId);
  let domVersion = 0;
  let root: Root | undefined;

  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'ish-overlay-host',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: overlayCss,
    onMount(container) {
      root = createRoot(container);
      render();
      return root;
    },
    onRemove(mounted) {
      mounted?.unmount();
      root = undefined;
    },
  });

  let pendingFindings: Finding[] | null = null;
  let checklistTimer: ReturnType<typeof setTimeout> | undefined;
  const saveFindings = (findings: Finding[]): void => {
    pendingFindings = findings;
    clearTimeout(checklistTimer);
    checklistTimer = setTimeout(() => {
      if (!pendingFindings) return;
      const profileId = resolveProfile(selection, imported).id;
      const next = recordPageFindings(
        checklist,
        companyId,
        profileId,
        pendingFindings,
        Date.now(),
        kind !== null && pageProvesItsSteps(kind),
      );
      pendingFindings = null;
      if (next !== checklist) {
        checklist = next;
        void checklistItem.setValue(next);
      }
    }, CHECKLIST_DELAY_MS);
  };

  function nextText(): string | undefined {
    const profile = resolveProfile(selection, imported);
    const items = checklistItems(profile, optionValues(profile, selection), progressOf(checklist, companyId, profile.id));
    const item = nextStep(items);
    if (!item) return `All ${items.length} steps of the ${profileName(profile)} checklist are done.`;
    const here = kind !== null && item.step.pageKinds.includes(kind);
    return here
      ? `Next: step ${item.number}, ${item.step.title} — on this page.`
      : `Next: step ${item.number}, ${item.step.title} — ${item.step.menuPath.older}.`;
  }

  // One array per rules value and page kind, so the overlay keeps its live audit across re-renders.
  let fieldsCache: { rules: TaughtRules; kind: PageKind; fields: ReturnType<typeof taughtFieldsFor> } | undefined;
  function fieldsTaught(forKind: PageKind): ReturnType<typeof taughtFieldsFor> {
    if (fieldsCache?.rules !== taught || fieldsCache.kind !== forKind) {
      fieldsCache = { rules: taught, kind: forKind, fields: taughtFieldsFor(taught, forKind) };
    }
    return fieldsCache.fields;
  }

  function render(): void {
    if (!root || !kind) return;
    root.render(
      <OverlayApp
        key={kind}
        doc={document}
        kind={kind}
        selection={selection}
        imported={imported}
        domVersion={domVersion}
        next={nextText()}
        onFindings={saveFindings}
        taughtFields={fieldsTaught(kind)}
        onTeachField={(field) => {
          void taughtRulesItem
            .getValue()
            .then((value) => taughtRulesItem.setValue(withTaughtField(parseTaughtRules(value), { ...field, taughtAt: Date.now() })))
            .catch((error: unknown) => console.warn('Intacct Setup Helper: could not remember the field', error));
        }}
        companyId={companyId === UNKNOWN_COMPANY ? '' : companyId}
        history={history}
        reviewer={reviewer}
        onExport={async (message) =>
          (await ask('ish/export-audit', message, (m) => browser.runtime.sendMessage(m))) ?? { ok: false, message: NO_ANSWER }
        }
        onCompare={async (message) =>
          (await ask('ish/show-comparison', message, (m) => browser.runtime.sendMessage(m))) ?? { ok: false, message: NO_ANSWER }
        }
      />,
    );
  }

  function sync(): void {
    const next = detectTaughtPage(document, location.href, taught.pages);
    domVersion++;
    // The page re-rendered over our panel (newer Intacct pages replace their body in place): put it back.
    if (next && root && !ui.shadowHost.isConnected) ui.remove();
    if (next === kind && next !== null && root) return render();
    kind = next;
    if (!kind) ui.remove();
    else if (!root) ui.mount();
    else render();
  }

  if (ctx.isInvalid) return;
  if (kind) ui.mount();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(sync, REDETECT_DELAY_MS);
  });
  observer.observe(document, { childList: true, subtree: true });
  const unwatchSelection = selectionItem.watch((value) => {
    storedSelection = value;
    applyManaged();
  });
  const unwatchImported = customProfilesItem.watch((value) => {
    storedImports = parseCustomProfiles(value);
    applyManaged();
  });
  const unwatchManaged = watchManagedState((state) => {
    managed = state;
    applyManaged();
  });
  const unwatchTaught = effectiveTaughtRulesItem.watch((value) => {
    taught = parseTaughtRules(value);
    sync();
  });
  const unwatchChecklist = checklistItem.watch((value) => {
    checklist = parseChecklistStore(value);
    render();
  });
  const unwatchHistory = auditHistoryItem.watch((value) => {
    history = parseHistory(value);
    render();
  });
  const unwatchReviewer = reviewerItem.watch((value) => {
    reviewer = parseReviewer(value);
    render();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(checklistTimer);
    unwatchSelection();
    unwatchChecklist();
    unwatchImported();
    unwatchTaught();
    unwatchHistory();
    unwatchReviewer();
    unwatchManaged();
    ui.remove();
  });
}
