import AxeBuilder from '@axe-core/playwright';
import { FIXTURE_PAGES } from '../fixtures/intacct/catalog';
import { expect, openIntacctPage, openPopup, test } from './harness';

test('explore popup', async ({ context, page, extensionId }) => {
  const frame = await openIntacctPage(page, 'ws-user-form');
  await expect(frame.getByTestId('ish-overlay')).toBeVisible();
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('ish-checklist')).toBeVisible();
  const r = await new AxeBuilder({ page: popup }).analyze();
  for (const v of r.violations) console.log('POPUP', v.impact, v.id, v.help, v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary?.replace(/\n/g, ' ')).slice(0, 6));
  await popup.screenshot({ path: 'test-results/screens/a11y-explore-popup.png', fullPage: true });
});

for (const fixture of FIXTURE_PAGES.filter((p) => p.kind && ['role-list', 'company-security', 'role-permissions'].includes(p.name))) {
  test(`explore ${fixture.name}`, async ({ page }) => {
    const frame = await openIntacctPage(page, fixture.name);
    await expect(frame.getByTestId('ish-overlay')).toBeVisible();
    const shadow = { fromShadowDom: ['ish-overlay-host', '[data-testid="ish-overlay"]'] as [string, string] };
    const builder = new AxeBuilder({ page });
    if (fixture.ownWindow) builder.include(shadow);
    else builder.include({ fromFrames: ['iframe#iamain', shadow] });
    const r = await builder.analyze();
    console.log(fixture.name, 'passes', r.passes.length, 'incomplete', r.incomplete.map((v) => v.id).join(','));
    for (const v of r.incomplete) console.log('INCOMPLETE', fixture.name, v.id, v.nodes.map((n) => JSON.stringify(n.target) + ' :: ' + n.any.map((a) => a.message).join('|')).slice(0, 5));
    await page.screenshot({ path: `test-results/screens/a11y-explore-${fixture.name}.png` });
    for (const v of r.violations) console.log('OVERLAY', fixture.name, v.impact, v.id, v.help, v.nodes.map((n) => JSON.stringify(n.target) + ' :: ' + n.failureSummary?.replace(/\n/g, ' ')).slice(0, 4));
  });
}
