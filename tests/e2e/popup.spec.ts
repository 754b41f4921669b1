import { expect, openIntacctPage, openPopup, test } from './harness';

test('the popup shows the chosen integration and the setup page open in the Intacct tab', async ({ context, page, extensionId }) => {
  const frame = await openIntacctPage(page, 'company-security');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('ish-popup')).toBeVisible();
  await expect(popup.getByTestId('ish-integration')).toHaveValue('expensify');
  await expect(popup.getByTestId('ish-tab-page')).toHaveAttribute('data-page-kind', 'company-security');
  await expect(popup.getByTestId('ish-tab-page')).toContainText('Company information › Security');
  await popup.screenshot({ path: 'test-results/screens/popup.png' });
});

test('switching the integration in the popup changes the guide on the page and is remembered', async ({ context, page, extensionId }) => {
  const frame = await openIntacctPage(page, 'platform-app-install');
  const overlay = frame.getByTestId('ish-overlay');
  await expect(overlay).toContainText('Expensify');

  const popup = await openPopup(context, extensionId, 'settings');
  await popup.getByTestId('ish-integration').selectOption({ label: 'Emburse Certify' });
  // The overlay follows the stored choice without a reload.
  await expect(overlay).toContainText('Emburse Certify');
  await expect(overlay.getByTestId('ish-step')).not.toHaveCount(0);

  await popup.reload();
  await expect(popup.getByTestId('ish-integration')).toHaveValue('certify');
});
