import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset, importCustomProfile, MAX_PROFILE_BYTES } from '@/utils/profiles/import';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { fieldRulesFor, getProfile, requiredSteps } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';

function customProfile(): IntegrationProfile {
  return {
    id: 'acme-expenses',
    name: 'Acme Expenses',
    vendor: 'Acme',
    source: { title: 'Acme: connecting Sage Intacct', citation: 'Acme onboarding PDF, 2025', url: 'https://acme.example/intacct' },
    summary: 'Acme posts card spend as journal entries.',
    options: [
      {
        id: 'cards',
        label: 'Company cards',
        help: '',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        default: 'no',
      },
    ],
    steps: [
      {
        id: 'ws-user',
        title: 'Create the Acme user',
        pageKinds: ['ws-user-form'],
        menuPath: { older: 'Company > Web Services Users > New' },
        instructions: ['Add a web services user called acme.'],
        fields: [
          {
            id: 'ws-user-id',
            pageKind: 'ws-user-form',
            labels: ['User ID'],
            subject: 'User ID',
            expect: { kind: 'equals', value: 'acme', caseSensitive: false },
            fix: 'Enter acme.',
          },
        ],
      },
      {
        id: 'sender-authorization',
        title: 'Authorize AcmeMPP',
        pageKinds: ['sender-form'],
        menuPath: { older: 'Company > Company Info > Security > Edit' },
        instructions: ['Add AcmeMPP.'],
        when: [{ option: 'cards', in: ['yes'] }],
      },
    ],
    senderIds: [{ id: 'AcmeMPP', caseSensitive: true, note: 'Exactly so.' }],
    subscriptions: [{ name: 'Web Services', why: 'API access.' }],
    permissions: [
      {
        module: 'Cash Management',
        aliases: [],
        access: 'custom',
        objects: [{ name: 'Credit Card Transactions', rights: ['List', 'Add'] }],
        when: [{ option: 'cards', in: ['yes'] }],
        why: 'Card spend.',
      },
    ],
    package: {
      kind: 'built',
      name: 'Acme fields',
      description: 'Receipt links',
      author: 'Acme',
      customFields: [
        {
          customFieldId: 'ACME_RECEIPT_URL',
          type: 'url',
          ownerObject: 'gldetail',
          label: 'Receipt',
          dataDescription: { kind: 'url' },
        },
      ],
    },
    wsUser: { userId: 'acme', userType: 'Business', adminPrivileges: 'Full', note: 'Any email.' },
    knownGaps: [],
  };
}

function refused(json: string) {
  const result = importCustomProfile(json);
  if (result.ok) throw new Error('expected the profile to be refused');
  return result.problems;
}

