// The README's screenshots of the popup's sections (docs/popup/), taken from the built extension on the
// demo Intacct at the popup's real width, as an admin sees each section first: nothing is drawn by hand.
// `npm run demo` writes them; `npx tsx scripts/popup-screenshots.ts` writes only these (after `wxt build`).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { SECTIONS, SECTION_LABELS } from '../components/popup/sections';
import { DEMO_SENDER_PASSWORD, DEMO_USER_PASSWORD } from '../tests/e2e/whole-user-audit';
import { ROOT, extensionId, launchIntacct, openIntacctPage } from '../tests/e2e/launch';
import { showSection } from '../tests/e2e/popup-nav';

/** Chrome's popup limit; the popup's own width is set by its stylesheet. */
const LIMIT = { width: 800, height: 600 } as const;

export async function writePopupScreenshots(context: BrowserContext, outDir: string): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const page = await context.newPage();
  await openIntacctPage(page, 'ws-user-form');
  await page.waitForTimeout(500);
  const popup = await context.newPage();
  await popup.setViewportSize(LIMIT);
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
  await popup.getByTestId('ish-checklist').waitFor();
  const written: string[] = [];
  for (const section of SECTIONS) {
    if (section !== 'setup') await showSection(popup, section);
    if (section === 'audit') {
      // The audit as it reads after a sign-in: test the connection, then audit the whole user.
      await showSection(popup, 'connection');
      await popup.getByTestId('ish-conn-user-password').fill(DEMO_USER_PASSWORD);
      await popup.getByTestId('ish-conn-sender').fill('democo_sender');
      await popup.getByTestId('ish-conn-sender-password').fill(DEMO_SENDER_PASSWORD);
      await popup.getByTestId('ish-conn-test').click();
      await popup.getByTestId('ish-show-audit').click({ timeout: 20_000 });
      await popup.getByTestId('ish-check-permissions').click();
      await popup.getByTestId('ish-probe').waitFor({ timeout: 20_000 });
    }
    // Only the popup itself: the part of the page the popup's window would show.
    const size = await popup.evaluate((limit) => {
      const main = document.querySelector('main')?.getBoundingClientRect();
      return { width: document.body.scrollWidth, height: Math.min(Math.ceil((main?.bottom ?? limit) + 2), limit) };
    }, LIMIT.height);
    const file = path.join(outDir, `${section}.png`);
    await popup.screenshot({ path: file, clip: { x: 0, y: 0, width: size.width, height: size.height } });
    console.log(`  ${section}.png: ${SECTION_LABELS[section]}`);
    written.push(file);
  }
  await popup.close();
  await page.close();
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const launched = await launchIntacct({ withExtension: true, headless: true });
  try {
    await writePopupScreenshots(launched.context, path.join(ROOT, 'docs/popup'));
  } finally {
    await launched.close();
  }
}
