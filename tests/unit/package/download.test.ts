import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCustomErpPackage, normalizedContent } from '@/utils/package/custom-erp-package';
import { downloadBuiltPackage, packageFileName } from '@/utils/package/download';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { builtProfile } from './built-profile';

type DownloadOptions = { url: string; filename: string; saveAs?: boolean };

// fakeBrowser has no downloads API (build recipe): give it one to spy on.
function spyDownloads(impl: (o: DownloadOptions) => Promise<number> = async () => 7) {
  const download = vi.fn(impl);
  (fakeBrowser as unknown as { downloads: unknown }).downloads = { download };
  return download;
}

afterEach(() => {
  delete (fakeBrowser as unknown as { downloads?: unknown }).downloads;
  vi.useRealTimers();
});

describe('package download', () => {
  it('names the file <profile-id>-package.xml', () => {
    expect(packageFileName(builtProfile())).toBe('acme-expenses-package.xml');
  });

  it('saves through browser.downloads.download with that filename and a data: URL holding the checked package', async () => {
    const download = spyDownloads();
    const result = await downloadBuiltPackage(builtProfile(), { useBlob: false });
    expect(result).toEqual({ ok: true, filename: 'acme-expenses-package.xml', downloadId: 7 });
    expect(download).toHaveBeenCalledTimes(1);
    const options = download.mock.calls[0]?.[0];
    expect(options?.filename).toBe('acme-expenses-package.xml');
    expect(options?.saveAs).toBe(false);
    const prefix = 'data:application/xml;charset=utf-8,';
    expect(options?.url.startsWith(prefix)).toBe(true);
    const xml = decodeURIComponent(options?.url.slice(prefix.length) ?? '');
    const read = readCustomErpPackage(xml);
    const pkg = builtProfile().package;
    if (!read.ok || pkg?.kind !== 'built') throw new Error('package did not read back');
    expect(read.content).toEqual(normalizedContent(pkg));
  });

  it('hands Firefox a blob: URL (it refuses data: URLs) and releases it later', async () => {
    vi.useFakeTimers();
    const download = spyDownloads();
    const created: Blob[] = [];
    const revoke = vi.fn();
    const result = await downloadBuiltPackage(builtProfile(), {
      useBlob: true,
      createObjectURL: (blob) => {
        created.push(blob);
        return 'blob:chrome-extension://x/1';
      },
      revokeObjectURL: revoke,
    });
    expect(result.ok).toBe(true);
    expect(download.mock.calls[0]?.[0]).toMatchObject({ url: 'blob:chrome-extension://x/1', filename: 'acme-expenses-package.xml' });
    expect(created[0]?.type).toBe('application/xml');
    expect(revoke).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(revoke).toHaveBeenCalledWith('blob:chrome-extension://x/1');
  });

  it('builds nothing for a profile whose package is not built by the extension', async () => {
    const download = spyDownloads();
    const result = await downloadBuiltPackage(EXPENSIFY_PROFILE, { useBlob: false });
    expect(result.ok).toBe(false);
    expect(download).not.toHaveBeenCalled();
  });

  it('refuses to save a package that would not read back, and says why', async () => {
    const download = spyDownloads();
    const profile = builtProfile();
    if (profile.package?.kind !== 'built') throw new Error('no built package');
    profile.package.name = 'bad\u0000name';
    const result = await downloadBuiltPackage(profile, { useBlob: false });
    expect(result).toEqual({ ok: false, problems: ['name contains a control character that XML cannot carry'] });
    expect(download).not.toHaveBeenCalled();
  });

  it('reports a refused download instead of throwing', async () => {
    spyDownloads(async () => {
      throw new Error('Download blocked');
    });
    const result = await downloadBuiltPackage(builtProfile(), { useBlob: false });
    expect(result).toEqual({ ok: false, problems: ['The browser did not save the file (Download blocked).'] });
  });
});
