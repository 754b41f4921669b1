import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { readCompanyId } from '@/utils/checklist/company-id';
import {
  checklistItems,
  nextStep,
  parseChecklistStore,
  progressLine,
  progressOf,
  recordPageFindings,
  setTicked,
} from '@/utils/checklist/progress';
import { getProfile } from '@/utils/profiles/registry';

const expensify = getProfile('expensify')!;
const finding = (stepId: string, status: Finding['status']): Finding => ({
  id: `${stepId}-${status}`,
  subject: 's',
  status,
  found: '',
  expected: '',
  message: '',
  fix: '',
  group: '',
  stepId,
});

describe('the setup checklist', () => {
  it('verifies a step when its page checks clean, and takes it back when a problem returns', () => {
    let store = recordPageFindings({}, 'DEMOCO', 'expensify', [finding('ws-user', 'ok'), finding('ws-user', 'ok')], 5);
    expect(progressOf(store, 'DEMOCO', 'expensify').verified).toEqual({ 'ws-user': 5 });
    store = recordPageFindings(store, 'DEMOCO', 'expensify', [finding('ws-user', 'ok'), finding('ws-user', 'wrong')], 6);
    expect(progressOf(store, 'DEMOCO', 'expensify').verified).toEqual({});
  });

  it('never verifies a step whose page has a check it could not find, and leaves a verified step alone', () => {
    const partial = [finding('ws-user', 'ok'), { ...finding('ws-user', 'not-found'), id: 'nf' }];
    expect(progressOf(recordPageFindings({}, 'DEMOCO', 'expensify', partial, 5), 'DEMOCO', 'expensify').verified).toEqual({});
    const verified = recordPageFindings({}, 'DEMOCO', 'expensify', [finding('ws-user', 'ok')], 5);
    // A later visit that cannot find one field proves nothing either way: the step stays verified.
    expect(recordPageFindings(verified, 'DEMOCO', 'expensify', partial, 6)).toBe(verified);
    // A real problem still takes it back.
    const problem = [...partial, finding('ws-user', 'missing')];
    expect(progressOf(recordPageFindings(verified, 'DEMOCO', 'expensify', problem, 7), 'DEMOCO', 'expensify').verified).toEqual({});
  });

  it('keeps each company and integration apart', () => {
    const store = recordPageFindings({}, 'DEMOCO', 'expensify', [finding('ws-user', 'ok')], 1);
    expect(progressOf(store, 'OTHERCO', 'expensify').verified).toEqual({});
    expect(progressOf(store, 'DEMOCO', 'certify').verified).toEqual({});
  });

  it('numbers the steps the options need and names the next one', () => {
    const store = setTicked({}, 'DEMOCO', 'expensify', 'package-download', true, 1);
    const items = checklistItems(expensify, { export: 'vendor-bills' }, progressOf(store, 'DEMOCO', 'expensify'));
    expect(items.map((i) => i.step.id)).not.toContain('te-configuration');
    expect(items.find((i) => i.step.id === 'package-download')?.state).toBe('ticked');
    expect(nextStep(items)?.step.id).toBe(items[0]?.step.id);
    expect(progressLine(items)).toBe(`1 of ${items.length} steps done`);
    const reports = checklistItems(expensify, { export: 'expense-reports' }, progressOf(store, 'DEMOCO', 'expensify'));
    expect(reports.map((i) => i.step.id)).toContain('te-configuration');
  });

  it('lets the admin untick a step done by hand', () => {
    let store = setTicked({}, 'C', 'expensify', 'connect', true, 1);
    store = setTicked(store, 'C', 'expensify', 'connect', false, 2);
    expect(progressOf(store, 'C', 'expensify').ticked).toEqual({});
  });

  it('starts over rather than fail on a malformed stored checklist', () => {
    expect(parseChecklistStore({ C: { expensify: { verified: 'x' } } })).toEqual({});
  });
});

describe('which company the admin is in', () => {
  it('reads the company ID from the frameset URL', () => {
    expect(readCompanyId(null, 'https://www-p02.intacct.com/ia/acct/frameset.phtml?.sess=x&.cc=DEMOCO')).toBe('DEMOCO');
  });
  it('falls back to the header "Company (ID)"', () => {
    const doc = new DOMParser().parseFromString('<div><span class="company">Demo Co (DEMOCO)</span></div>', 'text/html');
    expect(readCompanyId(doc, 'https://www-p02.intacct.com/ia/acct/frameset.phtml')).toBe('DEMOCO');
  });
  it('says it does not know rather than guess', () => {
    const doc = new DOMParser().parseFromString('<span class="company">Demo Co</span>', 'text/html');
    expect(readCompanyId(doc, 'not a url')).toBeNull();
    expect(readCompanyId(null, 'https://x.intacct.com/?.cc=<script>')).toBeNull();
  });
});

describe('what can finish the checklist', () => {
  it('lets the admin tick every step the extension cannot prove, so the checklist can finish', () => {
    for (const profileId of ['expensify', 'certify']) {
      const profile = getProfile(profileId)!;
      for (const exportAs of ['vendor-bills', 'expense-reports']) {
        const values = { export: exportAs, dimensions: 'projects', permissionModel: 'role-based' };
        let store = {};
        for (const item of checklistItems(profile, values, progressOf(store, 'C', profileId))) {
          // A step is either proven by a clean page (it has checks there) or can be ticked by hand.
          if (item.manual) store = setTicked(store, 'C', profileId, item.step.id, true, 1);
          else store = recordPageFindings(store, 'C', profileId, [finding(item.step.id, 'ok')], 1);
        }
        const items = checklistItems(profile, values, progressOf(store, 'C', profileId));
        expect(nextStep(items), `${profileId} ${exportAs}`).toBeUndefined();
      }
    }
  });

  it('offers a Done box for the package upload, which has no field to check', () => {
    const items = checklistItems(expensify, {}, progressOf({}, 'C', 'expensify'));
    expect(items.find((i) => i.step.id === 'package-upload')?.manual).toBe(true);
  });

  it('does not verify the permissions step from one clean Permissions window, but a problem there takes it back', () => {
    let store = recordPageFindings({}, 'C', 'expensify', [finding('permissions', 'ok')], 1, false);
    expect(progressOf(store, 'C', 'expensify').verified).toEqual({});
    store = setTicked(store, 'C', 'expensify', 'permissions', true, 2);
    store = recordPageFindings(store, 'C', 'expensify', [finding('permissions', 'ok')], 3);
    expect(progressOf(store, 'C', 'expensify').ticked).toEqual({ permissions: 2 });
    store = recordPageFindings(store, 'C', 'expensify', [finding('permissions', 'missing')], 4, false);
    expect(progressOf(store, 'C', 'expensify')).toEqual({ verified: {}, ticked: {} });
  });
});
