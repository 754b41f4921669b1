import { createShadowRootUi, defineContentScript, type ContentScriptContext } from '#imports';
import { createRoot, type Root } from 'react-dom/client';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { Overlay } from '@/components/overlay/Overlay';
import { detectPage } from '@/utils/pages/detect';
import type { PageKind } from '@/utils/pages/kinds';
import { buildPageGuide } from '@/utils/guide/page-guide';
import { parseSelection, type IntegrationSelection } from '@/utils/storage/selection';
import { selectionItem } from '@/utils/storage/items';
import { INTACCT_MATCHES } from '@/utils/hosts';

// Not in the manifest: the background injects this into the one frame the detector recognized.
export default defineContentScript({
  registration: 'runtime',
  matches: INTACCT_MATCHES,
  cssInjectionMode: 'manual',
  async main(ctx) {
    await runOverlay(ctx);
  },
});

const REDETECT_DELAY_MS = 250;

async function runOverlay(ctx: ContentScriptContext): Promise<void> {
  let kind: PageKind | null = detectPage(document, location.href);
  let selection: IntegrationSelection = parseSelection(await selectionItem.getValue());
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
    root.render(<Overlay key={kind} guide={buildPageGuide(selection, kind)} />);
  }

  function sync(): void {
    const next = detectPage(document, location.href);
    if (next === kind && (next === null || root)) return;
    kind = next;
    if (!kind) ui.remove();
    else if (!root) ui.mount();
    else render();
  }

  if (kind) ui.mount();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(sync, REDETECT_DELAY_MS);
  });
  observer.observe(document, { childList: true, subtree: true });
  const unwatch = selectionItem.watch((value) => {
    selection = parseSelection(value);
    render();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
    unwatch();
    ui.remove();
  });
}
