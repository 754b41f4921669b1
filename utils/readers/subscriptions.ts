import { isCheckControl, isControl, isControlChecked, stateFromText } from '@/utils/reading/controls';
import { cellUnder, findTables } from '@/utils/reading/rows';
import { controlNames, nameLookup, type NameLookup } from '@/utils/reading/names';
import { shortText, squash } from '@/utils/reading/text';

// The company Subscriptions page (Company › Admin › Subscriptions, Applications tab): one toggle per
// application (reference §3.2). The toggle is read by the application name an admin sees, never by id.

export interface CompanySubscription {
  /** The application's name as the page shows it, e.g. "Time & Expenses" or, on newer screens, "Expenses". */
  application: string;
  subscribed: boolean;
  control: Element;
}

/** The name as the page writes it (case kept): the toggle's own label, else the text of its card or row. */
function applicationName(control: Element, lookup: NameLookup): string {
  const aria = squash(control.getAttribute('aria-label'));
  if (aria && !/^ia\./i.test(aria)) return aria;
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = squash(labelledBy.split(/\s+/).map((id) => lookup.byId(id)?.textContent ?? '').join(' '));
    if (text) return text;
  }
  const id = control.getAttribute('id');
  for (const label of id ? lookup.labelsFor(id) : []) {
    const text = squash(label.textContent);
    if (text) return text;
  }
  const wrapping = control.closest('label');
  if (wrapping && squash(wrapping.textContent)) return squash(wrapping.textContent);
  // A toggle followed by the application's name, as on the Applications tab's cards.
  const next = control.nextElementSibling;
  if (next && !isControl(next)) {
    const text = shortText(next, 80);
    if (text) return text;
  }
  // Anything else the reading model finds beside it (a label cell, a dt, the text before it), in the
  // page's own casing: the names it gives are normalized, so take the matching text from the page.
  if (controlNames(control, lookup).length === 0) return '';
  const row = control.closest('tr, [role="row"], li');
  const first = row?.firstElementChild;
  if (first && !first.contains(control)) return shortText(first, 80) ?? '';
  const before = control.previousElementSibling;
  return before ? (shortText(before, 80) ?? '') : '';
}

/** A read-only view: each application with a state word ("Subscribed", "Not subscribed", "Included"). */
function readOnlySubscriptions(doc: Document): CompanySubscription[] {
  const out: CompanySubscription[] = [];
  const nameColumn = (cols: readonly string[]): number => cols.findIndex((c) => /\b(application|module|name)\b/.test(c));
  const stateColumn = (cols: readonly string[]): number => cols.findIndex((c) => /subscri|status|state/.test(c));
  for (const table of findTables(doc, (cols) => nameColumn(cols) >= 0 && stateColumn(cols) >= 0)) {
    const nameAt = table.columns[nameColumn(table.columns)] ?? '';
    const stateAt = table.columns[stateColumn(table.columns)] ?? '';
    for (const row of table.rows) {
      const nameCell = cellUnder(table, row, [nameAt]);
      const stateCell = cellUnder(table, row, [stateAt]);
      const state = stateCell ? stateFromText(shortText(stateCell, 40)) : null;
      const application = nameCell ? (shortText(nameCell, 80) ?? '') : '';
      if (application && stateCell && state !== null) out.push({ application, subscribed: state, control: stateCell });
    }
  }
  return out;
}

/** Every application toggle on the page, in page order. Never throws. */
export function readCompanySubscriptions(doc: Document): CompanySubscription[] {
  try {
    const lookup = nameLookup(doc);
    const out: CompanySubscription[] = [];
    for (const control of Array.from(doc.querySelectorAll('[role="switch"], input[type="checkbox"], [role="checkbox"]'))) {
      if (!isCheckControl(control) && control.getAttribute('role') !== 'switch') continue;
      const application = applicationName(control, lookup);
      if (!application) continue;
      out.push({ application, subscribed: isControlChecked(control), control });
    }
    return out.length ? out : readOnlySubscriptions(doc);
  } catch (error) {
    console.warn('[intacct-setup-helper] could not read the subscriptions', error);
    return [];
  }
}
