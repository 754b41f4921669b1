import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { normalizedContent, readCustomErpPackage } from '../../utils/package/custom-erp-package';
import { builtProfile } from '../unit/package/built-profile';
import { expect, openPopup, openSetting, showSection, test } from './harness';

async function importProfile(popup: Page, json: string): Promise<void> {
  await openSetting(popup, 'custom-profile');
  await popup.getByTestId('ish-profile-import').setInputFiles({
    name: 'acme-profile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json, 'utf8'),
  });
}

test('each built-in profile says where its package comes from', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId, 'package');
  const section = popup.getByTestId('ish-package');
  await expect(section).toHaveAttribute('data-kind', 'download');
  await expect(popup.getByTestId('ish-package-link')).toHaveAttribute('href', 'https://www.expensify.com/tools/integrations/downloadPackage');
  await expect(section).toContainText('Expensify supplies the package');

  await showSection(popup, 'settings');
  await popup.getByTestId('ish-integration').selectOption('certify');
  await showSection(popup, 'package');
  await expect(section).toHaveAttribute('data-kind', 'vendor-sends');
  await expect(popup.getByTestId('ish-package-note')).toContainText('Certify representative');
});

test('an imported profile’s package is built, saved, and parses back to the same package', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.setViewportSize({ width: 560, height: 900 });
  const profile = builtProfile();
  await importProfile(popup, JSON.stringify(profile, null, 2));
  await expect(popup.getByTestId('ish-import-ok')).toContainText('Acme Expenses');
  // The popup chooses the imported profile, and remembers it.
  await expect(popup.getByTestId('ish-integration')).toHaveValue('acme-expenses');
  await expect(popup.getByTestId('ish-package')).toHaveAttribute('data-kind', 'built');

  await showSection(popup, 'package');
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('ish-package-download').click()]);
  await expect(popup.getByTestId('ish-package-status')).toHaveText('Saved acme-expenses-package.xml to your downloads.');
  const file = await download.path();
  const xml = await readFile(file, 'utf8');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<customErpPackage')).toBe(true);
  const read = readCustomErpPackage(xml);
  if (!read.ok) throw new Error(read.problems.join('; '));
  if (profile.package?.kind !== 'built') throw new Error('no built package');
  expect(read.content).toEqual(normalizedContent(profile.package));
  await popup.screenshot({ path: 'test-results/screens/popup-package.png', fullPage: true });

  await popup.reload();
  await expect(popup.getByTestId('ish-integration')).toHaveValue('acme-expenses');
  await expect(popup.getByTestId('ish-package')).toHaveAttribute('data-kind', 'built');
});

test('a refused profile file lists each problem with its place in the file', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.setViewportSize({ width: 560, height: 900 });
  const broken = { ...builtProfile(), id: 'expensify', package: { kind: 'built', name: 'x', description: 'y', author: 'z', customFields: [] } };
  await importProfile(popup, JSON.stringify(broken));
  const problems = popup.getByTestId('ish-import-problem');
  await expect(problems.first()).toBeVisible();
  await expect(problems.filter({ hasText: 'package.customFields' })).toHaveCount(1);
  await expect(popup.getByTestId('ish-import-ok')).toHaveCount(0);
  await expect(popup.getByTestId('ish-integration')).toHaveValue('expensify');

  await importProfile(popup, '{ "id": "acme", ');
  await expect(problems.first()).toContainText('(the file)');
  await expect(problems.first()).toContainText('The file is not valid JSON');
  await popup.screenshot({ path: 'test-results/screens/popup-import-refused.png', fullPage: true });
});
