// The store listing's screenshots (docs/store/screenshots/, 1280×800 as the Chrome Web Store, Edge
// Add-ons and addons.mozilla.org take them), taken by the headless `npm run demo` from the built
// extension on the demo Intacct: nothing is drawn by hand.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionId, openIntacctPage } from '../tests/e2e/launch';

export const STORE_SIZE = { width: 1280, height: 800 } as const;
/** The popup's width (components/popup/popup.css). */
const POPUP_WIDTH = 560;

interface Shot {
  file: string;
  /** What the shot shows, for the demo's output. */
  caption: string;
  take: (context: BrowserContext, page: Page, file: string) => Promise<void>;
}

/** An Intacct page with the guide beside it, once its checks are in. */
function pageShot(name: string, readyFinding: string): Shot['take'] {
  return async (_context, page, file) => {
    const frame = await openIntacctPage(page, name);
    await frame.locator(`[data-testid="ish-finding"][data-subject="${readyFinding}"]`).waitFor();
    await page.screenshot({ path: file });
  };
}

/**
 * The popup cannot be captured open over the toolbar in a headless browser, so its real rendering is
 * placed over the Intacct page it belongs to, where a toolbar popup opens (top right).
 */
async function connectionShot(context: BrowserContext, page: Page, file: string): Promise<void> {
  const frame = await openIntacctPage(page, 'company-security');
  await frame.getByTestId('ish-overlay').waitFor();
  const behind = await page.screenshot();

  const popup = await context.newPage();
  await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html#connection`);
  await popup.getByTestId('ish-conn-user-password').fill('demo-password');
  await popup.getByTestId('ish-conn-sender').fill('unauthorized');
  await popup.getByTestId('ish-conn-sender-password').fill('demo-password');
  await popup.getByTestId('ish-conn-test').click();
  const result = popup.getByTestId('ish-conn-result');
  await result.waitFor({ timeout: 20_000 });
  const front = await popup.screenshot();
  await popup.close();

  const canvas = await context.newPage();
  await canvas.setViewportSize(STORE_SIZE);
  const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await canvas.setContent(
    `<body style="margin:0;width:${STORE_SIZE.width}px;height:${STORE_SIZE.height}px;overflow:hidden;position:relative">` +
      `<img src="${img(behind)}" style="position:absolute;inset:0;filter:brightness(0.92)">` +
      `<img src="${img(front)}" style="position:absolute;top:14px;right:18px;width:${POPUP_WIDTH}px;border:1px solid #aab7c2;` +
      `border-radius:8px;box-shadow:0 10px 32px rgba(0,0,0,.35)">` +
      '</body>',
  );
  await canvas.screenshot({ path: file });
  await canvas.close();
}

const SHOTS: Shot[] = [
  { file: '1-web-services-user.png', caption: 'the Web Services user form, checked live', take: pageShot('ws-user-form', 'User type') },
  {
    file: '2-permissions-window.png',
    caption: 'the Permissions window: missing, wrong and excess rights',
    take: pageShot('role-permissions', 'General Ledger › Accounts'),
  },
  { file: '3-sender-id.png', caption: 'the case-sensitive sender ID on the Security page', take: pageShot('company-security', 'Sender ID expensify') },
  { file: '4-connection-test.png', caption: 'the popup’s connection test and its diagnosis', take: connectionShot },
];

/** Writes every store screenshot into `outDir` (replacing what was there); returns the files written. */
export async function writeStoreScreenshots(context: BrowserContext, outDir: string): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const written: string[] = [];
  for (const shot of SHOTS) {
    const file = path.join(outDir, shot.file);
    await shot.take(context, page, file);
    console.log(`  ${shot.file}: ${shot.caption}`);
    written.push(file);
  }
  await page.close();
  return written;
}
