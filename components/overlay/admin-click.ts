import type { SyntheticEvent } from 'react';

/**
 * For the panel's small controls that change nothing on Intacct's page (Cancel on Apply's preview): a
 * page script's `.click()` is not trusted, and does nothing. The actions that do change the page, save
 * files, keep rules or show kept audits are sealed buttons (sealed/sealed-button.ts), which also refuse
 * trusted presses the admin did not aim at them.
 */
export function adminClick(action: () => void): (event: SyntheticEvent) => void {
  return (event) => {
    if (event.nativeEvent.isTrusted !== true) return;
    action();
  };
}
