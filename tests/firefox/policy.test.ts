import { describe, expect, it } from 'vitest';
import { lockedCertifyPolicy } from '../fixtures/organization-policy';
import { withFirefoxPolicy } from './firefox-policy';
import { attributeOf, geckoId, inOverlay, intacctTab, launchFirefox, openIntacctPage, openPopup, screenshotFile, textOf, waitFor } from './launch';

const selectState = (el: Element) => ({ value: (el as HTMLSelectElement).value, disabled: (el as HTMLSelectElement).disabled });

// Firefox reads policies.json once at start: each test launches a Firefox of its own with its policy.
describe('a Firefox enterprise policy (distribution/policies.json beside the binary)', () => {
  it('presets and locks the integration, names the organization, hides the connection test', async () => {
    // Firefox checks no schema: the organization's profile is given as the object itself.
    const policy = lockedCertifyPolicy('object');
    await withFirefoxPolicy(geckoId(), policy, async (firefox) => {
      const session = await launchFirefox(firefox);
      try {
        const page = await intacctTab(session);
        const frame = await openIntacctPage(page, 'platform-app-install');
        const overlay = await waitFor(frame, inOverlay('[data-testid="ish-overlay"]'));
        expect(await overlay.evaluate((el) => el.textContent)).toContain('Emburse Certify');

        const popup = await openPopup(session, 'settings');
        expect(await popup.$eval('[data-testid="ish-integration"]', selectState)).toEqual({ value: 'certify', disabled: true });
        expect(await popup.$eval('[data-testid="ish-option-permissionModel"]', selectState)).toEqual({ value: 'role-based', disabled: true });
        expect(await textOf(popup, '[data-testid="ish-locked"]')).toBe('Set by your organization');
        expect(await textOf(popup, '[data-testid="ish-organization"]')).toContain('Acme Corp Finance');
        expect(await popup.$$eval('[data-testid="ish-integration"] option', (os) => os.map((o) => o.textContent))).toContain('(imported) Acme Expenses');
        expect(await popup.$('[data-testid="ish-conn-test"]')).toBeNull();
        expect(await textOf(popup, '[data-testid="ish-connection-off"]')).toContain('Set by your organization');
        expect(await popup.$('[data-testid="ish-policy-problems"]')).toBeNull();
        await popup.screenshot({ path: screenshotFile('popup-policy-locked.png'), fullPage: true });
      } finally {
        await session.close();
      }
    });
  });

  it('ignores a malformed value with a note in the popup, and applies the rest', async () => {
    const policy = { integration: 'certify', lockIntegration: true, hideConnectionTest: 'yes', organizationName: ['Acme'] };
    await withFirefoxPolicy(geckoId(), policy, async (firefox) => {
      const session = await launchFirefox(firefox);
      try {
        const popup = await openPopup(session, 'settings');
        await waitFor(popup, '[data-testid="ish-policy-problems"]');
        const problems = await popup.$$eval('[data-testid="ish-policy-problem"]', (els) => els.map((e) => e.getAttribute('data-key')));
        expect(problems.sort()).toEqual(['hideConnectionTest', 'organizationName']);
        expect(await popup.$eval('[data-testid="ish-integration"]', selectState)).toEqual({ value: 'certify', disabled: true });
        // "yes" is not true: the connection test stays.
        expect(await attributeOf(popup, '[data-testid="ish-conn-test"]', 'type')).toBe('submit');
        await popup.screenshot({ path: screenshotFile('popup-policy-problems.png'), fullPage: true });
      } finally {
        await session.close();
      }
    });
  });
});
