import { describe, expect, it } from 'vitest';
import { buildPageGuide } from '@/utils/guide/page-guide';

describe('what the overlay says on each page', () => {
  it('numbers the steps as the chosen options’ checklist does', () => {
    const guide = buildPageGuide({ profileId: 'expensify', options: { permissionModel: 'role-based' } }, 'ws-user-form');
    expect(guide.steps.map((s) => [s.id, s.number])).toEqual([['ws-user', 2]]);
    expect(guide.integrationName).toBe('Expensify');
  });

  it('warns on the sender window that a sender ID cannot be changed after saving', () => {
    const guide = buildPageGuide({ profileId: 'expensify', options: {} }, 'sender-form');
    expect(guide.cautions.join(' ')).toMatch(/case-sensitive.*cannot be changed.*“expensify”/);
    expect(buildPageGuide({ profileId: 'expensify', options: {} }, 'ws-user-form').cautions).toEqual([]);
  });

  it('says which options make a page irrelevant, and where to change them', () => {
    const guide = buildPageGuide({ profileId: 'expensify', options: { export: 'vendor-bills' } }, 'te-configuration');
    expect(guide.steps).toEqual([]);
    expect(guide.emptyNote).toContain('Vendor bills');
    expect(guide.emptyNote).toContain('popup');
  });

  it('falls back to Expensify when the chosen profile is gone', () => {
    expect(buildPageGuide({ profileId: 'deleted-profile', options: {} }, 'role-list').integrationName).toBe('Expensify');
  });
});
