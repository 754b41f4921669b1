import { composedAncestors, type Refusal, type SealedParts } from './layout-checks';

/**
 * Whether anything is drawn over a sealed button (issue 23, a covering element). Hit-testing cannot tell:
 * an element with `pointer-events: none` lets the press through to our button while showing the admin
 * something else. Where the browser has IntersectionObserver v2 (Chromium), the browser itself says
 * whether the button is visible — unoccluded, unfaded, untransformed — twice: an observer kept while the
 * button is shown must not have last seen it covered when the press began (a page cannot uncover it at
 * the last moment), and a fresh observation right after the press must see it visible (Chromium computes
 * a kept observer's visibility at most every 100 ms, so a cover put up just before the press is seen only
 * by the fresh one). Elsewhere (Firefox) no element other than ours and our ancestors may be drawn above
 * the button where it lies, when the press begins and when it ends.
 */

export interface VisibilityWatch {
  /** At the press (an event's timeStamp): why the button was not plainly visible, or null. */
  refusal(pressedAt: number): Refusal | null;
  /** Right after the press: why it is not plainly visible now, or null. */
  confirm(): Promise<Refusal | null>;
  disconnect(): void;
}

/** Elements of our own drawn over the panel's area (the ring around a field): never a cover. */
const OWN_OVERLAYS = new WeakSet<Element>();

export function markOwnOverlay(el: Element | null): void {
  if (el) OWN_OVERLAYS.add(el);
}

/** Closed roots of our own sealed buttons, which the walk below leaves out. */
export interface RootSet {
  has(root: ShadowRoot): boolean;
}

type EntryV2 = IntersectionObserverEntry & { isVisible?: boolean };

/** Chromium reports `isVisible` on entries of an observer with `trackVisibility`. */
export function hasVisibilityTracking(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

// The smallest delay the API allows with trackVisibility.
const TRACKING = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;
// A fresh observation answers at the next rendering update; a tab that renders nothing for this long
// (hidden, frozen) is not one the admin is clicking in.
const FRESH_TIMEOUT_MS = 10_000;

/** One observation of `button` now: whether the browser sees it visible. */
function observeOnce(button: Element): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(false);
    }, FRESH_TIMEOUT_MS);
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1] as EntryV2 | undefined;
      if (!entry) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve(entry.isIntersecting && entry.isVisible === true);
    }, TRACKING);
    observer.observe(button);
  });
}

/** IntersectionObserver v2, kept and fresh (see the module comment). */
function trackedVisibility(button: Element): VisibilityWatch {
  // Covered: the kept observer's last word was "there, but not visible". Scrolled out of the panel's
  // view is not covered: the fresh observation decides then.
  let covered = false;
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries as EntryV2[]) covered = entry.isIntersecting && entry.isVisible !== true;
  }, TRACKING);
  observer.observe(button);
  return {
    refusal: () => (covered ? 'covered' : null),
    confirm: async () => ((await observeOnce(button)) ? null : 'covered'),
    disconnect: () => observer.disconnect(),
  };
}

// ---- without IntersectionObserver v2 ----------------------------------------------------------------------

type WithClosedRoot = Element & { openOrClosedShadowRoot?: ShadowRoot | null };

function styleOf(el: Element): CSSStyleDeclaration {
  return (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
}

/** z-index of a stacking context `el` opens with one (positioned, or a flex or grid item), else null. */
function ownZ(el: Element): number | null {
  const s = styleOf(el);
  if (s.zIndex === 'auto') return null;
  const z = Number.parseInt(s.zIndex, 10);
  if (!Number.isFinite(z)) return null;
  const positioned = s.position !== 'static';
  const parent = el.parentElement ? styleOf(el.parentElement).display : '';
  return positioned || /flex|grid/.test(parent) ? z : null;
}

/** The z-index an element paints at among the document's top-level stacking contexts (outermost one wins). */
function rootLevelZ(el: Element): number {
  let z = 0;
  for (const up of composedAncestors(el)) {
    const own = ownZ(up);
    if (own !== null) z = own;
  }
  return z;
}

/** Every element of the document and of the page's shadow roots (ours are walked too, but not our buttons' closed roots). */
function* allElements(doc: Document, skipRoots: RootSet): Generator<Element> {
  const stack: Array<Document | ShadowRoot> = [doc];
  for (let scope = stack.pop(); scope; scope = stack.pop()) {
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      yield el;
      const shadow = el.shadowRoot ?? (el as WithClosedRoot).openOrClosedShadowRoot ?? null;
      if (shadow && !skipRoots.has(shadow)) stack.push(shadow);
    }
  }
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.width > 0 && a.height > 0;
}

function inTopLayer(el: Element): boolean {
  for (const selector of [':modal', ':popover-open', ':fullscreen']) {
    try {
      if (el.matches(selector)) return true;
    } catch {
      // An engine without the selector has no such top layer either.
    }
  }
  return false;
}

/** The element of the document (a host, for one in a shadow root) that holds `el`. */
function inDocument(el: Element): Element {
  let top = el;
  for (let root = top.getRootNode(); root instanceof ShadowRoot; root = top.getRootNode()) top = root.host;
  return top;
}

/** Without IntersectionObserver v2: whether an element other than ours or our ancestors is drawn above the button now. */
export function coverRefusal(parts: SealedParts, sealedRoots: RootSet): Refusal | null {
  const ancestors = composedAncestors(parts.host);
  const open = parts.host.getRootNode();
  if (!(open instanceof ShadowRoot)) return 'detached';
  const overlayHost = open.host;
  // The overlay host must not shut the panel into a stacking context of its own, under the page.
  const hostStyle = styleOf(overlayHost);
  if ((hostStyle.position !== 'static' && hostStyle.zIndex !== 'auto') || hostStyle.isolation === 'isolate' || /paint|strict|content/.test(hostStyle.getPropertyValue('contain'))) {
    return 'stacking';
  }
  const panel = ancestors.find((el) => el.getRootNode() === open && ownZ(el) !== null);
  const ourZ = panel ? rootLevelZ(panel) : 0;
  const rect = parts.button.getBoundingClientRect();
  const mine = new Set<Element>(ancestors);
  for (const el of allElements(parts.host.ownerDocument, sealedRoots)) {
    if (mine.has(el) || OWN_OVERLAYS.has(el) || el === parts.host) continue;
    if (!overlaps(el.getBoundingClientRect(), rect)) continue;
    if (inTopLayer(el)) return 'covered';
    const s = styleOf(el);
    if (s.position === 'static' || s.visibility !== 'visible') continue;
    const z = rootLevelZ(el);
    if (z > ourZ) return 'covered';
    if (z < ourZ) continue;
    // Level with the panel: what comes later in the tree is drawn on top.
    const reference = el.getRootNode() === open && panel ? panel : overlayHost;
    const other = el.getRootNode() === open ? el : inDocument(el);
    if (reference.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) return 'covered';
  }
  return null;
}

/** The watch the browser supports: IntersectionObserver v2 where it exists, the check above elsewhere. */
export function watchVisibility(parts: SealedParts, sealedRoots: RootSet): VisibilityWatch {
  if (hasVisibilityTracking()) return trackedVisibility(parts.button);
  return { refusal: () => coverRefusal(parts, sealedRoots), confirm: async () => coverRefusal(parts, sealedRoots), disconnect: () => {} };
}
