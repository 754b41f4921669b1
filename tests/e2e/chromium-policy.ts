import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Debian's Chromium reads machine policy from JSON files in this folder at start; extension policy goes
 * under "3rdparty" → "extensions" → the extension's id, and reaches the extension as storage.managed.
 * Writing it needs root (CI runs as root).
 */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export function canWritePolicy(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Puts `policy` in place for the extension at `extensionDir` while `run` runs, and removes it (and any
 * folder it had to create) afterwards, also when `run` fails or the process is interrupted.
 */
export async function withChromiumPolicy<T>(extensionDir: string, policy: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const created: string[] = [];
  for (let dir = CHROMIUM_POLICY_DIR; !existsSync(dir); dir = path.dirname(dir)) created.unshift(dir);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = path.join(CHROMIUM_POLICY_DIR, `intacct-setup-helper-e2e-${process.pid}.json`);
  const cleanUp = (): void => {
    rmSync(file, { force: true });
    for (const dir of [...created].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: someone else's policy lives there too.
      }
    }
  };
  process.once('exit', cleanUp);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: policy } } }, null, 2));
  try {
    return await run();
  } finally {
    cleanUp();
    process.removeListener('exit', cleanUp);
  }
}
