/**
 * Whether the admin put keyboard focus where it is in the panel (issue 23, focus theft). A page script can
 * move focus into our panel at any moment (`element.focus()` on anything in the open shadow root), and the
 * browser reports the focus events that follow as trusted; the admin's next Enter then lands on our
 * control. So focus in the panel counts as the admin's only when the browser moved it on the admin's own
 * input, as seen from the extension's isolated world:
 *
 * - a pointer: a trusted pointerdown on the element (or inside it) just before it took focus;
 * - a Tab: the trusted Tab keydown finished dispatching without being cancelled (a page that moves focus
 *   from its keydown handler, or cancels the Tab and moves focus itself, is caught here), focus came from
 *   where the Tab was pressed (the page, or an element of the panel the admin had put focus on), and the
 *   same Tab's keyup then reached the newly focused element (a later, programmatic move gets none);
 * - our own code moving focus after an action the admin took (the preview's heading, the result box).
 *
 * Anything else — a focus() from the page, focus that arrived while the extension could not see why —
 * leaves nothing "admin-focused", and the sealed buttons refuse keyboard presses until the admin Tabs or
 * clicks. Every listener is in the isolated world; a page that stops these events early only makes the
 * panel refuse more, never accept more.
 */

/** Where focus is tracked: the overlay's open shadow root (a document in unit tests). */
export type FocusScope = ShadowRoot | Document;

interface PendingTab {
  event: KeyboardEvent;
  /** The element the Tab was pressed on, as the window saw it (retargeted to the document's scope). */
  from: EventTarget | null;
}

export class FocusProvenance {
  private adminFocus: Element | null = null;
  private awaitingTabUp: Element | null = null;
  private pointerTarget: Element | null = null;
  private lastTab: PendingTab | null = null;
  private ours: Element | null = null;

  constructor(private readonly scope: FocusScope) {
    const win = documentOf(scope).defaultView;
    win?.addEventListener('keydown', this.onWindowKeyDown, true);
    win?.addEventListener('pointerdown', this.onWindowPointerDown, true);
    scope.addEventListener('pointerdown', this.onPointerDown, true);
    scope.addEventListener('focusin', this.onFocusIn, true);
    scope.addEventListener('focusout', this.onFocusOut, true);
    scope.addEventListener('keyup', this.onKeyUp, true);
  }

  /** Whether `element` (an element of the scope: a sealed button's host) holds focus the admin put there. */
  isAdminFocused(element: Element): boolean {
    return this.adminFocus === element;
  }

  /** Our own code moves focus after the admin's action: that focus is the admin's. */
  focusOurs(element: HTMLElement | null): void {
    if (!element) return;
    this.ours = element;
    element.focus();
    this.ours = null;
  }

  private readonly onWindowKeyDown = (event: Event): void => {
    if (!event.isTrusted || !(event instanceof KeyboardEvent)) return;
    this.pointerTarget = null;
    this.lastTab = event.key === 'Tab' ? { event, from: event.composedPath()[0] ?? null } : null;
  };

  private readonly onWindowPointerDown = (event: Event): void => {
    if (!event.isTrusted) return;
    this.lastTab = null;
    this.pointerTarget = null;
  };

  private readonly onPointerDown = (event: Event): void => {
    if (!event.isTrusted) return;
    // The target as this scope sees it: an element of the panel, or a sealed button's host.
    this.pointerTarget = event.target instanceof Element ? event.target : null;
  };

  private readonly onFocusIn = (event: Event): void => {
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    const target = event.target;
    const from = (event as FocusEvent).relatedTarget;
    const pointer = this.pointerTarget;
    const tab = this.lastTab;
    this.pointerTarget = null;
    this.lastTab = null;
    this.awaitingTabUp = null;
    if (this.ours === target) {
      this.adminFocus = target;
      return;
    }
    if (pointer && (pointer === target || target.contains(pointer))) {
      this.adminFocus = target;
      return;
    }
    const previous = this.adminFocus;
    this.adminFocus = null;
    if (tab && this.tabMovedFocus(tab, from, previous)) this.awaitingTabUp = target;
  };

  /** The Tab's own default action moved focus: its dispatch is over, not cancelled, and focus left where it was pressed. */
  private tabMovedFocus(tab: PendingTab, from: EventTarget | null, previous: Element | null): boolean {
    if (tab.event.eventPhase !== Event.NONE || tab.event.defaultPrevented) return false;
    const doc = documentOf(this.scope);
    const pressedOn = tab.from === doc.body || tab.from === doc.documentElement ? null : tab.from;
    if (pressedOn !== from) return false;
    // From inside the panel only where the admin had put focus; from Intacct's page (or nowhere) always.
    return !(from instanceof Node) || !this.inScope(from) || from === previous;
  }

  private readonly onFocusOut = (event: Event): void => {
    if (!event.isTrusted) return;
    const to = (event as FocusEvent).relatedTarget;
    if (!(to instanceof Node) || !this.inScope(to)) {
      this.adminFocus = null;
      this.awaitingTabUp = null;
    }
  };

  private readonly onKeyUp = (event: Event): void => {
    if (!event.isTrusted || !(event instanceof KeyboardEvent) || event.key !== 'Tab') return;
    if (this.awaitingTabUp && event.target === this.awaitingTabUp) this.adminFocus = this.awaitingTabUp;
    this.awaitingTabUp = null;
  };

  private inScope(node: Node): boolean {
    return node.getRootNode() === this.scope;
  }
}

function documentOf(scope: FocusScope): Document {
  return scope.nodeType === Node.DOCUMENT_NODE ? (scope as Document) : (scope as ShadowRoot).ownerDocument;
}

const trackers = new WeakMap<FocusScope, FocusProvenance>();

/** The one tracker of a scope, made on first use (the overlay's open shadow root lives as long as the panel). */
export function focusProvenanceOf(scope: FocusScope): FocusProvenance {
  let tracker = trackers.get(scope);
  if (!tracker) trackers.set(scope, (tracker = new FocusProvenance(scope)));
  return tracker;
}

/** The scope an element of the panel belongs to. */
export function focusScopeOf(element: Node): FocusScope {
  const root = element.getRootNode();
  return root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot) : (element.ownerDocument ?? (root as Document));
}
