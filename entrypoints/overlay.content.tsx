import { createShadowRootUi, defineContentScript, type ContentScriptContext } from '#imports';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { OverlayRoot } from '@/components/overlay/OverlayRoot';
import { watchOverlayStores } from '@/components/overlay/useOverlayStores';
import { readCompanyId } from '@/utils/checklist/company-id';
import { UNKNOWN_COMPANY } from '@/utils/checklist/progress';
import { INTACCT_HOSTS } from '@/utils/hosts';
import type { PageKind } from '@/utils/pages/kinds';
import { detectTaughtPage } from '@/utils/pages/taught';
import { companyIdItem } from '@/utils/storage/items';
import { effectiveTaughtRulesItem, parseTaughtRules, type TaughtRules } from '@/utils/storage/taught-rules';

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

// The page settles after a burst of changes; look at it again once it has.
const REDETECT_DELAY_MS = 250;

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

/**
 * Mounts the overlay while the frame shows a setup page: what it shows from storage is the overlay's own
 * business (components/overlay/useOverlayStores.ts); here only the page is watched, for its kind and for a
 * re-render that removed the panel.
 */
async function runOverlay(ctx: ContentScriptContext): Promise<void> {
  let taught: TaughtRules = parseTaughtRules(await effectiveTaughtRulesItem.getValue());
  let kind: PageKind | null = detectTaughtPage(document, location.href, taught.pages);
  const stores = await watchOverlayStores();
  // A newer injection may have replaced this one while it read storage (WXT invalidates the older).
  if (ctx.isInvalid) return stores.stop();
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

  function render(): void {
    if (!root || !kind) return;
    root.render(
      <OverlayRoot
        doc={document}
        kind={kind}
        domVersion={domVersion}
        companyId={companyId}
        taught={taught}
        stores={stores}
        send={(message) => browser.runtime.sendMessage(message)}
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

  if (ctx.isInvalid) return stores.stop();
  if (kind) ui.mount();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(sync, REDETECT_DELAY_MS);
  });
  observer.observe(document, { childList: true, subtree: true });
  const unwatchTaught = effectiveTaughtRulesItem.watch((value) => {
    taught = parseTaughtRules(value);
    sync();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
    unwatchTaught();
    stores.stop();
    ui.remove();
  });
}
