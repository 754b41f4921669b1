import { SEALED_MAX_WIDTH_PX } from './sealed-style';

/**
 * "Is the admin looking at our button, as we drew it, where the press landed?" (issue 23, clickjacking). A
 * page script can put CSS into the overlay's open shadow root: make the panel transparent, stretch or
 * scale a button over the page, blend it away. None of the overlay's own CSS sets opacity, filters,
 * transforms, clipping, masks or blending on the way from a sealed button up to the document, so any of
 * them there is the page's doing, and the press is refused. Each function answers why not (a short code
 * for a test to read, nothing of the page in it), or null.
 */

/** A sealed button's parts: the host in the panel, its closed root, the button inside. */
export interface SealedParts {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
}

export type Refusal =
  | 'detached'
  | 'style'
  | 'size'
  | 'viewport'
  | 'hit'
  | 'covered'
  | 'stacking'
  | 'no-press'
  | 'focus';

export interface Point {
  x: number;
  y: number;
}

/** The button, its host, and every element above them through both shadow roots to the document element. */
export function composedAncestors(start: Element): Element[] {
  const out: Element[] = [];
  for (let node: Node | null = start; node; ) {
    if (node instanceof Element) out.push(node);
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return out;
}

// A tolerance for rounding: computed opacity of 1 is "1", but a page could try 0.999.
const OPAQUE = 0.99;
// CSS zoom scales an element and its content like a transform; the overlay never sets it.
const ZOOM_MIN = 0.5;
const ZOOM_MAX = 2;
// One line of 13 px text with its padding and border is about 29 px high: anything much taller was stretched.
const MAX_HEIGHT_PX = 64;
const MIN_SIDE_PX = 4;

function styleOf(el: Element): CSSStyleDeclaration {
  return (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
}

/** A property the overlay never sets, at its initial value (a browser that does not know it reads ''). */
function unset(value: string, initial: string): boolean {
  return value === '' || value === initial;
}

/** The way from the button to the document is as the overlay drew it: opaque, visible, not filtered, transformed, clipped, masked or blended. */
export function styleRefusal(parts: SealedParts): Refusal | null {
  if (styleOf(parts.button).visibility !== 'visible') return 'style';
  for (const el of composedAncestors(parts.button)) {
    const s = styleOf(el);
    if (Number.parseFloat(s.opacity) < OPAQUE) return 'style';
    const zoom = Number.parseFloat(s.getPropertyValue('zoom'));
    if (Number.isFinite(zoom) && (zoom < ZOOM_MIN || zoom > ZOOM_MAX)) return 'style';
    const untouched =
      unset(s.filter, 'none') &&
      unset(s.getPropertyValue('backdrop-filter'), 'none') &&
      unset(s.transform, 'none') &&
      unset(s.getPropertyValue('scale'), 'none') &&
      unset(s.getPropertyValue('rotate'), 'none') &&
      unset(s.getPropertyValue('clip-path'), 'none') &&
      unset(s.getPropertyValue('mask-image'), 'none') &&
      unset(s.getPropertyValue('-webkit-mask-image'), 'none') &&
      unset(s.getPropertyValue('mix-blend-mode'), 'normal');
    if (!untouched) return 'style';
  }
  return null;
}

/** The button is wholly inside the viewport and the size one line of its label makes. */
export function rectRefusal(parts: SealedParts): Refusal | null {
  const r = parts.button.getBoundingClientRect();
  if (r.width < MIN_SIDE_PX || r.height < MIN_SIDE_PX || r.width > SEALED_MAX_WIDTH_PX + 2 || r.height > MAX_HEIGHT_PX) return 'size';
  const view = parts.button.ownerDocument.defaultView ?? window;
  if (r.left < -1 || r.top < -1 || r.right > view.innerWidth + 1 || r.bottom > view.innerHeight + 1) return 'viewport';
  return null;
}

/** The centre of the button: where a key press is taken to aim. */
export function centreOf(button: Element): Point {
  const r = button.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/**
 * Hit-testing at the press, one tree at a time: the document finds the overlay's host, the overlay's open
 * root finds this sealed host, and the closed root finds the button. Anything of the page's or anything
 * put into the open root in between, where the press landed, fails one of the three.
 */
export function hitRefusal(parts: SealedParts, at: Point): Refusal | null {
  const open = parts.host.getRootNode();
  if (!(open instanceof ShadowRoot)) return 'detached';
  const doc = parts.host.ownerDocument;
  if (open.host.getRootNode() !== doc) return 'detached';
  const r = parts.button.getBoundingClientRect();
  if (at.x < r.left || at.x > r.right || at.y < r.top || at.y > r.bottom) return 'hit';
  if (doc.elementFromPoint(at.x, at.y) !== open.host) return 'hit';
  if (open.elementFromPoint(at.x, at.y) !== parts.host) return 'hit';
  const inner = parts.root.elementFromPoint(at.x, at.y);
  if (!inner || !(inner === parts.button || parts.button.contains(inner))) return 'hit';
  return null;
}

/** Every check of the button's own drawing at the press; visibility against other content is visibility.ts. */
export function layoutRefusal(parts: SealedParts, at: Point): Refusal | null {
  if (!parts.host.isConnected) return 'detached';
  return styleRefusal(parts) ?? rectRefusal(parts) ?? hitRefusal(parts, at);
}
