/** Intacct's UI pods (www.intacct.com, www-p02…) and API hosts are all under intacct.com (reference §3.1, §1.3). */
export const INTACCT_MATCHES = ['https://*.intacct.com/*'];

export function isIntacctUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'intacct.com' || u.hostname.endsWith('.intacct.com'));
  } catch {
    return false;
  }
}
