import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The rules `npm run check:imports` (in CI) applies, read from the same file: each folder of utils/ has a
// tier, and an import is refused exactly when it goes up or sideways.
interface Rule {
  name: string;
  from: { path?: string; pathNot?: string };
  to: { path?: string; circular?: boolean };
}
const config = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs') as { forbidden: Rule[] };

function refused(from: string, to: string): string[] {
  return config.forbidden
    .filter((r) => r.from.path && new RegExp(r.from.path).test(from) && !(r.from.pathNot && new RegExp(r.from.pathNot).test(from)))
    .filter((r) => r.to.path !== undefined && new RegExp(r.to.path).test(to))
    .map((r) => r.name);
}

describe('folders import one way', () => {
  it('gives every folder and root module of utils/ a tier', () => {
    const root = path.resolve(__dirname, '../../../utils');
    const untiered = config.forbidden.find((r) => r.name === 'no-untiered-folder');
    for (const entry of readdirSync(root)) {
      expect(new RegExp(untiered?.from.pathNot ?? '^$').test(`utils/${entry}${entry.endsWith('.ts') ? '' : '/x.ts'}`), entry).toBe(true);
    }
  });

  it('refuses the reading model importing page recognition, and allows the other way', () => {
    expect(refused('utils/reading/text.ts', 'utils/pages/kinds.ts')).toEqual(['tier-reading']);
    expect(refused('utils/pages/kinds.ts', 'utils/reading/text.ts')).toEqual([]);
  });

  it('refuses the cycles issue #22 found: audit ↔ intacct, export ↔ background, export ↔ storage, messages ↔ pages', () => {
    expect(refused('utils/intacct/permissions.ts', 'utils/audit/rights.ts')).toContain('tier-intacct');
    expect(refused('utils/export/evidence.ts', 'utils/background/connection.ts')).toContain('tier-export');
    expect(refused('utils/storage/evidence.ts', 'utils/export/evidence.ts')).toContain('tier-storage');
    expect(refused('utils/pages/detect.ts', 'utils/messages/protocol.ts')).toContain('tier-pages');
  });

  it('refuses folders of one tier importing each other, and the core importing the UI', () => {
    expect(refused('utils/page-data/permissions-window.ts', 'utils/profiles/schema.ts')).toContain('tier-page-data');
    expect(refused('utils/audit/finding.ts', 'components/overlay/OverlayApp.tsx')).toContain('utils-not-to-ui');
  });

  it('keeps the extension API out of the pure core and the message protocol (the browser suites load them in Node)', () => {
    expect(refused('utils/messages/protocol.ts', '#imports')).toContain('pure-core');
    expect(refused('utils/audit/history.ts', 'node_modules/wxt/dist/browser.mjs')).toContain('pure-core');
    expect(refused('utils/storage/connection.ts', '#imports')).toEqual([]);
  });
});
