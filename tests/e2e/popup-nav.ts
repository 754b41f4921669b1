import { expect, type Page } from '@playwright/test';
import { SECTION_LABELS, type Section } from '../../components/popup/sections';

// The admin's ways around the popup's sections, shared by the specs and the scripts that drive the popup.

/** The admin's click on a section's tab; resolves once its panel shows. */
export async function showSection(popup: Page, section: Section): Promise<void> {
  await popup.getByRole('tab', { name: new RegExp(`^${SECTION_LABELS[section]}`) }).click();
  await expect(popup.locator(`[data-testid="ish-section"][data-section="${section}"]`)).toBeVisible();
}

/** Unfolds one of Settings' folded parts ("custom-profile", "taught", "reviewer"), on Settings first. */
export async function openSetting(popup: Page, setting: 'custom-profile' | 'taught' | 'reviewer'): Promise<void> {
  const details = popup.locator(`[data-testid="ish-setting"][data-setting="${setting}"]`);
  if (!(await details.isVisible())) await showSection(popup, 'settings');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
}
