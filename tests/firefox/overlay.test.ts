import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, type FixturePage } from '../fixtures/intacct/catalog';
import { inOverlay, intacctTab, launchFirefox, openIntacctPage, openPopup, screenshotFile, waitFor, type FirefoxSession } from './launch';

/** Pages whose checks belong to an option: expense reports (T&E pages), role-based permissions (the role form). */
const CHOICES: Record<string, string> = { export: 'expense-reports', permissionModel: 'role-based' };
const NEEDS_CHOICES = new Set(['role-form', 'te-configuration', 'employee-form', 'expense-type-form']);
/** Lists and navigation pages: no integration has a check there; the guide says which step comes next. */
const NO_CHECKS = new Set(['ws-user-list', 'role-list', 'custom-package', 'platform-app-install']);

const setupPages = FIXTURE_PAGES.filter((p) => p.kind);

async function expectGuide(page: Page, setup: FixturePage): Promise<void> {
  const frame = await openIntacctPage(page, setup.name);
  const overlay = await waitFor(frame, inOverlay('[data-testid="ish-overlay"]'));
  expect(await overlay.evaluate((el) => el.getAttribute('data-page-kind'))).toBe(setup.kind);
  expect(await overlay.evaluate((el) => el.textContent)).toContain('Setup helper · Expensify');
  if (NO_CHECKS.has(setup.name)) {
    expect(await overlay.evaluate((el) => el.textContent)).toMatch(/Next: step \d+, /);
    expect(await frame.$(inOverlay('[data-testid="ish-finding"]'))).toBeNull();
  } else {
    const finding = await waitFor(frame, inOverlay('[data-testid="ish-finding"]'));
    expect(await finding.evaluate((el) => [el.getAttribute('data-status'), el.getAttribute('data-subject')])).toEqual([
      expect.stringMatching(/^(ok|missing|wrong|excess|not-found)$/),
      expect.stringMatching(/\S/),
    ]);
  }
  await page.screenshot({ path: screenshotFile(`${setup.name}.png`) });
}

describe('in Firefox, the guide appears on every setup page of the demo Intacct with its checks', () => {
  let session: FirefoxSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchFirefox();
    page = await intacctTab(session);
  });
  afterAll(async () => session?.close());

  for (const setup of setupPages.filter((p) => !NEEDS_CHOICES.has(p.name))) {
    it(`${setup.label} (${setup.kind})`, () => expectGuide(page, setup));
  }
});

describe('in Firefox, with expense reports and role-based permissions chosen in the popup', () => {
  let session: FirefoxSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchFirefox();
    const popup = await openPopup(session, 'settings');
    for (const [option, value] of Object.entries(CHOICES)) {
      await popup.select(`[data-testid="ish-option-${option}"]`, value);
      await popup.waitForFunction(
        (id, v) => (document.querySelector(`[data-testid="ish-option-${id}"]`) as HTMLSelectElement | null)?.value === v,
        {},
        option,
        value,
      );
    }
    await popup.close();
    page = await intacctTab(session);
  });
  afterAll(async () => session?.close());

  for (const setup of setupPages.filter((p) => NEEDS_CHOICES.has(p.name))) {
    it(`${setup.label} (${setup.kind})`, () => expectGuide(page, setup));
  }
});
