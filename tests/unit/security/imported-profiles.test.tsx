import { describe, expect, it } from 'vitest';
import { auditPage } from '@/utils/audit/page-audit';
import { evidenceToCsv } from '@/utils/export/evidence-csv';
import { evidenceToHtml } from '@/utils/export/evidence-report';
import { evidenceToJson } from '@/utils/export/pack';
import { buildPageGuide } from '@/utils/guide/page-guide';
import { importCustomProfile } from '@/utils/profiles/import';
import { BUILT_IN_PROFILES, profileName } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { evidenceOf, parseCsv } from '../export/evidence-fixture';
import { builtProfile } from '../package/built-profile';
import { parseHtml } from '../pages/load-fixture';

// An imported profile is a file from anywhere. It may not pass itself off as a profile that ships with the
// extension (issue 15: a second, identical "Expensify"), and its package link may lead only to a web page
// whose host the admin can see before clicking.

const json = (value: unknown): string => JSON.stringify(value);

function accepted(profile: unknown): IntegrationProfile {
  const result = importCustomProfile(json(profile));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.profile;
}

function problemsOf(profile: unknown): { path: string; message: string }[] {
  const result = importCustomProfile(json(profile));
  if (result.ok) throw new Error('the import was accepted');
  return result.problems;
}

/** A copy of the built-in Expensify profile under an id of its own: what an impostor file would hold. */
function expensifyCopy(change: Partial<IntegrationProfile> = {}): IntegrationProfile {
  return { ...structuredClone(BUILT_IN_PROFILES[0]!), id: 'expensify-copy', ...change };
}

