import { existsSync } from 'node:fs';
import path from 'node:path';
import { extensionId, launchIntacct } from '../tests/e2e/launch';
import { auditWholeUser, exportFromPopup, popupAfterIntacct, setReviewer } from '../tests/e2e/whole-user-audit';

export const PACK_FILE_NAMES = ['audit.json', 'audit.csv', 'report.html', 'SHA256SUMS'];

/**
 * What an admin gets from "Export evidence" after a whole-user audit of the demo Intacct: the built
 * extension in headless Chromium, the popup's own buttons, Chromium's own download folder (`outDir`).
 * Returns the pack's folder.
 */
export async function writeDemoEvidence(outDir: string, reviewer = 'Demo Reviewer'): Promise<string> {
  const launched = await launchIntacct({ withExtension: true, headless: true, downloadsDir: outDir });
  try {
    const id = await extensionId(launched.context);
    const page = await launched.context.newPage();
    const popup = await popupAfterIntacct(launched.context, page, id);
    await setReviewer(popup, reviewer);
    await auditWholeUser(popup);
    const folder = await exportFromPopup(popup, 'ish-export-evidence');
    const dir = path.join(outDir, folder);
    // The popup answers once the downloads started; Chromium finishes writing them a moment later.
    for (let i = 0; i < 100 && !PACK_FILE_NAMES.every((f) => existsSync(path.join(dir, f))); i++) await page.waitForTimeout(100);
    const missing = PACK_FILE_NAMES.filter((f) => !existsSync(path.join(dir, f)));
    if (missing.length) throw new Error(`Chromium did not write ${missing.join(', ')} in ${dir}`);
    // A download still in progress has a .crdownload beside it.
    await page.waitForTimeout(300);
    return dir;
  } finally {
    await launched.close();
  }
}
