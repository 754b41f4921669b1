import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Firefox reads enterprise policy from distribution/policies.json beside its binary, once at start;
 * policy for an add-on goes under "3rdparty" → "Extensions" → the add-on's id and reaches it as
 * storage.managed. Writing it needs root (CI runs as root).
 */
export const FIREFOX_POLICY_FILE = process.env.FIREFOX_POLICY_FILE ?? '/usr/lib/firefox-esr/distribution/policies.json';

export function canWriteFirefoxPolicy(): boolean {
  return process.getuid?.() === 0 && existsSync(path.dirname(path.dirname(FIREFOX_POLICY_FILE)));
}

/**
 * Puts `policy` in place for add-on `geckoId` while `run` runs, then puts back what was there before
 * (nothing, or a policy file of the machine's own), also when `run` fails or the process is interrupted.
 */
export async function withFirefoxPolicy<T>(geckoId: string, policy: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const before = existsSync(FIREFOX_POLICY_FILE) ? readFileSync(FIREFOX_POLICY_FILE) : null;
  const dir = path.dirname(FIREFOX_POLICY_FILE);
  const createdDir = !existsSync(dir);
  const restore = (): void => {
    if (before) writeFileSync(FIREFOX_POLICY_FILE, before);
    else rmSync(FIREFOX_POLICY_FILE, { force: true });
    if (createdDir) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', restore);
  mkdirSync(dir, { recursive: true });
  // A machine policy of its own keeps applying; ours is added for our add-on only.
  const own = before ? (JSON.parse(before.toString('utf8')) as { policies?: Record<string, unknown> }) : {};
  const policies = { ...own.policies };
  const thirdParty = (policies['3rdparty'] ?? {}) as { Extensions?: Record<string, unknown> };
  policies['3rdparty'] = { ...thirdParty, Extensions: { ...thirdParty.Extensions, [geckoId]: policy } };
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify({ ...own, policies }, null, 2));
  try {
    return await run();
  } finally {
    restore();
    process.removeListener('exit', restore);
  }
}
