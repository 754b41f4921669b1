import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SECTIONS, SECTION_LABELS, type Section } from '../../components/popup/sections';
import { BUILT_IN_PROFILES, requiredSteps } from '../../utils/profiles/registry';
import type { IntegrationProfile, OptionValues } from '../../utils/profiles/schema';
import { expect, openIntacctPage, openPopup, showSection, test } from './harness';

/*
 * The popup in sections (issue #13): it opens on Setup, every section's first view fits Chrome's popup
 * limit of 800×600 without a scrollbar, and the sections are tabs a keyboard moves between.
 */

const SCREENS = 'test-results/screens';
const CHROME_POPUP_LIMIT = { width: 800, height: 600 } as const;

/** Every answer combination of a profile's options (a few options of a few choices each). */
function optionCombinations(profile: IntegrationProfile): OptionValues[] {
  let combos: OptionValues[] = [{}];
  for (const option of profile.options) combos = combos.flatMap((c) => option.choices.map((choice) => ({ ...c, [option.id]: choice.value })));
  return combos;
}

/** The built-in integration and answers with the longest checklist: the tallest Setup section there is. */
function longestChecklist(): { profile: IntegrationProfile; options: OptionValues; steps: number } {
  let best = { profile: BUILT_IN_PROFILES[0] as IntegrationProfile, options: {} as OptionValues, steps: 0 };
  for (const profile of BUILT_IN_PROFILES) {
    for (const options of optionCombinations(profile)) {
      const steps = requiredSteps(profile, options).length;
      if (steps > best.steps) best = { profile, options, steps };
    }
  }
  return best;
}

/** How far the popup's document reaches: a browser sizes the popup to this, up to its limit. */
async function extent(popup: Page): Promise<{ width: number; height: number }> {
  return popup.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
}

const panel = (popup: Page, section: Section) => popup.locator(`[data-testid="ish-section"][data-section="${section}"]`);

test('the popup opens on Setup: where this Intacct page is in the setup, and the checklist', async ({ context, page, extensionId }) => {
  await openIntacctPage(page, 'ws-user-form');
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('tab', { name: /^Setup/ })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(popup, 'setup')).toBeVisible();
  for (const other of SECTIONS.filter((s) => s !== 'setup')) await expect(panel(popup, other)).toBeHidden();
  // The page open in the tab is named with its step, and the checklist marks that step.
  const step = popup.getByTestId('ish-tab-page-step');
  await expect(step).toHaveText(/^ · step \d+ of \d+$/);
  const here = popup.locator('[data-testid="ish-checklist-step"][data-here="true"]');
  await expect(here).toHaveCount(1);
  const number = /step (\d+)/.exec((await step.textContent()) ?? '')?.[1];
  await expect(here).toContainText(`${number}. Create the web services user`);
  await expect(here).toHaveAttribute('aria-current', 'step');
  await expect(here).toContainText('this page');
  // The integration is named above the sections; changing it is one click into Settings.
  await expect(popup.getByTestId('ish-connecting')).toContainText('Expensify');
  await popup.getByTestId('ish-change-integration').click();
  await expect(panel(popup, 'settings')).toBeVisible();
  await expect(popup.getByTestId('ish-integration')).toBeFocused();
});

test('every section’s first view fits Chrome’s 800×600 popup without a scrollbar, even the longest checklist', async ({ context, page, extensionId }) => {
  test.setTimeout(90_000);
  const longest = longestChecklist();
  // Choose it the admin's way, in Settings.
  const settings = await openPopup(context, extensionId, 'settings');
  await settings.getByTestId('ish-integration').selectOption(longest.profile.id);
  for (const [id, value] of Object.entries(longest.options)) await settings.getByTestId(`ish-option-${id}`).selectOption(value);
  await settings.close();

  await openIntacctPage(page, 'ws-user-form');
  const popup = await openPopup(context, extensionId);
  await popup.setViewportSize(CHROME_POPUP_LIMIT);
  await expect(popup.getByTestId('ish-checklist-step')).toHaveCount(longest.steps);
  await expect(popup.getByTestId('ish-tab-page')).toBeVisible();
  for (const section of SECTIONS) {
    if (section !== 'setup') await showSection(popup, section);
    const size = await extent(popup);
    await popup.screenshot({ path: `${SCREENS}/popup-section-${section}.png` });
    expect(size.height, `${SECTION_LABELS[section]} (${longest.profile.name}, ${longest.steps} steps): height`).toBeLessThanOrEqual(
      CHROME_POPUP_LIMIT.height,
    );
    expect(size.width, `${SECTION_LABELS[section]}: width`).toBeLessThanOrEqual(CHROME_POPUP_LIMIT.width);
  }
});

