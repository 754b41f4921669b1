import { accessibleName, isGenericName } from '@/utils/reading/accessible';
import { isCheckControl, isControlChecked } from '@/utils/reading/controls';
import { visibleLabel } from '@/utils/reading/names';
import { readStateRecords } from '@/utils/reading/records';
import { nameOfBoxInRow, rowOfControl } from '@/utils/reading/rows';
import { queryAllDeep } from '@/utils/reading/tree';

// The company Subscriptions page (Company › Admin › Subscriptions, Applications tab): one toggle per
// application (docs/intacct.md, "Pages"), or in view mode a state word or tick. Each is read by the
// application name an admin sees, never by id.

export interface CompanySubscription {
  /** The application's name as the page shows it, e.g. "Time & Expenses" or, on newer screens, "Expenses". */
  application: string;
  subscribed: boolean;
  control: Element;
}

const NOT_A_NAME = /^(subscribed|not subscribed|subscribe|unsubscribe|configure|on|off|yes|no|enabled|disabled|details|learn more)$/i;
const noName = (text: string): boolean => NOT_A_NAME.test(text.trim());

/** The application a toggle is for: its own name, else its row's or card's name, else the text beside it. */
function applicationName(control: Element): string {
  const own = accessibleName(control);
  if (own && !isGenericName(own) && !noName(own)) return own;
  const located = rowOfControl(control);
  if (located) return nameOfBoxInRow(control, located.row, noName);
  const beside = visibleLabel(control);
  return beside && !isGenericName(beside) && !noName(beside) ? beside : '';
}

/** Every application toggle on the page, in page order. Never throws. */
export function readCompanySubscriptions(doc: Document): CompanySubscription[] {
  try {
    const out: CompanySubscription[] = [];
    for (const control of queryAllDeep(doc, 'input[type="checkbox"], [role~="checkbox"], [role~="switch"], [aria-pressed]')) {
      if (!isCheckControl(control)) continue;
      const application = applicationName(control);
      if (!application) continue;
      out.push({ application, subscribed: isControlChecked(control), control });
    }
    return out.length ? out : readStateRecords(doc).map((r) => ({ application: r.name, subscribed: r.on, control: r.stateEl }));
  } catch (error) {
    console.warn('[intacct-setup-helper] could not read the subscriptions', error);
    return [];
  }
}
