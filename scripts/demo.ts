// `npm run demo`: the built extension in Chromium on the demo Intacct (every https://*.intacct.com page is
// served from tests/fixtures/intacct), so anyone sees the product work without an Intacct account.
// With a display it opens a browser to click through; without one it saves a screenshot of each page, and
// the store listing's 1280×800 screenshots into docs/store/screenshots/ and the popup's sections into docs/popup/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_PAGES } from '../tests/fixtures/intacct/catalog';
import { shellUrl } from '../tests/fixtures/intacct/router';
import { ROOT, launchIntacct, openIntacctPage } from '../tests/e2e/launch';
import { writePopupScreenshots } from './popup-screenshots';
import { writeStoreScreenshots } from './store-screenshots';

const headless = !process.env.DISPLAY;
const launched = await launchIntacct({ withExtension: true, headless });

if (!headless) {
  const page = await launched.context.newPage();
  await page.goto(shellUrl('ws-user-list'));
  console.log('Demo Intacct is open in Chromium: use the Company, Time & Expenses and Platform menus to visit each');
  console.log('setup page, and the puzzle-piece menu for the Intacct Setup Helper popup. Close the browser to stop.');
  await new Promise<void>((resolve) => launched.context.on('close', () => resolve()));
} else {
  const outDir = path.join(ROOT, 'demo-output');
  mkdirSync(outDir, { recursive: true });
  const page = await launched.context.newPage();
  let shown = 0;
  for (const fixture of FIXTURE_PAGES) {
    const frame = await openIntacctPage(page, fixture.name);
    if (fixture.kind) {
      try {
        await frame.getByTestId('ish-overlay').waitFor({ timeout: 5000 });
        shown++;
      } catch {
        console.log(`  ${fixture.label}: the guide did not appear`);
      }
    } else {
      await page.waitForTimeout(800);
    }
    await page.screenshot({ path: path.join(outDir, `${fixture.name}.png`) });
  }
  await page.close();
  const storeDir = path.join(ROOT, 'docs/store/screenshots');
  console.log(`Store screenshots (1280×800) in ${path.relative(process.cwd(), storeDir)}/:`);
  await writeStoreScreenshots(launched.context, storeDir);
  const popupDir = path.join(ROOT, 'docs/popup');
  console.log(`The popup's sections, as the README shows them, in ${path.relative(process.cwd(), popupDir)}/:`);
  await writePopupScreenshots(launched.context, popupDir);
  await launched.close();
  const setupPages = FIXTURE_PAGES.filter((p) => p.kind).length;
  console.log(`No display here, so the demo ran headless: the guide appeared on ${shown} of ${setupPages} setup pages.`);
  console.log(`Screenshots of all ${FIXTURE_PAGES.length} demo pages are in ${path.relative(process.cwd(), outDir) || '.'}/`);
  if (shown < setupPages) process.exitCode = 1;
}