test('the sections are tabs: arrows, Home and End move between them, Tab goes into the section, and axe is clean on each', async ({
  context,
  page,
  extensionId,
}, testInfo) => {
  test.setTimeout(90_000);
  await openIntacctPage(page, 'company-security');
  const popup = await openPopup(context, extensionId);
  await popup.setViewportSize(CHROME_POPUP_LIMIT);
  await expect(popup.getByTestId('ish-checklist')).toBeVisible();

  // One tab stop for the whole list: the selected tab.
  const tabs = popup.getByRole('tab');
  await expect(tabs).toHaveCount(SECTIONS.length);
  await popup.locator('body').click({ position: { x: 2, y: 2 } });
  await popup.keyboard.press('Tab'); // the header's Change link
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('tab', { name: /^Setup/ })).toBeFocused();

  for (const [i, section] of SECTIONS.entries()) {
    if (i > 0) {
      await popup.keyboard.press('ArrowRight');
      await expect(popup.getByRole('tab', { name: new RegExp(`^${SECTION_LABELS[section]}`) })).toBeFocused();
    }
    await expect(popup.getByRole('tab', { name: new RegExp(`^${SECTION_LABELS[section]}`) })).toHaveAttribute('aria-selected', 'true');
    await expect(panel(popup, section)).toBeVisible();
    await expect(panel(popup, section)).toHaveAccessibleName(new RegExp(`^${SECTION_LABELS[section]}`));
    const results = await new AxeBuilder({ page: popup }).include('[data-testid="ish-popup"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    await testInfo.attach(`axe ${section}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
    expect(results.passes.length, `${section}: axe found nothing to check`).toBeGreaterThan(0);
    expect(serious, `axe on ${SECTION_LABELS[section]}`).toEqual([]);
  }
  // Wrapping and the ends.
  await popup.keyboard.press('ArrowRight');
  await expect(panel(popup, 'setup')).toBeVisible();
  await popup.keyboard.press('End');
  await expect(panel(popup, 'settings')).toBeVisible();
  await popup.keyboard.press('Home');
  await expect(panel(popup, 'setup')).toBeVisible();
  await popup.keyboard.press('ArrowLeft');
  await expect(panel(popup, 'settings')).toBeVisible();

  // Tab leaves the list for the section, whose first control is the integration in Settings.
  await popup.keyboard.press('Tab');
  await expect(panel(popup, 'settings')).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(popup.getByTestId('ish-integration')).toBeFocused();
});

test('a half-typed connection test survives a look at another section; the audit waits for a sign-in', async ({ context, page, extensionId }) => {
  await openIntacctPage(page, 'company-security');
  const popup = await openPopup(context, extensionId, 'connection');
  await expect(popup.getByTestId('ish-conn-company')).toHaveValue('DEMOCO');
  await popup.getByTestId('ish-conn-sender').fill('democo_sender');
  await showSection(popup, 'audit');
  await expect(popup.getByTestId('ish-audit-needs-sign-in')).toBeVisible();
  await expect(popup.getByTestId('ish-check-permissions')).toHaveCount(0);
  await popup.getByTestId('ish-show-connection').click();
  await expect(panel(popup, 'connection')).toBeVisible();
  await expect(popup.getByTestId('ish-conn-sender')).toHaveValue('democo_sender');
});

test('the integrations added from their published requirements are offered and guide the Security page', async ({ context, page, extensionId }) => {
  const popup = await openPopup(context, extensionId, 'settings');
  const names = await popup.locator('[data-testid="ish-integration"] option').allTextContents();
  for (const name of ['Emburse Spend', 'DATABASICS', 'Fyle', 'Tallie', 'Abacus']) expect(names, name).toContain(name);
  await popup.getByTestId('ish-integration').selectOption('databasics');
  await expect(popup.getByTestId('ish-connecting')).toContainText('DATABASICS');
  await showSection(popup, 'setup');
  await expect(popup.getByTestId('ish-checklist-step').filter({ hasText: 'Web Services developer licence' })).toHaveCount(1);
  // DATABASICS' sender is all capitals: the demo Security page lists none such, so the check says missing.
  const frame = await openIntacctPage(page, 'company-security');
  await expect(frame.getByTestId('ish-overlay')).toContainText('DATABASICS');
  await expect(frame.locator('[data-testid="ish-finding"][data-subject="Sender ID DATABASICS"]')).toHaveAttribute('data-status', 'missing');
});
