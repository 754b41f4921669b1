import { browser } from 'wxt/browser';
import type { IntegrationProfile } from '@/utils/profiles/schema';

export function packageFileName(profile: Pick<IntegrationProfile, 'id'>): string {
  return `${profile.id}-package.xml`;
}

export interface DownloadDeps {
  download?: (options: { url: string; filename: string; saveAs?: boolean }) => Promise<number>;
  /**
   * Firefox refuses data: URLs in downloads.download ("Access denied for URL"), so there the popup hands
   * it a blob: URL; Chrome takes the data: URL, which also outlives the popup if it closes mid-download.
   */
  useBlob?: boolean;
  createObjectURL?: (blob: Blob) => string;
  revokeObjectURL?: (url: string) => void;
}

export type DownloadResult = { ok: true; filename: string; downloadId: number } | { ok: false; problems: string[] };

const BLOB_LIFETIME_MS = 60_000;

/**
 * Builds the profile's Customization Services package, checks it by reading it back, and saves it as
 * `<profile-id>-package.xml`. Only for `built` packages; never throws.
 */
export async function downloadBuiltPackage(profile: IntegrationProfile, deps: DownloadDeps = {}): Promise<DownloadResult> {
  const pkg = profile.package;
  if (pkg?.kind !== 'built') return { ok: false, problems: [`${profile.name} has no package for the extension to build.`] };
  // The XML builder and parser load only when the admin asks for the package, not with every popup.
  const { prepareCustomErpPackage } = await import('./custom-erp-package');
  const prepared = prepareCustomErpPackage(pkg);
  if (!prepared.ok) return prepared;
  const filename = packageFileName(profile);
  const useBlob = deps.useBlob ?? import.meta.env.FIREFOX === true;
  let url: string;
  let revoke: (() => void) | undefined;
  if (useBlob) {
    const create = deps.createObjectURL ?? ((blob: Blob) => URL.createObjectURL(blob));
    const release = deps.revokeObjectURL ?? ((href: string) => URL.revokeObjectURL(href));
    url = create(new Blob([prepared.xml], { type: 'application/xml' }));
    revoke = () => release(url);
  } else {
    url = `data:application/xml;charset=utf-8,${encodeURIComponent(prepared.xml)}`;
  }
  try {
    const download = deps.download ?? ((options) => browser.downloads.download(options));
    const downloadId = await download({ url, filename, saveAs: false });
    return { ok: true, filename, downloadId };
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    return { ok: false, problems: [`The browser did not save the file${detail}.`] };
  } finally {
    if (revoke) setTimeout(revoke, BLOB_LIFETIME_MS);
  }
}
