import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_MANAGED, MANAGED_KEYS, managedTaughtRules, parseManagedConfig } from '@/utils/managed/config';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { builtProfile } from '../package/built-profile';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const keysOf = (state: ReturnType<typeof parseManagedConfig>) => state.problems.map((p) => p.key);
const firstOption = EXPENSIFY_PROFILE.options[0]!;
const otherChoice = firstOption.choices.find((c) => c.value !== firstOption.default)!.value;

describe('the organization settings from storage.managed', () => {
  it('nothing set is no settings and no problem (Chrome answers {}, Firefox nothing)', () => {
    expect(parseManagedConfig({})).toEqual(EMPTY_MANAGED);
    expect(parseManagedConfig(undefined)).toEqual(EMPTY_MANAGED);
  });

  it('takes a complete, valid policy as given', () => {
    const state = parseManagedConfig({
      integration: 'expensify',
      options: { [firstOption.id]: otherChoice },
      lockIntegration: true,
      hideConnectionTest: true,
      organizationName: '  Acme Corp ',
      customProfiles: [JSON.stringify(builtProfile())],
      taughtRules: ['{"kind":"ws-user-form","title":"Web Services User Information"}'],
    });
    expect(state.problems).toEqual([]);
    expect(state.config).toEqual({
      integration: { profileId: 'expensify', options: { [firstOption.id]: otherChoice } },
      lockIntegration: true,
      hideConnectionTest: true,
      organizationName: 'Acme Corp',
      customProfiles: [builtProfile()],
      taughtRules: [{ kind: 'ws-user-form', title: 'Web Services User Information' }],
    });
  });

  it('lets the integration name one of the organization’s own profiles, given as text or (Firefox) as an object', () => {
    for (const entry of [JSON.stringify(builtProfile()), builtProfile()]) {
      const state = parseManagedConfig({ integration: 'acme-expenses', customProfiles: [entry] });
      expect(state.problems).toEqual([]);
      expect(state.config.integration?.profileId).toBe('acme-expenses');
    }
  });

  it('ignores each malformed value with a problem naming it, and keeps the rest', () => {
    const state = parseManagedConfig({
      integration: 'expensify',
      lockIntegration: 'yes',
      hideConnectionTest: true,
      organizationName: 42,
      options: { [firstOption.id]: 'never-a-choice', nonsense: 'x' },
      customProfiles: ['{ "id": "acme", ', { ...builtProfile(), steps: [] }, JSON.stringify({ ...builtProfile(), id: 'certify' })],
      taughtRules: ['not json', 7],
      lockintegration: true,
    });
    expect(keysOf(state)).toEqual(
      expect.arrayContaining([
        'lockintegration',
        'lockIntegration',
        'organizationName',
        'customProfiles.0',
        'customProfiles.1.steps',
        'customProfiles.2.id',
        'taughtRules.1',
        `options.${firstOption.id}`,
        'options.nonsense',
      ]),
    );
    expect(state.problems.find((p) => p.key === 'customProfiles.0')?.message).toContain('not valid JSON');
    expect(state.problems.find((p) => p.key === 'lockintegration')?.message).toContain('Not a setting');
    // What was well-formed still applies.
    expect(state.config.integration).toEqual({ profileId: 'expensify', options: {} });
    expect(state.config.hideConnectionTest).toBe(true);
    expect(state.config.lockIntegration).toBe(false);
    expect(state.config.customProfiles).toEqual([]);
    expect(state.config.organizationName).toBeUndefined();
  });

  it('an unknown integration is ignored, and a lock with nothing valid to lock says so and locks nothing', () => {
    const state = parseManagedConfig({ integration: 'no-such-tool', lockIntegration: true });
    expect(state.config.integration).toBeUndefined();
    expect(state.config.lockIntegration).toBe(false);
    expect(state.problems.map((p) => p.key)).toEqual(['integration', 'lockIntegration']);
    expect(state.problems[0]?.message).toContain('No integration "no-such-tool" is known');
  });

  it('a policy that is not an object of settings is one problem, never a crash', () => {
    for (const raw of ['expensify', 3, ['a'], true]) {
      const state = parseManagedConfig(raw);
      expect(state.config).toEqual(EMPTY_MANAGED.config);
      expect(state.problems).toHaveLength(1);
    }
  });

  it('hands the taught rules on as objects for page recognition to check', () => {
    const state = parseManagedConfig({ taughtRules: ['{"a":1}', { b: 2 }] });
    expect(managedTaughtRules(state.config)).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

describe('a policy built to be expensive (issue 23)', () => {
  const rule = { kind: 'sender-form', path: '/ia/acct/editor.phtml', queryKeys: [], names: ['partner credentials'], labels: [], taughtAt: 1 };
  const oneMegabyteRule = JSON.stringify({ ...rule, names: ['x'.repeat(1024 * 1024)] });

  it('refuses 500 taught rules of 1 MB each without parsing them, each with its reason, quickly', () => {
    const started = performance.now();
    const state = parseManagedConfig({ taughtRules: Array.from({ length: 500 }, () => oneMegabyteRule) });
    expect(performance.now() - started).toBeLessThan(500);
    expect(state.config.taughtRules).toEqual([]);
    expect(state.problems).toHaveLength(100);
    expect(state.more).toBe(400);
    expect(state.problems[0]).toEqual({ key: 'taughtRules.0', message: 'Over 8 KB; a taught rule is a few hundred characters.' });
  });

  it('measures a rule given as an object (Firefox) the same way, and keeps rules of a normal size', () => {
    const state = parseManagedConfig({ taughtRules: [{ ...rule, names: ['x'.repeat(1024 * 1024)] }, rule, JSON.stringify(rule)] });
    expect(state.problems.map((p) => p.key)).toEqual(['taughtRules.0']);
    expect(state.config.taughtRules).toHaveLength(2);
  });

  it('answers 100,000 option keys with one problem', () => {
    const options = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`option${i}`, 'x']));
    const state = parseManagedConfig({ integration: 'expensify', options });
    expect(state.problems).toEqual([{ key: 'options', message: '100000 options; an integration has at most 50.' }]);
    expect(state.config.integration).toEqual({ profileId: 'expensify', options: {} });
  });

  it('lists at most 100 problems and counts the rest', () => {
    const unknown = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`setting${i}`, true]));
    const state = parseManagedConfig(unknown);
    expect(state.problems).toHaveLength(100);
    expect(state.more).toBe(4900);
  });

  it('measures a profile given as an object before writing it out', () => {
    const state = parseManagedConfig({ customProfiles: [{ id: 'acme', name: 'x'.repeat(400 * 1024) }] });
    expect(state.problems).toEqual([{ key: 'customProfiles.0', message: 'Over 256 KB; a profile is at most that.' }]);
  });
});

describe('public/managed-schema.json (the Chrome and Edge managed storage schema)', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'public/managed-schema.json'), 'utf8')) as {
    type: string;
    properties: Record<string, { type: string; items?: { type: string }; additionalProperties?: { type: string } }>;
  };

  it('declares exactly the settings the extension reads', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  });

  it('uses only types Chrome accepts, and no object whose properties Chrome would strip', () => {
    // Tried on Chromium 156: "any" or a list of types makes the extension fail to load, and an object
    // with undeclared properties arrives empty.
    const CHROME_TYPES = ['boolean', 'string', 'integer', 'number', 'array', 'object'];
    const nodes = Object.values(schema.properties).flatMap((p) => [p, p.items, p.additionalProperties].filter((n) => n !== undefined));
    for (const node of nodes) {
      expect(CHROME_TYPES).toContain(node.type);
      if (node.type === 'object') expect('additionalProperties' in node || 'properties' in node).toBe(true);
    }
  });
});
