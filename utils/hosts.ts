/**
 * Where the content scripts run: Intacct's application pages, on any UI pod (www.intacct.com, www-p02…).
 * Help and marketing pages under intacct.com are left alone (docs/intacct.md#hosts-and-urls). The host permission stays
 * `https://*.intacct.com/*` for the API gateway and its returned endpoints (docs/intacct.md#api-sessions).
 */
export const INTACCT_MATCHES = ['https://*.intacct.com/ia/acct/*'];

/**
 * The frameset shell Intacct shows after sign-in (`/ia/acct/frameset.phtml`,
 * docs/intacct.md#frames-and-the-menu) holds the menus around iframe#iamain and is never a setup page
 * itself: the detector stays out of it, which spares one script context on every Intacct screen.
 */
export const INTACCT_SHELL = ['https://*.intacct.com/ia/acct/frameset.phtml*'];

/** Whether a frame's path is the frameset shell's (INTACCT_SHELL). */
export function isShellPath(pathname: string): boolean {
  return pathname.toLowerCase().startsWith('/ia/acct/frameset.phtml');
}

const APPLICATION_PREFIX = '/ia/acct/';

/**
 * Whether a taught page's path is one of Intacct's application pages (issue 23): under `/ia/acct/` (what
 * the detector itself matches, INTACCT_MATCHES), a page rather than the folder, not the frameset shell,
 * and without `..` segments. A taught rule registers a script for its path on every `*.intacct.com` host,
 * so a rule for `/` would reach developer and community sites too.
 */
export function isApplicationPagePath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.startsWith(APPLICATION_PREFIX) && lower.length > APPLICATION_PREFIX.length && !isShellPath(lower) && !lower.split('/').includes('..');
}

/** The extension's host permission; the injected overlay declares it so WXT adds no second pattern. */
export const INTACCT_HOSTS = ['https://*.intacct.com/*'];

export function isIntacctUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'intacct.com' || u.hostname.endsWith('.intacct.com'));
  } catch {
    return false;
  }
}
