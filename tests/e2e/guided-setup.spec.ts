import type { Frame } from '@playwright/test';
import { expect, openIntacctPage, openPopup, test } from './harness';

const SCREENS = 'test-results/screens';

function finding(frame: Frame, subject: string) {
  return frame.locator(`[data-testid="ish-finding"][data-subject="${subject}"]`);
}

/** Every control still holds the value the page was served with. */
async function fieldsUnchanged(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const changed: string[] = [];
    for (const el of Array.from(document.querySelectorAll('input, select, textarea'))) {
      const name = el.getAttribute('name') ?? el.id;
      if (el instanceof HTMLInputElement) {
        if ((el.type === 'checkbox' || el.type === 'radio') && el.checked !== el.defaultChecked) changed.push(name);
        else if (el.type !== 'checkbox' && el.type !== 'radio' && el.value !== el.defaultValue) changed.push(name);
      } else if (el instanceof HTMLSelectElement) {
        if (Array.from(el.options).some((o) => o.selected !== o.defaultSelected)) changed.push(name);
      } else if (el instanceof HTMLTextAreaElement && el.value !== el.defaultValue) changed.push(name);
    }
    return changed;
  });
}

test('the Web Services user form shows what is wrong, and fixing a field flips its check live', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  await expect(finding(frame, 'User type')).toHaveAttribute('data-status', 'wrong');
  await expect(finding(frame, 'Admin privileges')).toHaveAttribute('data-status', 'wrong');
  await expect(finding(frame, 'User ID')).toHaveAttribute('data-status', 'missing');
  await expect(finding(frame, 'Status')).toHaveAttribute('data-status', 'ok');
  // Showing the guide changed nothing on Intacct's form.
  expect(await fieldsUnchanged(frame)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/guided-ws-user-form.png` });

  await frame.getByLabel('User type').selectOption('Business');
  await expect(finding(frame, 'User type')).toHaveAttribute('data-status', 'ok');
});

test('"Fill recommended values" fills the form on the admin’s click and never saves it', async ({ page, context, extensionId }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await frame.evaluate(() => {
    (window as unknown as { saves: number }).saves = 0;
    document.addEventListener('submit', () => (window as unknown as { saves: number }).saves++, true);
    for (const b of Array.from(document.querySelectorAll('button, input[type=button], input[type=submit]'))) {
      if (/save/i.test(b.textContent ?? (b as HTMLInputElement).value)) b.addEventListener('click', () => (window as unknown as { saves: number }).saves++);
    }
  });
  await frame.getByTestId('ish-fill').click();
  await expect(frame.getByTestId('ish-fill-result')).toContainText('click Save yourself');
  await expect(frame.getByLabel('User ID')).toHaveValue('xmlgateway_expensify');
  await expect(frame.getByLabel('User type')).toHaveValue(/business/i);
  await expect(finding(frame, 'Admin privileges')).toHaveAttribute('data-status', 'ok');
  // The email is the admin's to give: Fill leaves it, and its check still asks for it.
  await expect(frame.getByLabel('Email address')).toHaveValue('');
  await expect(finding(frame, 'Email address')).not.toHaveAttribute('data-status', 'ok');
  expect(await frame.evaluate(() => (window as unknown as { saves: number }).saves)).toBe(0);

  await frame.getByLabel('Email address').fill('ap-team@example.com');
  await expect(frame.locator('[data-testid="ish-finding"]:not([data-status="ok"])')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/guided-ws-user-form-filled.png` });

  // A clean page verifies its step in the checklist the popup shows.
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-testid="ish-checklist-step"][data-step-id="ws-user"]')).toHaveAttribute('data-state', 'verified');
  await expect(popup.getByTestId('ish-progress')).toContainText('1 of');
});

test('the Security page flags the sender ID written with a capital E', async ({ page }) => {
  const frame = await openIntacctPage(page, 'company-security');
  const sender = finding(frame, 'Sender ID expensify');
  await expect(sender).toHaveAttribute('data-status', 'wrong');
  await expect(sender).toContainText(/case/i);
  await page.screenshot({ path: `${SCREENS}/guided-company-security.png` });
});

test('the checklist in the popup follows steps ticked by hand', async ({ page, context, extensionId }) => {
  await openIntacctPage(page, 'ws-user-list');
  const popup = await openPopup(context, extensionId);
  const download = popup.locator('[data-testid="ish-checklist-step"][data-step-id="package-download"]');
  await expect(download).toHaveAttribute('data-state', 'todo');
  await download.getByLabel('Done').check();
  await expect(download).toHaveAttribute('data-state', 'ticked');
  await popup.reload();
  await expect(popup.locator('[data-testid="ish-checklist-step"][data-step-id="package-download"]')).toHaveAttribute('data-state', 'ticked');
  await expect(popup.getByTestId('ish-progress')).toContainText('1 of');
});

test('the sender window warns, before Save, that a sender ID is permanent and case-sensitive', async ({ page }) => {
  const frame = await openIntacctPage(page, 'sender-form');
  await expect(frame.getByTestId('ish-caution')).toContainText('cannot be changed afterwards');
  await expect(frame.getByTestId('ish-caution')).toContainText('“expensify”');
  await frame.getByLabel('Sender ID').fill('Expensify');
  await expect(finding(frame, 'Sender ID')).toHaveAttribute('data-status', 'wrong');
  await frame.getByLabel('Sender ID').fill('expensify');
  await expect(finding(frame, 'Sender ID')).toHaveAttribute('data-status', 'ok');
});
