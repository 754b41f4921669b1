import { existsSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { lockedCertifyPolicy } from '../fixtures/organization-policy';
import { CHROMIUM_POLICY_DIR, canWritePolicy, unpackedExtensionId, withChromiumPolicy } from './chromium-policy';
import { EXTENSION_DIR, extensionId, launchIntacct, openIntacctPage } from './launch';
import { showSection } from './harness';
import type { Section } from '../../components/popup/sections';

// Each test launches its own Chromium after writing the policy: Chromium reads policy files at start.
test.skip(!canWritePolicy(), `writing ${CHROMIUM_POLICY_DIR} needs root (CI runs as root)`);

/** No serious or critical accessibility violation in what the policy adds to the popup (as tests/e2e/a11y.spec.ts holds the rest). */
async function expectAccessible(popup: Page): Promise<void> {
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.passes.length, 'axe found nothing to check').toBeGreaterThan(0);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
}

async function popupOf(launched: Awaited<ReturnType<typeof launchIntacct>>, section: Section = 'settings'): Promise<Page> {
  const id = await extensionId(launched.context);
  // The policy was keyed by the id computed from the path; a mismatch would make the test prove nothing.
  expect(id).toBe(unpackedExtensionId(EXTENSION_DIR));
  const popup = await launched.context.newPage();
  await popup.setViewportSize({ width: 560, height: 800 });
  await popup.goto(`chrome-extension://${id}/popup.html#${section}`);
  return popup;
}

test('an organization policy presets and locks the integration, names the organization and hides the connection test', async () => {
  const policy = lockedCertifyPolicy('text');
  await withChromiumPolicy(EXTENSION_DIR, policy, async () => {
    const launched = await launchIntacct({ withExtension: true, headless: true });
    try {
      const page = await launched.context.newPage();
      const frame = await openIntacctPage(page, 'platform-app-install');
      // The guide on Intacct's page follows the organization's integration, not the default Expensify.
      await expect(frame.getByTestId('ish-overlay')).toContainText('Emburse Certify');

      const popup = await popupOf(launched);
      const integration = popup.getByTestId('ish-integration');
      await expect(integration).toHaveValue('certify');
      await expect(integration).toBeDisabled();
      await expect(popup.getByTestId('ish-option-permissionModel')).toHaveValue('role-based');
      await expect(popup.getByTestId('ish-option-permissionModel')).toBeDisabled();
      await expect(popup.getByTestId('ish-locked')).toHaveText('Set by your organization');
      await expect(popup.getByTestId('ish-organization')).toContainText('Acme Corp Finance');
      // The organization's own profile is offered with the built-in ones.
      await expect(integration.locator('option', { hasText: 'Acme Expenses' })).toHaveCount(1);
      await expect(popup.getByTestId('ish-conn-test')).toHaveCount(0);
      await expect(popup.getByTestId('ish-connection-off')).toContainText('Set by your organization');
      await expect(popup.getByTestId('ish-profile-import')).toHaveCount(0);
      await expect(popup.getByTestId('ish-policy-problems')).toHaveCount(0);
      await popup.screenshot({ path: 'test-results/screens/popup-policy-locked.png', fullPage: true });
      await expectAccessible(popup);

      // Reopened, it is still the organization's choice: nothing the user did could change it.
      await popup.reload();
      await expect(popup.getByTestId('ish-integration')).toHaveValue('certify');
    } finally {
      await launched.close();
    }
  });
  expect(existsSync(path.join(CHROMIUM_POLICY_DIR, `intacct-setup-helper-e2e-${process.pid}.json`))).toBe(false);
});

test('a malformed policy value is ignored with a note in the popup, and the rest of the policy applies', async () => {
  const policy = {
    integration: 'certify',
    lockIntegration: true,
    options: { permissionModel: 'by-department' },
    customProfiles: ['{ "id": "acme", '],
  };
  await withChromiumPolicy(EXTENSION_DIR, policy, async () => {
    const launched = await launchIntacct({ withExtension: true, headless: true });
    try {
      const popup = await popupOf(launched);
      const errors: string[] = [];
      popup.on('pageerror', (error) => errors.push(error.message));
      await popup.reload();
      const problems = popup.getByTestId('ish-policy-problem');
      await expect(problems.filter({ hasText: 'options.permissionModel' })).toContainText('"by-department" is not a choice');
      await expect(problems.filter({ hasText: 'customProfiles.0' })).toContainText('not valid JSON');
      await expect(popup.getByTestId('ish-integration')).toHaveValue('certify');
      await expect(popup.getByTestId('ish-integration')).toBeDisabled();
      await expect(popup.getByTestId('ish-option-permissionModel')).toHaveValue('user-based');
      await popup.screenshot({ path: 'test-results/screens/popup-policy-problems.png', fullPage: true });
      await expectAccessible(popup);
      // Every section says a part of the policy was ignored, and leads to where it is explained.
      await showSection(popup, 'connection');
      await expect(popup.getByTestId('ish-conn-test')).toBeVisible();
      await expect(popup.getByTestId('ish-policy-note')).toContainText('of your organization’s policy were ignored');
      await popup.getByTestId('ish-policy-note').getByRole('button', { name: 'See Settings' }).click();
      await expect(popup.getByTestId('ish-policy-problems')).toBeVisible();
      expect(errors).toEqual([]);
    } finally {
      await launched.close();
    }
  });
});