describe('importing a custom profile', () => {
  it('accepts a valid profile and gives back the same data', () => {
    const original = customProfile();
    const result = importCustomProfile(JSON.stringify(original, null, 2));
    expect(result).toEqual({ ok: true, profile: original });
    if (!result.ok) return;
    expect(requiredSteps(result.profile, {}).map((s) => s.id)).toEqual(['ws-user']);
    expect(requiredSteps(result.profile, { cards: 'yes' }).map((s) => s.id)).toEqual(['ws-user', 'sender-authorization']);
    expect(getProfile('acme-expenses', [result.profile])?.name).toBe('Acme Expenses');
    expect(getProfile('acme-expenses')).toBeUndefined();
  });

  it('round-trips a profile exported from a built-in one under a new id', () => {
    const copy = { ...EXPENSIFY_PROFILE, id: 'expensify-copy', name: 'Our Expensify variant' };
    const result = importCustomProfile(JSON.stringify(copy));
    expect(result).toEqual({ ok: true, profile: copy });
    if (result.ok) expect(fieldRulesFor(result.profile, {}, 'sender-form')).toHaveLength(2);
  });

  it('tolerates the byte-order mark some editors save', () => {
    expect(importCustomProfile('\uFEFF' + JSON.stringify(customProfile())).ok).toBe(true);
  });

  it('points at the line and column of broken JSON', () => {
    const problems = refused('{\n  "id": "acme",\n  "name": "Acme",,\n}');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('');
    expect(problems[0]?.message).toMatch(/not valid JSON.*line 3, column 18/);
  });

  it('says when the file stops in the middle', () => {
    const problems = refused('{"id": "acme", "steps": [');
    expect(problems[0]?.message).toMatch(/ends too early at line 1, column 26/);
  });

  it('refuses an empty file as invalid JSON, not as a crash', () => {
    expect(refused('')[0]?.message).toMatch(/not valid JSON/);
  });

  it('names the path and expected type of a wrong value', () => {
    const profile = customProfile() as unknown as Record<string, unknown>;
    const problems = refused(JSON.stringify({ ...profile, name: 42, steps: [{ ...customProfile().steps[0], manual: 'yes' }] }));
    expect(problems.map((p) => p.path)).toEqual(['name', 'steps.0.manual']);
    expect(problems[0]?.message).toMatch(/expected string/);
    expect(problems[1]?.message).toMatch(/expected boolean/);
  });

  it('refuses a page kind the extension does not know', () => {
    const profile = customProfile();
    const json = JSON.stringify(profile).replace('"pageKinds":["ws-user-form"]', '"pageKinds":["journal-entry"]');
    const problems = refused(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('steps.0.pageKinds.0');
    expect(problems[0]?.message).toMatch(/ws-user-form/);
  });

  it('refuses a condition on an option the profile never declares', () => {
    const profile = customProfile();
    const step = profile.steps[1];
    if (step) step.when = [{ option: 'card', in: ['yes'] }];
    const problems = refused(JSON.stringify(profile));
    expect(problems).toEqual([{ path: 'steps.1.when.0.option', message: expect.stringMatching(/No option "card".*declared: cards/) }]);
  });

  it('refuses a condition on a value the option does not offer', () => {
    const profile = customProfile();
    const permission = profile.permissions[0];
    if (permission) permission.when = [{ option: 'cards', in: ['maybe'] }];
    expect(refused(JSON.stringify(profile))).toEqual([
      { path: 'permissions.0.when.0.in.0', message: expect.stringMatching(/"maybe" is not a choice of option "cards"/) },
    ]);
  });

  it('refuses two steps with the same id', () => {
    const profile = customProfile();
    const first = profile.steps[0];
    if (first) profile.steps.push({ ...first, fields: undefined });
    expect(refused(JSON.stringify(profile))).toEqual([
      { path: 'steps.2.id', message: 'Step id "ws-user" is already used by steps.0.' },
    ]);
  });

  it('refuses a field check on a page its step does not cover', () => {
    const profile = customProfile();
    const rule = profile.steps[0]?.fields?.[0];
    if (rule) rule.pageKind = 'sender-form';
    expect(refused(JSON.stringify(profile))).toEqual([
      { path: 'steps.0.fields.0.pageKind', message: expect.stringMatching(/not among step "ws-user"'s pageKinds/) },
    ]);
  });

  it('refuses an option whose default is not one of its choices', () => {
    const profile = customProfile();
    const option = profile.options[0];
    if (option) option.default = 'sometimes';
    expect(refused(JSON.stringify(profile)).map((p) => p.path)).toEqual(['options.0.default']);
  });

  it('refuses taking over a built-in profile’s id', () => {
    const problems = refused(JSON.stringify({ ...customProfile(), id: 'expensify' }));
    expect(problems).toEqual([{ path: 'id', message: expect.stringMatching(/built-in/) }]);
  });

  it('reports a misspelt key instead of silently ignoring it', () => {
    const profile = { ...customProfile(), knowngaps: [] } as Record<string, unknown>;
    const problems = refused(JSON.stringify(profile));
    expect(problems).toEqual([{ path: '', message: expect.stringMatching(/knowngaps/) }]);
  });

  it('refuses a package field whose data description does not match its type', () => {
    const profile = customProfile();
    if (profile.package?.kind === 'built' && profile.package.customFields[0]) {
      profile.package.customFields[0].dataDescription = { kind: 'text', length: 80 };
    }
    expect(refused(JSON.stringify(profile)).map((p) => p.path)).toEqual(['package.customFields.0.dataDescription.kind']);
  });

  it('refuses a case-insensitive sender ID', () => {
    const profile = customProfile() as unknown as { senderIds: Record<string, unknown>[] };
    profile.senderIds = [{ id: 'AcmeMPP', caseSensitive: false, note: 'x' }];
    expect(refused(JSON.stringify(profile)).map((p) => p.path)).toEqual(['senderIds.0.caseSensitive']);
  });

  it('refuses a file over the size limit with a plain explanation', () => {
    const profile = { ...customProfile(), summary: 'x'.repeat(MAX_PROFILE_BYTES) };
    const problems = refused(JSON.stringify(profile));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/limited to 256 KB/);
  });

  it('counts bytes, not characters, against the limit', () => {
    const big = { ...customProfile(), summary: 'é'.repeat(MAX_PROFILE_BYTES / 2) };
    expect(refused(JSON.stringify(big))[0]?.message).toMatch(/limited to 256 KB/);
  });

  it('reports a JSON value that is not an object as a wrong type, not a crash', () => {
    expect(refused('[1, 2]')).toEqual([{ path: '', message: expect.stringMatching(/expected object/) }]);
    expect(refused('null')[0]?.path).toBe('');
  });
});

describe('finding the JSON error position', () => {
  it.each([
    ['{"a": 1}', -1],
    ['[1, 2, {"b": [true, false, null, -0.5e3, "x\\u00e9\\n"]}]', -1],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[01]', 2],
    ['"tab\there"', 4],
    ['{"a": tru}', 6],
    ['[1] 2', 4],
    ['{"a": "b\\q"}', 8],
    ['[[[', 3],
  ])('%s → %i', (text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(valid).toBe(offset === -1);
  });

  it('survives very deep nesting', () => {
    expect(findJsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });
});
