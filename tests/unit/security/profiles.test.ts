import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomErpPackage, prepareCustomErpPackage, readCustomErpPackage } from '@/utils/package/custom-erp-package';
import { importCustomProfile, MAX_PROBLEMS, MAX_PROFILE_BYTES, MAX_VALUES_NAMED, type ProfileProblem } from '@/utils/profiles/import';
import { PROFILE_LIMITS, type IntegrationProfile } from '@/utils/profiles/schema';
import { builtProfile } from '../package/built-profile';
import { IMG_PAYLOAD, SVG_PAYLOAD } from '../../fixtures/intacct/hostile/payloads';
import { choicesFloodFile, crossCheckFloodFile, schemaFloodFile, unknownKeysFile } from '../../fixtures/intacct/hostile/profile-files';

// A profile file comes from outside (a vendor, a colleague, a download): the importer must refuse a hostile
// one with reasons, never throw, never pollute prototypes, and never accept what it cannot use safely.

type Mutable = Record<string, unknown> & { package: { customFields: Record<string, unknown>[] }; senderIds: Record<string, unknown>[] };

function profile(): Mutable {
  return builtProfile() as unknown as Mutable;
}

const json = (value: unknown): string => JSON.stringify(value);

function refused(text: string): ProfileProblem[] {
  const result = importCustomProfile(text);
  if (result.ok) throw new Error('the import was accepted');
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.message.trim()).not.toBe('');
  }
  return result.problems;
}

function paths(text: string): string[] {
  return refused(text).map((p) => p.path);
}

/** Every own key and descriptor of the prototypes a merge could reach. */
function prototypeSnapshot(): string {
  const describe = (o: object): string =>
    JSON.stringify(Object.getOwnPropertyNames(o).sort().map((k) => [k, typeof Object.getOwnPropertyDescriptor(o, k)?.value]));
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(describe).join('|');
}

let before = '';
beforeAll(() => {
  before = prototypeSnapshot();
});

