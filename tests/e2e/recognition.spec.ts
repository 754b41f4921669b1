import { FIXTURE_PAGES } from '../fixtures/intacct/catalog';
import { expect, openIntacctPage, test } from './harness';

const SCREENS = 'test-results/screens';

test.describe('the overlay appears on every setup page of the demo Intacct', () => {
  for (const fixture of FIXTURE_PAGES.filter((p) => p.kind)) {
    test(`${fixture.label} shows the guide for ${fixture.kind}`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const frame = await openIntacctPage(page, fixture.name);
      const overlay = frame.getByTestId('ish-overlay');
      await expect(overlay).toBeVisible();
      await expect(overlay).toHaveAttribute('data-page-kind', fixture.kind ?? '');
      await expect(overlay.getByText('Setup helper')).toBeVisible();
      if (!fixture.ownWindow) {
        // The frameset's own document names the setup pages in its menu but is not one.
        await expect(page.mainFrame().locator('ish-overlay-host')).toHaveCount(0);
      }
      await page.screenshot({ path: `${SCREENS}/${fixture.name}.png` });
      // Nothing of ours may surface as an error on the admin's page.
      expect(errors).toEqual([]);
    });
  }
});

test.describe('ordinary Intacct pages get no overlay', () => {
  for (const fixture of FIXTURE_PAGES.filter((p) => !p.kind)) {
    test(`${fixture.label}`, async ({ page }) => {
      await openIntacctPage(page, fixture.name);
      // Give the detector and a would-be injection time to act before looking.
      await page.waitForTimeout(1500);
      for (const frame of page.frames()) {
        await expect(frame.locator('ish-overlay-host')).toHaveCount(0);
      }
      await page.screenshot({ path: `${SCREENS}/${fixture.name}.png` });
    });
  }
});

test('the guide leaves when the frame moves on to an ordinary page', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const iamain = page.frame({ name: 'iamain' });
  await expect.poll(() => iamain?.url() ?? '').toContain('dashboard.phtml');
  await page.waitForTimeout(1000);
  await expect(page.frame({ name: 'iamain' })!.locator('ish-overlay-host')).toHaveCount(0);
});

test('the guide leaves when the page changes in place into an ordinary page, and comes back with the setup page', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  // The page as Intacct rendered it, without our panel.
  const original = await frame.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('ish-overlay-host').forEach((host) => host.remove());
    return copy.innerHTML;
  });
  // Intacct's newer pages re-render in place: same document, another page.
  await frame.evaluate(() => {
    document.title = 'Sage Intacct - Journal Entry';
    document.body.innerHTML = '<h1 class="pagetitle">Journal Entry</h1><label for="j">Journal</label><input id="j">';
  });
  // Past the re-detection delay: the panel must not come back on an ordinary page.
  await page.waitForTimeout(1000);
  await expect(frame.locator('ish-overlay-host')).toHaveCount(0);
  await frame.evaluate((html) => {
    document.title = 'Sage Intacct - Web Services User Information';
    document.body.innerHTML = html;
  }, original);
  await expect(frame.getByTestId('ish-overlay')).toHaveAttribute('data-page-kind', 'ws-user-form');
});

test('the guide comes back when the page re-renders its body over it', async ({ page }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  await frame.evaluate(() => {
    // The same page, rendered again from scratch by the page's own code: our panel is gone with the old body.
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('ish-overlay-host').forEach((host) => host.remove());
    document.body.innerHTML = copy.innerHTML;
  });
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  await expect(frame.locator('ish-overlay-host')).toHaveCount(1);
});
