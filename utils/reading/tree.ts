/**
 * The page as a person sees it is more than `document`: a component may draw its fields inside an open
 * shadow root (docs/intacct.md, "Pages": the current UI is component-based). Reading walks the document
 * and every open shadow root in it, and never our own panel (its host, `ish-overlay-host`, holds the
 * guide's text, which names the very fields it looks for).
 */

/** The tag of the overlay's host element (entrypoints/overlay.content.tsx). */
export const OWN_HOST_TAG = 'ish-overlay-host';

export type ContentRoot = Document | ShadowRoot;

/** Whether `el` is our panel or inside it. */
export function isOwnUi(el: Element): boolean {
  for (let node: Node | null = el; node; ) {
    if (node.nodeType === 1 && (node as Element).localName === OWN_HOST_TAG) return true;
    const parent: Node | null = node.parentNode;
    node = parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
  }
  return false;
}

/** The element above `el` in the composed tree: its parent, or the host of the shadow root it is in. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && root.nodeType === 11 ? ((root as ShadowRoot).host ?? null) : null;
}

/**
 * The document and every open shadow root in it (ours excluded), outermost first. Finding them visits every
 * element once, so a reader that queries many times asks once and passes the list on.
 */
export function contentRoots(doc: Document): ContentRoot[] {
  const roots: ContentRoot[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    const all = (roots[i] as ContentRoot).querySelectorAll('*');
    for (let j = 0; j < all.length; j++) {
      const el = all[j] as Element;
      const shadow = el.shadowRoot;
      if (shadow && el.localName !== OWN_HOST_TAG) roots.push(shadow);
    }
  }
  return roots;
}

/** `querySelectorAll` over the document and its open shadow roots, in that order, our panel left out. */
export function queryAllDeep(where: Document | readonly ContentRoot[], selector: string): Element[] {
  const out: Element[] = [];
  for (const root of Array.isArray(where) ? where : contentRoots(where as Document)) {
    const found = root.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) {
      const el = found[i] as Element;
      if (el.localName === OWN_HOST_TAG) continue;
      out.push(el);
    }
  }
  return out;
}

/** The first match in the document or an open shadow root, or null. */
export function queryDeep(where: Document | readonly ContentRoot[], selector: string): Element | null {
  for (const root of Array.isArray(where) ? where : contentRoots(where as Document)) {
    const found = root.querySelector(selector);
    if (found && !isOwnUi(found)) return found;
  }
  return null;
}

/** The element with this id in the same tree as `from` (a shadow root has ids of its own). */
export function byIdNear(from: Element, id: string): Element | null {
  if (!id) return null;
  const root = from.getRootNode() as Document | ShadowRoot;
  try {
    return typeof root.getElementById === 'function' ? root.getElementById(id) : from.ownerDocument.getElementById(id);
  } catch {
    return null;
  }
}
