import { describe, expect, it } from 'vitest';
import { EMPTY_FRAMES, applyPageReport, forgetTab, parseRecognizedFrames } from '@/utils/storage/frames';

describe('what the popup knows of each tab', () => {
  it('remembers the setup page recognized in a frame of a tab', () => {
    const s = applyPageReport(EMPTY_FRAMES, 7, 3, 'ws-user-form', 'https://www-p02.intacct.com/x', 1);
    expect(s.tabs['7']).toEqual([{ frameId: 3, kind: 'ws-user-form', url: 'https://www-p02.intacct.com/x', at: 1 }]);
    expect(s.lastTabId).toBe(7);
  });

  it('forgets a frame that moved on to an ordinary page', () => {
    let s = applyPageReport(EMPTY_FRAMES, 7, 3, 'role-list', 'u', 1);
    s = applyPageReport(s, 7, 3, null, 'u', 2);
    expect(s.tabs['7']).toBeUndefined();
  });

  it('replaces a frame’s page when it navigates to another setup page', () => {
    let s = applyPageReport(EMPTY_FRAMES, 7, 3, 'role-list', 'u', 1);
    s = applyPageReport(s, 7, 3, 'role-form', 'u', 2);
    expect(s.tabs['7']?.map((f) => f.kind)).toEqual(['role-form']);
  });

  it('drops every frame of a tab when its top document reloads', () => {
    let s = applyPageReport(EMPTY_FRAMES, 7, 3, 'role-list', 'u', 1);
    s = applyPageReport(s, 7, 0, 'sender-form', 'u', 2);
    expect(s.tabs['7']?.map((f) => f.frameId)).toEqual([0]);
  });

  it('never stores the Intacct session that rides in the URL', () => {
    const s = applyPageReport(EMPTY_FRAMES, 7, 3, 'role-list', 'https://www-p02.intacct.com/ia/acct/lister.phtml?.sess=SECRET..&.it=role', 1);
    expect(JSON.stringify(s)).not.toContain('SECRET');
    expect(s.tabs['7']?.[0]?.url).toBe('https://www-p02.intacct.com/ia/acct/lister.phtml');
  });

  it('forgets a closed tab', () => {
    const s = forgetTab(applyPageReport(EMPTY_FRAMES, 7, 3, 'role-list', 'u', 1), 7);
    expect(s).toEqual(EMPTY_FRAMES);
  });

  it('falls back to nothing known when storage holds something malformed', () => {
    expect(parseRecognizedFrames({ tabs: { 7: [{ kind: 'nope' }] } })).toEqual(EMPTY_FRAMES);
    expect(parseRecognizedFrames(undefined)).toEqual(EMPTY_FRAMES);
  });
});
