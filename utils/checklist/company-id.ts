/**
 * The Intacct company the admin is signed in to. ASSUMED (docs/intacct.md#hosts-and-urls,
 * docs/intacct.md#assumptions-the-extension-makes): the frameset URL carries `.cc=<company>` after
 * sign-in, and the header shows "Company name (COMPANYID)". Both are read; neither is documented, so
 * this returns null rather than guess.
 */
export function readCompanyId(doc: Document | null, url: string): string | null {
  try {
    const cc = new URL(url).searchParams.get('.cc');
    if (cc && /^[A-Za-z0-9_.-]{1,64}$/.test(cc)) return cc;
  } catch {
    // not a URL: fall through to the header
  }
  const header = doc?.querySelector('[data-company-id], .companyname, #companyname, .company');
  const attr = header?.getAttribute('data-company-id');
  if (attr && /^[A-Za-z0-9_.-]{1,64}$/.test(attr)) return attr;
  const text = header?.textContent ?? '';
  const match = /\(([A-Za-z0-9_.-]{1,64})\)\s*$/.exec(text.trim());
  return match?.[1] ?? null;
}
