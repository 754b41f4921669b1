import { describe, expect, it } from 'vitest';
import { SECTIONS, initialSection, sectionByKey } from '@/components/popup/sections';
import { checklistItems, itemsOnPages } from '@/utils/checklist/progress';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';

describe('the popup’s sections', () => {
  it('open on Setup unless the address names another section', () => {
    expect(initialSection('')).toBe('setup');
    expect(initialSection('#connection')).toBe('connection');
    expect(initialSection('#settings')).toBe('settings');
    // A stale or hostile hash is not a section.
    expect(initialSection('#<img src=x>')).toBe('setup');
    expect(initialSection('#Settings')).toBe('setup');
  });

  it('move like WAI-ARIA tabs: arrows wrap, Home and End go to the ends, other keys do nothing', () => {
    expect(sectionByKey('setup', 'ArrowRight')).toBe('connection');
    expect(sectionByKey('settings', 'ArrowRight')).toBe('setup');
    expect(sectionByKey('setup', 'ArrowLeft')).toBe('settings');
    expect(sectionByKey('audit', 'Home')).toBe('setup');
    expect(sectionByKey('connection', 'End')).toBe(SECTIONS[SECTIONS.length - 1]);
    expect(sectionByKey('package', 'Enter')).toBeNull();
    expect(sectionByKey('package', 'ArrowDown')).toBeNull();
  });
});

describe('where the open page is in the setup', () => {
  const items = checklistItems(EXPENSIFY_PROFILE, { export: 'expense-reports' }, { verified: {}, ticked: {} });

  it('finds the step done on a Web Services user form, and none on a page no step uses', () => {
    const here = itemsOnPages(items, ['ws-user-form']);
    expect(here.map((i) => i.step.id)).toEqual(['ws-user']);
    expect(here[0]?.number).toBeGreaterThan(0);
    expect(itemsOnPages(items, [])).toEqual([]);
  });

  it('finds a step for each of several frames', () => {
    const here = itemsOnPages(items, ['ws-user-list', 'company-security']);
    expect(here.map((i) => i.step.id)).toEqual(expect.arrayContaining(['ws-user', 'sender-authorization']));
  });
});