afterEach(() => {
  // A refused import leaves every prototype as it was.
  expect(prototypeSnapshot()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
});

describe('prototype pollution', () => {
  const valid = json(profile());
  const withKey = (text: string, at: string, key: string): string => text.replace(at, `${at}"${key}":{"polluted":"yes","prototype":{"polluted":"yes"}},`);

  it('accepts the untouched profile (the baseline the hostile ones differ from)', () => {
    expect(importCustomProfile(valid).ok).toBe(true);
  });

  it.each([
    ['__proto__', '{'],
    ['constructor', '{'],
    ['prototype', '{'],
    ['__proto__', '"wsUser":{'],
    ['__proto__', '"source":{'],
    ['constructor', '"dataDescription":{'],
    ['__proto__', '"menuPath":{'],
  ])('refuses a "%s" key (in %s) by name', (key, at) => {
    const problems = refused(withKey(valid, at, key));
    expect(problems.some((p) => p.message.includes(`"${key}"`))).toBe(true);
  });

  it('refuses __proto__ holding an array or a string, and in every list item', () => {
    refused(valid.replace('{', '{"__proto__":[{"polluted":"yes"}],'));
    refused(valid.replace('{', '{"__proto__":"polluted",'));
    refused(valid.replace(/"senderIds":\[\{/, '"senderIds":[{"__proto__":{"polluted":"yes"},'));
  });

  it('never hands back an object whose prototype came from the file', () => {
    // Even where zod would allow extra keys, nothing accepted may carry a replaced prototype.
    const result = importCustomProfile(valid);
    if (!result.ok) throw new Error('baseline refused');
    const objects: object[] = [];
    const collect = (v: unknown): void => {
      if (v && typeof v === 'object') {
        objects.push(v);
        Object.values(v).forEach(collect);
      }
    };
    collect(result.profile);
    for (const o of objects) expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(o));
  });
});

describe('size and depth', () => {
  it('refuses a 300 KB file before parsing it, with a plain reason', () => {
    const big = { ...profile(), summary: 'x'.repeat(300 * 1024) };
    const problems = refused(json(big));
    expect(problems).toEqual([{ path: '', message: expect.stringMatching(/is 30\d KB; profiles are limited to 256 KB/) }]);
  });

  it('refuses 300 KB of anything, valid JSON or not', () => {
    expect(refused(' '.repeat(300 * 1024))[0]?.message).toMatch(/limited to 256 KB/);
    expect(refused('['.repeat(300 * 1024))[0]?.message).toMatch(/limited to 256 KB/);
    expect(MAX_PROFILE_BYTES).toBeLessThan(300 * 1024);
  });

  it('refuses deeply nested JSON where a value belongs, without overflowing the stack', () => {
    const depth = 100_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(deep.length).toBeLessThan(MAX_PROFILE_BYTES);
    expect(paths(json(profile()).replace(/"summary":"[^"]*"/, `"summary":${deep}`))).toEqual(['summary']);
    expect(paths(json(profile()).replace(/"knownGaps":\[\]/, `"knownGaps":[${deep}]`))).toEqual(['knownGaps.0']);
  });

  it('refuses deeply nested objects under an unknown key, and unclosed nesting, with a position', () => {
    const depth = 30_000;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(refused(json(profile()).replace('{', `{"x":${deepObject},`))[0]?.message).toMatch(/Unrecognized key: "x"/);
    expect(refused(`{"id":${'['.repeat(100_000)}`)[0]?.message).toMatch(/ends too early/);
  });
});

describe('numbers JSON cannot hold', () => {
  function textField(length: string): string {
    const p = profile();
    p.package.customFields = [
      { customFieldId: 'ACME_NOTE', type: 'text', ownerObject: 'eexpenses', label: 'Note', dataDescription: { kind: 'text', length: 987654 } },
    ];
    return json(p).replace('987654', length);
  }

  it.each(['1e999', '-1e999', '1e20', '1.5', '-1', '0'])('refuses %s as a text length, pointing at it', (value) => {
    expect(paths(textField(value))).toEqual(['package.customFields.0.dataDescription.length']);
  });

  it.each(['NaN', 'Infinity', '-Infinity', 'undefined', '0x10', '1_000'])('refuses %s as invalid JSON, with its line and column', (value) => {
    const problems = refused(textField(value));
    expect(problems[0]?.path).toBe('');
    expect(problems[0]?.message).toMatch(/not valid JSON.*line 1, column \d+/);
  });

  it('refuses a number where text belongs', () => {
    const p = profile();
    p.senderIds[0] = { ...p.senderIds[0], id: 1e308 };
    expect(paths(json(p))).toEqual(['senderIds.0.id']);
  });
});

describe('control and invisible characters', () => {
  it.each([
    ['senderIds.0.id', (p: Mutable) => (p.senderIds[0]!.id = 'Acme\u0000MPP')],
    ['senderIds.0.id', (p: Mutable) => (p.senderIds[0]!.id = 'Acme\u0007MPP')],
    ['senderIds.0.id', (p: Mutable) => (p.senderIds[0]!.id = 'Acme\u001bMPP')],
    ['package.customFields.0.customFieldId', (p: Mutable) => (p.package.customFields[0]!.customFieldId = 'ACME\u0008REPORT')],
    ['package.customFields.0.customFieldId', (p: Mutable) => (p.package.customFields[0]!.customFieldId = 'ACME\u0085REPORT')],
  ])('refuses a control character in an ID (%s)', (path, change) => {
    const p = profile();
    change(p);
    const problems = refused(json(p));
    expect(problems.map((x) => x.path)).toEqual([path]);
    expect(problems[0]?.message).toMatch(/control character \(U\+00[0-9A-F]{2}\)/);
  });

  it.each([
    ['a tab', 'Acme\tMPP'],
    ['a line break', 'Acme\nMPP'],
    ['a zero-width space', 'Acme\u200bMPP'],
    ['a right-to-left override', 'Acme\u202eMPP'],
    ['a byte-order mark', 'Acme\ufeffMPP'],
  ])('refuses %s inside a sender ID: it would look like another ID', (_what, id) => {
    const p = profile();
    p.senderIds[0]!.id = id;
    const problems = refused(json(p));
    expect(problems.map((x) => x.path)).toEqual(['senderIds.0.id']);
  });

  it('refuses an unpaired surrogate (a download could not encode it)', () => {
    const p = profile();
    p.package.customFields[0]!.label = 'Report \ud800 link';
    expect(paths(json(p))).toEqual(['package.customFields.0.label']);
  });

  it('accepts line breaks and emoji in prose', () => {
    const p = profile();
    p.summary = 'Line one.\nLine two 🧾, tab\there.';
    expect(importCustomProfile(json(p)).ok).toBe(true);
  });
});

describe('a built package’s custom field with a hostile label', () => {
  it('refuses a label XML cannot carry, at import, naming the field (not later, at download)', () => {
    for (const label of ['Report\u0000link', 'Report\u000blink', 'Report\ufffe']) {
      const p = profile();
      p.package.customFields[0]!.label = label;
      expect(paths(json(p)), JSON.stringify(label)).toEqual(['package.customFields.0.label']);
    }
  });

  it('keeps a markup label as text: the package escapes it and reads back the same words', () => {
    // Markup is only characters to Intacct's package format; refusing "<" would also refuse
    // "Acme <integrations@acme.example>" as an author. What matters is that it never becomes markup.
    const p = profile();
    p.package.customFields[0]!.label = IMG_PAYLOAD;
    p.package.customFields[0]!.description = SVG_PAYLOAD;
    const result = importCustomProfile(json(p));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const pkg = (result.profile as IntegrationProfile).package;
    if (pkg?.kind !== 'built') throw new Error('no built package');
    const prepared = prepareCustomErpPackage(pkg);
    if (!prepared.ok) throw new Error(prepared.problems.join('; '));
    expect(prepared.xml).not.toContain('<img');
    expect(prepared.xml).not.toContain('<svg');
    expect(prepared.xml).toContain('&lt;img src=x onerror=window.__ishPwned=1&gt;');
    const read = readCustomErpPackage(buildCustomErpPackage(pkg));
    if (!read.ok) throw new Error('package did not read back');
    expect(read.content.customFields[0]?.label).toBe(IMG_PAYLOAD);
    expect(read.content.customFields[0]?.description).toBe(SVG_PAYLOAD);
  });

  it('keeps a label that tries to close its XML element (or a CDATA section) inside its own field', () => {
    const p = profile();
    p.package.customFields[0]!.label = ']]></label><customField><customFieldId>EVIL</customFieldId></customField><label>';
    const result = importCustomProfile(json(p));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const pkg = result.profile.package;
    if (pkg?.kind !== 'built') throw new Error('no built package');
    const prepared = prepareCustomErpPackage(pkg);
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(prepared.xml.match(/<customField>/g)).toHaveLength(pkg.customFields.length);
  });
});

describe('a hostile file of 256 kB (issue 15)', () => {
  /** Refused within a second, with at most 100 problems listed and the rest counted. */
  function judged(text: string): { problems: ProfileProblem[]; more: number; ms: number } {
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_PROFILE_BYTES);
    expect(text.length).toBeGreaterThan(MAX_PROFILE_BYTES - 1024);
    const started = performance.now();
    const result = importCustomProfile(text);
    const ms = performance.now() - started;
    if (result.ok) throw new Error('the import was accepted');
    expect(ms).toBeLessThan(1000);
    expect(result.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    return { problems: result.problems, more: result.more, ms };
  }

  /** How many values a message names: the items of its longest list. */
  function valuesNamed(message: string): number {
    const lists = message.match(/\((?:choices|declared): [^)]*\)|expected one of [^\n]*|Unrecognized keys: [^\n]*/g) ?? [];
    return Math.max(0, ...lists.map((l) => l.replace(/ and \d+ more.*$/, '').split(/, |\|/).length));
  }

  it('with thousands of choices and of values that are not among them: refused by the list caps at once', () => {
    const { problems, more } = judged(choicesFloodFile());
    expect(problems.map((p) => p.path).sort()).toEqual(['options.0.choices', 'steps.0.when.0.in']);
    expect(problems.every((p) => /Too big: expected array to have <=50 items/.test(p.message))).toBe(true);
    expect(more).toBe(0);
  });

  it('within every cap, with tens of thousands of cross-check problems: 100 listed, the rest counted, ten choices a message', () => {
    const { problems, more } = judged(crossCheckFloodFile());
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(more).toBeGreaterThan(20_000);
    expect(problems[0]).toEqual({
      path: 'permissions.1.when.0.in.0',
      message: expect.stringMatching(/^"00" is not a choice of option "mode" \(choices: choice-0-y+, .*, choice-9-y+ and 40 more\)\.$/),
    });
    for (const p of problems) {
      expect(valuesNamed(p.message)).toBeLessThanOrEqual(MAX_VALUES_NAMED);
      expect(p.message.length).toBeLessThan(1500);
    }
  });

  it('with thousands of schema errors: zod’s lists of allowed values cut to ten', () => {
    const { problems, more } = judged(schemaFloodFile());
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(more).toBeGreaterThan(1000);
    expect(problems.find((p) => p.path === 'steps.0.pageKinds.0')?.message).toBe(
      'Invalid option: expected one of "ws-user-list"|"ws-user-form"|"role-list"|"role-form"|"role-subscriptions"|"role-permissions"|"user-subscriptions"|"user-permissions"|"company-subscriptions"|"te-configuration" and 6 more',
    );
    for (const p of problems) expect(valuesNamed(p.message)).toBeLessThanOrEqual(MAX_VALUES_NAMED);
  });

  it('with thousands of unknown keys: ten named, the rest counted', () => {
    const { problems, more } = judged(unknownKeysFile());
    expect(more).toBe(0);
    expect(problems).toEqual([{ path: '', message: expect.stringMatching(/^Unrecognized keys: "unknown-key-0", (?:"unknown-key-\d", ){8}"unknown-key-9" and \d{4,} more$/) }]);
  });

  it('caps every list and text of the schema, far above what the built-in profiles hold', () => {
    const p = profile();
    expect(paths(json({ ...p, summary: 'x'.repeat(PROFILE_LIMITS.text + 1) }))).toEqual(['summary']);
    expect(paths(json({ ...p, name: 'x'.repeat(PROFILE_LIMITS.name + 1) }))).toEqual(['name']);
    expect(paths(json({ ...p, knownGaps: Array.from({ length: PROFILE_LIMITS.shortList + 1 }, () => 'gap') }))).toEqual(['knownGaps']);
    const steps = (p as unknown as { steps: unknown[] }).steps;
    expect(paths(json({ ...p, steps: Array.from({ length: PROFILE_LIMITS.list + 1 }, () => steps[0]) }))).toEqual(['steps']);
  });
});
