import { describe, expect, it } from 'vitest';
import { PAGE_KINDS, isPageKind } from '@/utils/pages/kinds';
import { PAGE_NAMES } from '@/utils/pages/registry';

describe('page kinds', () => {
  it('names every page kind for the admin', () => {
    for (const kind of PAGE_KINDS) expect(PAGE_NAMES[kind].length).toBeGreaterThan(3);
  });
  it('refuses a string that is not a page kind', () => {
    expect(isPageKind('ws-user-form')).toBe(true);
    expect(isPageKind('journal-entry')).toBe(false);
    expect(isPageKind(undefined)).toBe(false);
  });
});