describe('an import that takes a built-in profile’s name or id', () => {
  it.each(['Expensify', 'expensify', ' EXPENSIFY ', 'Ｅｘｐｅｎｓｉｆｙ', 'Expen-sify', 'Emburse Certify', 'BILL Spend & Expense'])(
    'is refused when it is called %j',
    (name) => {
      const problems = problemsOf(expensifyCopy({ name }));
      expect(problems).toContainEqual({ path: 'name', message: expect.stringMatching(/is the name of the built-in profile "[^"]+"; choose a name of your own/) });
    },
  );

  it('is refused when it takes a built-in id, whatever its name', () => {
    expect(problemsOf(expensifyCopy({ id: 'expensify', name: 'My Expensify setup' }))).toEqual([
      { path: 'id', message: '"expensify" is a built-in profile\'s id; choose another.' },
    ]);
  });

  it('is accepted under a name of its own', () => {
    expect(accepted(expensifyCopy({ name: 'Our Expensify variant' })).name).toBe('Our Expensify variant');
  });

  it.each([
    'Expensify — the built-in Expensify profile of Intacct Setup Helper, verified by Sage',
    'Expensify, our variant',
    'EXPENSIFY (official)',
    'Ｅｘｐｅｎｓｉｆｙ Plus',
    'Emburse Certify 2',
  ])('is refused when its name begins with a built-in’s: %j', (name) => {
    expect(problemsOf(expensifyCopy({ name }))).toContainEqual({ path: 'name', message: expect.stringMatching(/begins with the name of the built-in profile "[^"]+"; choose a name that does not/) });
  });

  it.each([
    ['\u3164Expensify', 'Hangul filler first'],
    ['Expensify\u3164', 'Hangul filler after'],
    ['Ex\u3164pen\u200Bsify', 'filler and zero-width space inside'],
    ['\uFFA0\u2800Expensify', 'halfwidth filler and braille blank'],
  ])('strips filler letters before comparing: %j (%s) is refused', (name) => {
    expect(problemsOf(expensifyCopy({ name: JSON.parse(`"${name}"`) as string })).map((p) => p.path)).toContain('name');
  });

  it('drops filler letters from the name it shows, and refuses a name of nothing but fillers', () => {
    expect(accepted(expensifyCopy({ name: 'Acme\u3164 Expenses\u200B' })).name).toBe('Acme Expenses');
    expect(problemsOf(expensifyCopy({ name: '\u3164\u3164\u3164' }))).toContainEqual({ path: 'name', message: expect.stringContaining('no visible letter or digit') });
  });
});

describe('"(imported)" comes first', () => {
  it('so a long name clipped by a narrow list cannot clip the mark off', () => {
    const imported = accepted({ ...builtProfile(), name: `Acme ${'very '.repeat(30)}long name` });
    expect(profileName(imported).startsWith('(imported) Acme very')).toBe(true);
  });
});

describe('"(imported)" wherever an imported profile’s name shows', () => {
  const imported = accepted(builtProfile());

  it('names built-in profiles as they are and imported ones as imported', () => {
    expect(BUILT_IN_PROFILES.map(profileName)).toEqual(BUILT_IN_PROFILES.map((p) => p.name));
    expect(profileName(imported)).toBe('(imported) Acme Expenses');
  });

  it('in the overlay: its title and what its checks say', () => {
    const guide = buildPageGuide({ profileId: imported.id, options: {} }, 'sender-form', [imported]);
    expect(guide.integrationName).toBe('(imported) Acme Expenses');
    const page = parseHtml('<html><head><title>Web Services Sender Information</title></head><body><h1>Web Services Sender Information</h1><form><label for="s">Sender ID</label><input id="s" name="s" value=""></form></body></html>');
    const findings = auditPage(page, 'sender-form', { ...imported, steps: [...imported.steps, senderStep()] }, {});
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => `${f.message} ${f.fix}`.includes('(imported) Acme Expenses'))).toBe(true);
  });

  it('in every file of an export: the JSON says so in its name and its own field, the CSV and the report in the name', () => {
    const evidence = evidenceOf([], { profile: imported });
    expect(evidence.integration).toMatchObject({ id: 'acme-expenses', name: '(imported) Acme Expenses', imported: true });
    expect(JSON.parse(evidenceToJson(evidence)).integration).toMatchObject({ name: '(imported) Acme Expenses', imported: true });
    expect(parseCsv(evidenceToCsv(evidenceOf([ROW], { profile: imported })))[1]).toContain('(imported) Acme Expenses');
    expect(evidenceToHtml(evidence, 'a'.repeat(64))).toContain('(imported) Acme Expenses');
    expect(evidenceOf([]).integration).toMatchObject({ name: 'Expensify', imported: false });
  });
});

const ROW = { id: 'field:sender-id', subject: 'Sender ID', status: 'missing' as const, found: '', expected: 'AcmeMPP', message: 'Missing.', fix: 'Type AcmeMPP.', group: 'Sender' };

/** A sender step with a field check, so a page audit of the sender form has something to say. */
function senderStep(): IntegrationProfile['steps'][number] {
  return {
    id: 'sender',
    title: 'Add the sender',
    pageKinds: ['sender-form'],
    menuPath: { older: 'Company > Setup > Configuration > Web Services' },
    instructions: ['Add AcmeMPP.'],
    fields: [
      { id: 'sender-id', pageKind: 'sender-form', labels: ['Sender ID'], subject: 'Sender ID', expect: { kind: 'equals', value: 'AcmeMPP', caseSensitive: true }, fix: 'Type AcmeMPP.' },
    ],
  };
}

describe('a profile’s package link', () => {
  const withLink = (url: string) => ({
    ...builtProfile(),
    package: { kind: 'download', url, fileHint: 'acme.xml', note: 'From Acme.' },
  });

  it.each(['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'http://acme.example/package.xml', 'ftp://acme.example/p.xml', 'not a url'])(
    'refuses %s: https only',
    (url) => {
      expect(problemsOf(withLink(url)).map((p) => p.path)).toEqual(['package.url']);
    },
  );

  it('refuses a source link that is not https either', () => {
    const p = builtProfile();
    expect(problemsOf({ ...p, source: { ...p.source, url: 'javascript:alert(1)' } }).map((x) => x.path)).toEqual(['source.url']);
  });

  it('accepts an https link', () => {
    expect(accepted(withLink('https://downloads.acme.example/intacct/package.xml')).package).toMatchObject({ kind: 'download' });
  });
});
