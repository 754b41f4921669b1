import { isControl, readControl, ariaName } from './form-field';

// The company Subscriptions page (Company › Admin › Subscriptions, Applications tab): one toggle per
// application (reference §3.2). The toggle is read by the application name an admin sees, never by id.

export interface CompanySubscription {
  /** The application's name as the page shows it, e.g. "Time & Expenses" or, on newer screens, "Expenses". */
  application: string;
  subscribed: boolean;
  control: Element;
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function labelOf(doc: Document, control: Element): string {
  const aria = squash(ariaName(doc, control));
  if (aria) return aria;
  const id = control.getAttribute('id');
  if (id) {
    for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
      if (label.getAttribute('for') === id && squash(label.textContent)) return squash(label.textContent);
    }
  }
  const wrapping = control.closest('label');
  if (wrapping && squash(wrapping.textContent)) return squash(wrapping.textContent);
  // A toggle followed by the application's name, as on the Applications tab's cards.
  const next = control.nextElementSibling;
  if (next && !isControl(next) && squash(next.textContent)) return squash(next.textContent);
  // An older table layout: the application's name in the row's first cell.
  const row = control.closest('tr');
  const first = row?.querySelector('td, th');
  if (first && !first.contains(control)) return squash(first.textContent);
  return '';
}

/** Every application toggle on the page, in page order. Never throws. */
export function readCompanySubscriptions(doc: Document): CompanySubscription[] {
  try {
    const out: CompanySubscription[] = [];
    for (const control of Array.from(doc.querySelectorAll('[role="switch"], input[type="checkbox"], [role="checkbox"]'))) {
      if (!isControl(control)) continue;
      const application = labelOf(doc, control);
      if (!application) continue;
      out.push({ application, subscribed: readControl(control).checked === true, control });
    }
    return out;
  } catch (error) {
    console.warn('[intacct-setup-helper] could not read the subscriptions', error);
    return [];
  }
}
