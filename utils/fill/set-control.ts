/**
 * Writing to a control of Intacct's page the way a person's typing would reach it. Shared by Fill and
 * Apply, the only places the extension writes to a page, and only on the admin's click.
 */

/** Sets a value through the prototype's setter, so frameworks that track the property see the change. */
export function setProperty(el: Element, property: 'value' | 'checked', value: string | boolean): void {
  let proto: object | null = Object.getPrototypeOf(el);
  while (proto) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, property);
    if (descriptor?.set) {
      descriptor.set.call(el, value);
      return;
    }
    proto = Object.getPrototypeOf(proto);
  }
  Reflect.set(el, property, value);
}

export function announce(el: Element): void {
  // A property write alone is invisible to page scripts: classic onchange handlers and the current UI's
  // components (docs/intacct.md#page-markup) learn of a value through these events, and delegated
  // listeners need them to bubble.
  const view = el.ownerDocument.defaultView;
  const EventCtor = view?.Event ?? Event;
  el.dispatchEvent(new EventCtor('input', { bubbles: true }));
  el.dispatchEvent(new EventCtor('change', { bubbles: true }));
}
