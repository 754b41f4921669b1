import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = path.resolve(import.meta.dirname, '../../docs/store');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('docs/store (the listing the stores ask for)', () => {
  it('holds 1280×800 screenshots, as the Chrome Web Store, Edge Add-ons and AMO take them', () => {
    const shots = readdirSync(path.join(STORE, 'screenshots')).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBeGreaterThanOrEqual(3);
    expect(shots.length).toBeLessThanOrEqual(5);
    for (const shot of shots) expect(pngSize(path.join(STORE, 'screenshots', shot)), shot).toEqual({ width: 1280, height: 800 });
  });

  it('justifies every permission the built manifest asks for', () => {
    const text = readFileSync(path.join(STORE, 'permissions.md'), 'utf8');
    for (const permission of ['storage', 'scripting', 'downloads', 'https://*.intacct.com/*']) expect(text).toContain(`\`${permission}\``);
  });

  it('says what leaves the browser', () => {
    const text = readFileSync(path.join(STORE, 'privacy.md'), 'utf8');
    expect(text).toContain('*.intacct.com');
    expect(readFileSync(path.join(STORE, 'listing.md'), 'utf8')).toMatch(/Microsoft Edge/);
  });
});
