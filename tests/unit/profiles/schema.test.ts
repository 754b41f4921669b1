import { describe, expect, it } from 'vitest';
import { isPageKind } from '@/utils/pages/kinds';
import { crossCheckProfile } from '@/utils/profiles/import';
import { BUILT_IN_PROFILES } from '@/utils/profiles/registry';
import { appliesTo, IntegrationProfileSchema, type IntegrationProfile } from '@/utils/profiles/schema';

// Shared step ids other modules link to (brief); a built-in profile must not invent a synonym for them.
const KNOWN_STEP_IDS = new Set([
  'ws-user',
  'role',
  'permissions',
  'te-subscription',
  'te-configuration',
  'employees',
  'expense-types',
  'customization-services',
  'package-download',
  'package-upload',
  'sender-authorization',
  'connect',
  'sync-options',
  'earlier-processing-date',
  'platform-services',
  'app-install',
  'registration',
  'web-services-subscription',
  'purchase-order-documents',
  'charge-card-account',
]);

describe.each(BUILT_IN_PROFILES.map((p) => [p.name, p] as const))('built-in profile %s', (_name, profile: IntegrationProfile) => {
  it('passes the same schema an imported profile must pass', () => {
    const result = IntegrationProfileSchema.safeParse(profile);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has no duplicate ids, dangling conditions or misplaced field checks', () => {
    expect(crossCheckProfile(profile)).toEqual([]);
  });

  it('uses the shared step ids, so checklists and page guides can link to its steps', () => {
    for (const step of profile.steps) expect(KNOWN_STEP_IDS, step.id).toContain(step.id);
  });

  it('points every in-Intacct step at real pages and keeps outside-Intacct steps manual', () => {
    for (const step of profile.steps) {
      for (const kind of step.pageKinds) expect(isPageKind(kind)).toBe(true);
      if (step.pageKinds.length === 0) expect(step.manual, `${step.id} happens outside Intacct`).toBe(true);
    }
  });

  it('authorizes a sender step whenever the profile names sender IDs', () => {
    if (profile.senderIds.length > 0) expect(profile.steps.map((s) => s.id)).toContain('sender-authorization');
    for (const sender of profile.senderIds) expect(sender.caseSensitive).toBe(true);
  });

  it('never takes a bare “Time” for Time & Expenses: the current product has a Time application of its own', () => {
    const names = [...profile.permissions.flatMap((p) => [p.module, ...p.aliases]), ...profile.subscriptions.flatMap((s) => [s.name, ...(s.aliases ?? [])])];
    expect(names.map((n) => n.trim().toLowerCase())).not.toContain('time');
  });

  it('says where its facts come from', () => {
    expect(profile.source.title.length).toBeGreaterThan(5);
    expect(profile.source.citation.length).toBeGreaterThan(5);
  });
});

describe('conditions', () => {
  it('applies an item with no condition whatever the admin chose', () => {
    expect(appliesTo(undefined, {})).toBe(true);
  });
  it('needs every condition to hold', () => {
    const when = [
      { option: 'export', in: ['expense-reports'] },
      { option: 'dimensions', in: ['projects', 'customers'] },
    ];
    expect(appliesTo(when, { export: 'expense-reports', dimensions: 'customers' })).toBe(true);
    expect(appliesTo(when, { export: 'expense-reports', dimensions: 'none' })).toBe(false);
    expect(appliesTo(when, { export: 'vendor-bills', dimensions: 'projects' })).toBe(false);
  });
  it('treats an unanswered option as not matching', () => {
    expect(appliesTo([{ option: 'export', in: ['vendor-bills'] }], {})).toBe(false);
  });
});

describe('permissionsComplete', () => {
  const base = BUILT_IN_PROFILES[0]!;
  it('is optional and boolean', () => {
    expect(IntegrationProfileSchema.safeParse(base).success).toBe(true);
    expect(IntegrationProfileSchema.safeParse({ ...base, permissionsComplete: false }).success).toBe(true);
    expect(IntegrationProfileSchema.safeParse({ ...base, permissionsComplete: 'no' }).success).toBe(false);
  });
});

describe('built-in catalogue', () => {
  it('has unique profile ids and offers Expensify first', () => {
    const ids = BUILT_IN_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('expensify');
    expect(ids).toEqual([
      'expensify',
      'certify',
      'ramp',
      'brex',
      'bill-spend-expense',
      'expensein',
      'gorilla-expense',
      'emburse-spend',
      'databasics',
      'fyle',
      'tallie',
      'abacus',
    ]);
  });
});

describe('moreSources', () => {
  const base = BUILT_IN_PROFILES[0]!;
  const more = { title: 'A second article', citation: 'vendor.example 42', url: 'https://vendor.example/42' };
  it('is optional, so a profile written before it still parses', () => {
    expect(base.moreSources).toBeUndefined();
    expect(IntegrationProfileSchema.safeParse(base).success).toBe(true);
    expect(IntegrationProfileSchema.safeParse({ ...base, moreSources: [more] }).success).toBe(true);
  });
  it('holds sources in the same shape as source, https only', () => {
    expect(IntegrationProfileSchema.safeParse({ ...base, moreSources: [{ ...more, url: 'http://vendor.example/42' }] }).success).toBe(false);
    expect(IntegrationProfileSchema.safeParse({ ...base, moreSources: [{ url: 'https://vendor.example/42' }] }).success).toBe(false);
  });
});
