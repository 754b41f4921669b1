import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page, TestInfo } from '@playwright/test';
import { FIXTURE_PAGES, type FixturePage } from '../fixtures/intacct/catalog';
import { expect, openIntacctPage, openPopup, showSection, test } from './harness';

/*
 * Accessibility of what we draw: axe-core on the popup and on the overlay of every setup page (only our
 * own elements: Intacct's page is not ours to judge), and the keyboard paths an admin without a mouse takes.
 */

const SCREENS = 'test-results/screens';
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeInclude = Parameters<AxeBuilder['include']>[0];

/** The overlay's panel, inside the shadow root of <ish-overlay-host>, inside iframe#iamain unless the page has its own window. */
function overlayContext(fixture: FixturePage): AxeInclude {
  const panel = { fromShadowDom: ['ish-overlay-host', '[data-testid="ish-overlay"]'] as [string, string] };
  return fixture.ownWindow ? panel : { fromFrames: ['iframe#iamain', panel] };
}

/** "rule (impact): help — where" for every violation of the given impacts. */
function listViolations(results: AxeResults, impacts: readonly string[]): string[] {
  return results.violations
    .filter((v) => impacts.includes(v.impact ?? ''))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Fails on serious and critical violations; lists the moderate and minor ones in the report. */
async function expectNoSeriousViolations(results: AxeResults, what: string, testInfo: TestInfo): Promise<void> {
  const minor = listViolations(results, ['moderate', 'minor']);
  if (minor.length) testInfo.annotations.push({ type: 'axe (moderate/minor)', description: `${what}: ${minor.join(' | ')}` });
  await testInfo.attach(`axe ${what}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(results.passes.length, `${what}: axe found nothing to check`).toBeGreaterThan(0);
  expect(listViolations(results, ['serious', 'critical']), what).toEqual([]);
}

/** The focused element, looked for through shadow roots: what it is, whether it is ours, whether it shows focus. */
async function focused(frame: Frame | Page) {
  return frame.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const outline = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      testId: el?.getAttribute('data-testid') ?? '',
      order: el?.getAttribute('data-a11y-order') ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 60),
      className: el?.getAttribute('class') ?? '',
      inOverlay: !!el && el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).host.localName === 'ish-overlay-host',
      // A visible focus indicator: an outline (Chromium's default ring is "auto") or a box-shadow ring.
      ring: !!outline && ((outline.outlineStyle !== 'none' && parseFloat(outline.outlineWidth) > 0) || outline.boxShadow !== 'none'),
    };
  });
}

/** Where a frame's viewport sits on the page (boundingBox() answers in page coordinates). */
async function frameOffset(frame: Frame): Promise<{ x: number; y: number }> {
  const element = await frame.frameElement().catch(() => null);
  const box = element ? await element.boundingBox() : null;
  return { x: box?.x ?? 0, y: box?.y ?? 0 };
}

/**
 * Every text of the overlay whose colour, against the backgrounds of its own ancestors, is below WCAG AA
 * (4.5:1, or 3:1 for large text), as "text: ratio". Computed styles only: what Intacct's page shows
 * behind the (opaque) panel cannot matter.
 */
async function lowContrastTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const root = document.querySelector('ish-overlay-host')?.shadowRoot;
    if (!root) return ['no overlay host'];
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const parts = (/rgba?\(([^)]*)\)/.exec(css)?.[1] ?? '0 0 0 0').split(/[\s,/]+/).filter(Boolean).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (c: number): number => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const layer = parse(getComputedStyle(node).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, top) => over(top, below), [255, 255, 255, 1]);
    };
    const low: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const text = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      const style = getComputedStyle(el);
      if (!text || el.getClientRects().length === 0 || style.visibility !== 'visible' || el.localName === 'style') continue;
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) low.push(`${text.slice(0, 40)}: ${ratio.toFixed(2)} (${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
    }
    return low;
  });
}

test.describe('axe: the popup', () => {
  test('has no serious or critical violations: at rest, with the checklist, and after connection tests', async ({ context, page, extensionId }, testInfo) => {
    test.setTimeout(90_000);
    // As the admin sees it: a setup page open in the Intacct tab, the popup at its real width.
    const frame = await openIntacctPage(page, 'ws-user-form');
    await expect(frame.getByTestId('ish-overlay')).toBeVisible();
    const popup = await openPopup(context, extensionId);
    await popup.setViewportSize({ width: 560, height: 900 });
    await expect(popup.getByTestId('ish-checklist')).toBeVisible();
    await expect(popup.getByTestId('ish-conn-company')).toHaveValue('DEMOCO');
    await expectNoSeriousViolations(await new AxeBuilder({ page: popup }).analyze(), 'popup', testInfo);
    await popup.screenshot({ path: `${SCREENS}/a11y-popup.png`, fullPage: true });
    await showSection(popup, 'connection');

    // A failed test with Intacct's error details open (the demo gateway refuses the password "wrong").
    await popup.getByTestId('ish-conn-user-password').fill('wrong');
    await popup.getByTestId('ish-conn-sender').fill('democo_sender');
    await popup.getByTestId('ish-conn-sender-password').fill('sender-pw');
    await popup.getByTestId('ish-conn-test').click();
    await expect(popup.getByTestId('ish-conn-result')).toHaveAttribute('data-code', 'user-credentials', { timeout: 20_000 });
    await popup.getByTestId('ish-conn-details-toggle').click();
    await expect(popup.getByTestId('ish-conn-details')).toBeVisible();
    await expectNoSeriousViolations(await new AxeBuilder({ page: popup }).analyze(), 'popup, failed connection test', testInfo);
    await popup.screenshot({ path: `${SCREENS}/a11y-popup-connection-failed.png`, fullPage: true });

    // A passed test and the permission check's findings.
    await popup.getByTestId('ish-conn-user-password').fill('user-pw');
    await popup.getByTestId('ish-conn-test').click();
    await expect(popup.getByTestId('ish-show-audit')).toBeVisible({ timeout: 20_000 });
    await popup.getByTestId('ish-show-audit').click();
    await popup.getByTestId('ish-check-permissions').click();
    await expect(popup.getByTestId('ish-probe')).toBeVisible({ timeout: 20_000 });
    await expectNoSeriousViolations(await new AxeBuilder({ page: popup }).analyze(), 'popup, permission check', testInfo);
    await popup.screenshot({ path: `${SCREENS}/a11y-popup-permissions.png`, fullPage: true });
  });
});

test.describe('axe: the overlay on every setup page', () => {
  for (const fixture of FIXTURE_PAGES.filter((p) => p.kind)) {
    test(`${fixture.label}`, async ({ page }, testInfo) => {
      const frame = await openIntacctPage(page, fixture.name);
      const overlay = frame.getByTestId('ish-overlay');
      await expect(overlay).toBeVisible();
      await expect(overlay).toHaveAttribute('data-page-kind', fixture.kind ?? '');
      await expectNoSeriousViolations(await new AxeBuilder({ page }).include(overlayContext(fixture)).analyze(), fixture.name, testInfo);

      // axe leaves some of the panel's texts "incomplete": the panel floats over Intacct's page and scrolls
      // inside, and axe cannot tell what lies behind. Measure every text of the panel against its own
      // backgrounds instead (the panel is opaque), to WCAG AA.
      expect(await lowContrastTexts(frame), `${fixture.name}: texts below WCAG AA contrast`).toEqual([]);
      await page.screenshot({ path: `${SCREENS}/a11y-overlay-${fixture.name}.png` });
    });
  }

  test('after Fill, and collapsed (the Export button is on the permissions pages above)', async ({ page }, testInfo) => {
    const users = FIXTURE_PAGES.find((p) => p.name === 'ws-user-form');
    if (!users) throw new Error('no ws-user-form fixture');
    const frame = await openIntacctPage(page, users.name);
    await frame.getByTestId('ish-fill').click();
    await expect(frame.getByTestId('ish-fill-result')).toBeVisible();
    await expectNoSeriousViolations(await new AxeBuilder({ page }).include(overlayContext(users)).analyze(), 'after Fill', testInfo);
    await frame.getByRole('button', { name: 'Hide' }).click();
    await expect(frame.getByTestId('ish-overlay')).toHaveAttribute('data-collapsed', 'true');
    await expectNoSeriousViolations(await new AxeBuilder({ page }).include(overlayContext(users)).analyze(), 'collapsed', testInfo);
  });

  test('Apply’s preview (its box lists open) and its result with Undo', async ({ page }, testInfo) => {
    const window = FIXTURE_PAGES.find((p) => p.name === 'role-permissions');
    if (!window) throw new Error('no role-permissions fixture');
    const frame = await openIntacctPage(page, window.name);
    await frame.getByTestId('ish-apply-rights').click();
    // Keyboard users land on what the preview says, not back at the top of the panel.
    await expect(frame.getByRole('heading', { name: 'Apply Expensify’s rights: 14 changes' })).toBeFocused();
    for (const list of await frame.getByTestId('ish-apply-preview').locator('summary').all()) await list.click();
    await expectNoSeriousViolations(await new AxeBuilder({ page }).include(overlayContext(window)).analyze(), 'Apply preview', testInfo);
    expect(await lowContrastTexts(frame), 'Apply preview: texts below WCAG AA contrast').toEqual([]);
    await page.screenshot({ path: `${SCREENS}/a11y-apply-preview-open.png` });
    await frame.getByTestId('ish-apply-confirm').click();
    await expect(frame.getByTestId('ish-apply-undo')).toBeVisible();
    await expectNoSeriousViolations(await new AxeBuilder({ page }).include(overlayContext(window)).analyze(), 'after Apply', testInfo);
    expect(await lowContrastTexts(frame), 'after Apply: texts below WCAG AA contrast').toEqual([]);
  });
});

test.describe('keyboard', () => {
  test('Tab walks each popup section in reading order, every control shows focus, and the keyboard operates them', async ({ context, page, extensionId }) => {
    test.setTimeout(60_000);
    await openIntacctPage(page, 'ws-user-list');
    const popup = await openPopup(context, extensionId);
    await popup.setViewportSize({ width: 560, height: 900 });
    await expect(popup.getByTestId('ish-checklist')).toBeVisible();
    // The frames' probe answers after the first render: its Copy page structure joins the Tab order then.
    await expect(popup.getByTestId('ish-copy-structure').first()).toBeVisible();

    /** Numbers every control a Tab should reach in the shown section, in document order, then Tabs through them all. */
    const walk = async (section: string) => {
      const controls = await popup.evaluate(() => {
        const candidates = Array.from(
          document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]'),
        ).filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0 && el.checkVisibility());
        // checkVisibility: a folded <details> keeps its content laid out (content-visibility), but unreachable.
        return candidates.map((el, i) => {
          el.setAttribute('data-a11y-order', String(i));
          const label = el.getAttribute('aria-label') ?? (el.closest('label')?.textContent ?? el.textContent ?? '').trim();
          return { order: String(i), testId: el.getAttribute('data-testid') ?? '', tag: el.tagName.toLowerCase(), type: el.getAttribute('type') ?? '', label, role: el.getAttribute('role') ?? '' };
        });
      });
      // The header's Change, then one stop for the section tabs (the selected one), then the section itself.
      expect(controls.slice(0, 3).map((c) => c.testId), section).toEqual(['ish-change-integration', 'ish-section-tab', 'ish-section']);
      await popup.locator('body').click({ position: { x: 2, y: 2 } });
      const reached: string[] = [];
      for (let i = 0; i < controls.length; i++) {
        await popup.keyboard.press('Tab');
        const now = await focused(popup);
        expect(now.ring, `${section}: focus ring on ${now.tag} ${now.testId || now.text}`).toBe(true);
        reached.push(now.order);
      }
      expect(reached, section).toEqual(controls.map((c) => c.order));
      return controls.slice(3);
    };

    const setup = await walk('Setup');
    expect(setup.filter((c) => c.type === 'checkbox').length, 'the checklist’s ticks').toBeGreaterThan(0);
    await popup.screenshot({ path: `${SCREENS}/a11y-popup-keyboard-end.png` });

    // Tick a manual step with Space.
    const firstTick = popup.locator('[data-testid="ish-checklist-step"]').filter({ has: popup.getByRole('checkbox') }).first();
    const box = firstTick.getByRole('checkbox');
    await box.focus();
    await expect(box).toHaveAccessibleDescription(/\d+\. /);
    await popup.keyboard.press('Space');
    await expect(firstTick).toHaveAttribute('data-state', 'ticked');
    await popup.screenshot({ path: `${SCREENS}/a11y-popup-keyboard-ticked.png` });

    // Settings by the keyboard: End on the tabs, then the integration and its options come first.
    await popup.getByRole('tab', { name: /^Setup/ }).focus();
    await popup.keyboard.press('End');
    await expect(popup.getByRole('tab', { name: 'Settings' })).toBeFocused();
    const settings = await walk('Settings');
    const optionSelects = settings.filter((c) => c.testId.startsWith('ish-option-'));
    expect(settings[0]?.testId, 'the integration comes first').toBe('ish-integration');
    expect(optionSelects.length).toBeGreaterThan(0);
    expect(settings.slice(1, 1 + optionSelects.length).map((c) => c.testId)).toEqual(optionSelects.map((c) => c.testId));
    // The folded settings are reached and opened by the keyboard.
    expect(settings.filter((c) => c.tag === 'summary').length).toBe(3);

    // Operate an option with the arrow keys: the choice is stored (it survives a reload).
    const option = popup.getByTestId(optionSelects[0]?.testId ?? '');
    const before = await option.inputValue();
    await option.focus();
    await popup.keyboard.press('ArrowDown');
    await expect(option).not.toHaveValue(before);
    const after = await option.inputValue();
    const reviewer = popup.locator('[data-testid="ish-setting"][data-setting="reviewer"]');
    await reviewer.locator('summary').focus();
    await popup.keyboard.press('Enter');
    await expect(reviewer).toHaveAttribute('open', '');
    await expect(popup.getByTestId('ish-reviewer')).toBeVisible();

    await popup.reload();
    await expect(popup.getByTestId(optionSelects[0]?.testId ?? '')).toHaveValue(after);
  });

  test('in Intacct’s frame, Tab reaches the overlay; Enter shows a field, Escape folds the panel, Space opens it', async ({ page }) => {
    const frame = await openIntacctPage(page, 'ws-user-form');
    const overlay = frame.getByTestId('ish-overlay');
    await expect(overlay).toBeVisible();
    await expect(frame.locator('[data-testid="ish-finding"] button:enabled').first()).toBeVisible();

    // Start on Intacct's last control: the guide comes next in the frame's tab order.
    await frame.evaluate(() => {
      const own = Array.from(document.body.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')).filter(
        (el) => !(el as HTMLInputElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0,
      );
      own.at(-1)?.focus();
    });
    expect((await focused(frame)).inOverlay).toBe(false);
    await page.keyboard.press('Tab');
    let now = await focused(frame);
    expect(now).toMatchObject({ inOverlay: true, tag: 'button', text: 'Hide', ring: true });
    await expect(frame.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');

    // On through the panel's actions to the first finding that points at a field. Focus alone rings the field.
    for (let i = 0; i < 5 && !now.className.includes('ish-finding-head'); i++) {
      await page.keyboard.press('Tab');
      now = await focused(frame);
      expect(now, 'Tab stays in the panel and shows where it is').toMatchObject({ inOverlay: true, ring: true });
    }
    const findingButton = frame.locator('[data-testid="ish-finding"] button:enabled').first();
    await expect(findingButton).toBeFocused();
    const highlight = frame.getByTestId('ish-highlight');
    await expect(highlight).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(highlight).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/a11y-overlay-keyboard-finding.png` });

    // The ring sits on a field of Intacct's form: what lies under its centre is a form control.
    const ring = await highlight.boundingBox();
    expect(ring).toBeTruthy();
    const under = await frame.evaluate(
      ([x, y]) => document.elementsFromPoint(x ?? 0, y ?? 0).find((el) => el.localName !== 'ish-overlay-host')?.localName ?? '',
      [(ring?.x ?? 0) + (ring?.width ?? 0) / 2 - (await frameOffset(frame)).x, (ring?.y ?? 0) + (ring?.height ?? 0) / 2 - (await frameOffset(frame)).y],
    );
    expect(['input', 'select', 'textarea']).toContain(under);

    // Escape folds the panel, keeps focus on its Show button and drops the ring; Intacct's page never sees the key.
    await frame.evaluate(() => {
      (window as unknown as { escapes: number }).escapes = 0;
      document.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') (window as unknown as { escapes: number }).escapes++;
      });
    });
    await page.keyboard.press('Escape');
    await expect(overlay).toHaveAttribute('data-collapsed', 'true');
    await expect(highlight).toHaveCount(0);
    now = await focused(frame);
    expect(now).toMatchObject({ inOverlay: true, tag: 'button', text: 'Show' });
    expect(await frame.evaluate(() => (window as unknown as { escapes: number }).escapes)).toBe(0);
    await page.screenshot({ path: `${SCREENS}/a11y-overlay-keyboard-collapsed.png` });

    // Space opens it again, Enter folds it.
    await page.keyboard.press('Space');
    await expect(overlay).toHaveAttribute('data-collapsed', 'false');
    await expect(frame.getByRole('button', { name: 'Hide' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(overlay).toHaveAttribute('data-collapsed', 'true');
    await expect(frame.getByRole('button', { name: 'Show' })).toHaveAttribute('aria-expanded', 'false');
  });
});
