import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Firefox reads enterprise policy from distribution/policies.json beside its binary, once at start;
 * policy for an add-on goes under "3rdparty" → "Extensions" → the add-on's id and reaches it as
 * storage.managed.
 *
 * The policy tests must not write the machine's file (/usr/lib/firefox-esr/distribution/policies.json):
 * every Firefox started on the machine meanwhile — another test job's, another CI run's — would read it
 * (a locked Certify integration made the other run's Fill and Apply tests fail). So each policy test runs a
 * Firefox of its own: the installed one's files linked into a temporary folder, with a copy of the launcher,
 * which then reads the distribution folder of that temporary folder only.
 */
export const FIREFOX_BINARY = realpathSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');

/** The policies.json a Firefox run from `dir` reads. */
function policyFileOf(dir: string): string {
  return path.join(dir, 'distribution', 'policies.json');
}

/** A Firefox of our own in a temporary folder, with `policies` in its distribution folder. */
function privateFirefox(policies: Record<string, unknown>): { executable: string; dir: string } {
  const installed = path.dirname(FIREFOX_BINARY);
  const dir = mkdtempSync(path.join(tmpdir(), 'ish-firefox-policy-'));
  for (const entry of readdirSync(installed)) {
    if (entry === 'distribution') continue;
    const from = path.join(installed, entry);
    // The launcher is copied: Firefox finds its folder from where its own binary really is.
    if (from === FIREFOX_BINARY) copyFileSync(from, path.join(dir, entry));
    else symlinkSync(from, path.join(dir, entry));
  }
  mkdirSync(path.join(dir, 'distribution'));
  writeFileSync(policyFileOf(dir), JSON.stringify({ policies }, null, 2));
  return { executable: path.join(dir, path.basename(FIREFOX_BINARY)), dir };
}

/** Runs `run` with a Firefox whose enterprise policy gives add-on `geckoId` the managed `policy`. */
export async function withFirefoxPolicy<T>(geckoId: string, policy: Record<string, unknown>, run: (executablePath: string) => Promise<T>): Promise<T> {
  const firefox = privateFirefox({ '3rdparty': { Extensions: { [geckoId]: policy } } });
  try {
    return await run(firefox.executable);
  } finally {
    rmSync(firefox.dir, { recursive: true, force: true });
  }
}
