import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES } from '../../fixtures/intacct/catalog';
import { loadAllRounds } from '../../fixtures/intacct/blind/cases';
import { DETECTORS } from '@/utils/pages/detect';
import { PAGE_KINDS } from '@/utils/pages/kinds';
import { PAGE_SPECS, pageSpec } from '@/utils/pages/registry';
import { applyKindOf } from '@/utils/apply/plan-for-page';
import { pageProvesItsSteps } from '@/utils/checklist/progress';
import { describeSource } from '@/utils/export/evidence';

// Every page kind is one spec (issue #22): a kind is complete when it has a demo page, a case written blind
// and its line in the README, and what the product does on it follows from its spec alone.
const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const known = readme.slice(readme.indexOf('### The setup pages it knows'), readme.indexOf('### Adding a page kind'));
const blind = loadAllRounds();

describe('page kind specs', () => {
  it.each([...PAGE_KINDS])('%s has its spec, a demo page, a blind case and its README line', (kind) => {
    const spec = pageSpec(kind);
    expect(spec.kind).toBe(kind);
    expect(spec.name.length).toBeGreaterThan(3);
    expect(FIXTURE_PAGES.some((p) => p.kind === kind), 'a demo page in tests/fixtures/intacct/catalog.ts').toBe(true);
    expect(blind.some((c) => c.kind === kind), 'a case in a blind round').toBe(true);
    expect(known, 'its line in the README, "The setup pages it knows"').toContain(`**${spec.name}** (\`${kind}\`)`);
  });

  it('recognizes with the specs themselves, in the order of PAGE_KINDS', () => {
    expect(DETECTORS.map((d) => d.kind)).toEqual([...PAGE_KINDS]);
    expect(Object.keys(PAGE_SPECS).sort()).toEqual([...PAGE_KINDS].sort());
  });

  it('offers Apply, proves checklist steps and names evidence as each spec says', () => {
    for (const kind of PAGE_KINDS) {
      const spec = pageSpec(kind);
      expect(applyKindOf(kind)).toBe(spec.apply ?? null);
      expect(pageProvesItsSteps(kind)).toBe(spec.proves !== 'part');
      const words = describeSource({ view: 'permissions-window', pageKind: kind });
      expect(words).toContain(spec.evidenceSource ?? 'the Intacct page');
    }
    // What an admin notices: rights pages are applied and exported, the configuration page applies settings.
    expect(applyKindOf('role-permissions')).toBe('rights');
    expect(applyKindOf('te-configuration')).toBe('settings');
    expect(applyKindOf('ws-user-form')).toBeNull();
  });
});
