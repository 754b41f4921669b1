import { describe, expect, it } from 'vitest';
import { applyPlan, isSaveControl, undoApply } from '@/utils/apply/apply';
import { planChanges, samePlan } from '@/utils/apply/plan';
import { planRights } from '@/utils/apply/rights-plan';
import { isProblem } from '@/utils/audit/finding';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { defaultOptionValues } from '@/utils/profiles/registry';
import { bigPermissionsHtml } from '../../fixtures/intacct/generated/big-permissions';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { livePage } from './live-page';
import { changedControls, controlStates } from './controls-state';

const VALUES = defaultOptionValues(EXPENSIFY_PROFILE);

/** Every event the page would see, in order: what its listeners learn of an apply. */
function recordEvents(doc: Document): string[] {
  const seen: string[] = [];
  for (const type of ['click', 'input', 'change', 'submit']) {
    doc.addEventListener(
      type,
      (event) => {
        const el = event.target as Element;
        seen.push(`${type} ${el.getAttribute('aria-label') ?? el.getAttribute('id') ?? el.localName}${event.bubbles ? '' : ' (no bubble)'}`);
      },
      true,
    );
  }
  return seen;
}

function problems(doc: Document): string[] {
  return createPermissionsAudit(doc, EXPENSIFY_PROFILE, VALUES).findings().filter((f) => isProblem(f.status)).map((f) => `${f.status} ${f.subject}`);
}

describe('Apply Expensify’s rights in the demo Permissions window', () => {
  it('chooses All in each section as a person would, lets the page tick the boxes, and every right is then OK', () => {
    const doc = livePage('role-permissions');
    expect(problems(doc)).not.toEqual([]);
    const events = recordEvents(doc);
    const plan = planRights(doc, EXPENSIFY_PROFILE, VALUES);
    expect(plan.steps.map((s) => s.text)).toEqual(['Choose All under Activities and lists (now Custom)', 'Choose All under Reports (now Read only)']);
    expect(events).toEqual([]); // planning touches nothing

    const outcome = applyPlan(plan);
    expect(outcome.notTaken).toEqual([]);
    expect(outcome.alsoChanged).toEqual([]);
    // Two clicks, on the radios only: the page's own script ticked the 10 boxes, as it does for a person.
    expect(events.filter((e) => e.startsWith('click'))).toEqual(['click sc_activities_all', 'click sc_reports_all']);
    expect(events).toContain('change sc_reports_all');
    expect(events.some((e) => e.includes('no bubble'))).toBe(false);
    expect(events.some((e) => e.startsWith('submit') || /save/i.test(e))).toBe(false);
    expect(problems(doc)).toEqual([]);
    expect((doc.getElementById('sc_reports_all') as HTMLInputElement).checked).toBe(true);
  });

  it('Undo puts every box and radio back, although the page switches a section to Custom as each box changes', () => {
    const doc = livePage('role-permissions');
    const before = controlStates(doc);
    const open = problems(doc);
    const outcome = applyPlan(planRights(doc, EXPENSIFY_PROFILE, VALUES));
    expect(changedControls(before, controlStates(doc)).size).toBe(14);
    const undone = undoApply(outcome.edits);
    expect(undone).toMatchObject({ restored: 14, keptAdminEdits: [], notRestored: [] });
    expect(changedControls(before, controlStates(doc))).toEqual(new Map());
    expect((doc.getElementById('sc_reports_readonly') as HTMLInputElement).checked).toBe(true);
    expect(problems(doc)).toEqual(open);
  });

  it('sets the boxes itself where the page does not answer its radio, and the preview said which', () => {
    const doc = parseHtml(fixtureHtml('role-permissions')); // no page script
    const plan = planRights(doc, EXPENSIFY_PROFILE, VALUES);
    const previewed = planChanges(plan).map((c) => c.subject);
    expect(previewed).toContain('General Ledger › Accounts › Delete');
    expect(previewed).toContain('General Ledger › Reports › Read only');
    const before = controlStates(doc);
    const outcome = applyPlan(plan);
    expect(outcome.applied).toBe(previewed.length);
    expect(changedControls(before, controlStates(doc)).size).toBe(previewed.length);
    expect(problems(doc)).toEqual([]);
  });

  it('lists a box the page refuses as not taken, and never claims it', () => {
    const doc = livePage('role-subscriptions');
    const cash = doc.getElementById('sub__cm') as HTMLInputElement;
    cash.addEventListener('click', (event) => event.preventDefault());
    const outcome = applyPlan(planRights(doc, EXPENSIFY_PROFILE, VALUES));
    expect(cash.checked).toBe(false);
    expect(outcome.notTaken.map((c) => c.subject)).toEqual(['Cash Management']);
    expect(outcome.applied).toBe(2);
  });

  it('lists a disabled box (its own or its fieldset’s) to do by hand, and never clicks it', () => {
    const doc = livePage('role-subscriptions');
    (doc.getElementById('sub__cm') as HTMLInputElement).disabled = true;
    const fieldset = doc.createElement('fieldset');
    fieldset.disabled = true;
    const ar = doc.getElementById('sub__ar') as HTMLInputElement;
    ar.replaceWith(fieldset);
    fieldset.appendChild(ar);
    const events = recordEvents(doc);
    const plan = planRights(doc, EXPENSIFY_PROFILE, VALUES);
    expect(plan.byHand).toEqual([
      { subject: 'Cash Management', text: 'Tick Cash Management by hand: the page has switched it off (disabled).' },
      { subject: 'Accounts Receivable', text: 'Untick Accounts Receivable by hand: the page has switched it off (disabled).' },
    ]);
    expect(plan.steps.map((s) => s.text)).toEqual(['Untick Customization Services']);
    applyPlan(plan);
    expect(events.filter((e) => e.startsWith('click'))).toEqual(['click Customization Services']);
  });

  it('leaves excess alone where the vendor’s list is a minimum, and says so', () => {
    const doc = livePage('role-subscriptions');
    const plan = planRights(doc, CERTIFY_PROFILE, defaultOptionValues(CERTIFY_PROFILE));
    expect(plan.steps.map((s) => s.text)).toEqual(['Tick Cash Management']);
    expect(plan.leftAlone.map((n) => n.text)).toEqual([
      'Administration, Company, General Ledger, Accounts Receivable and Customization Services stay subscribed: Emburse Certify’s list is a minimum, so applications it does not name are left alone.',
    ]);
    // Emburse Certify is not on the page: the admin makes it available first, and the preview says how.
    expect(plan.byHand.map((n) => n.subject)).toEqual(['Emburse Certify']);
  });

  it('unticks the excess where the list is complete, and names what to open next', () => {
    const doc = livePage('role-subscriptions');
    const plan = planRights(doc, EXPENSIFY_PROFILE, VALUES);
    expect(plan.steps.map((s) => s.text)).toEqual(['Tick Cash Management', 'Untick Accounts Receivable', 'Untick Customization Services']);
    expect(plan.then).toBe(
      'After you save, open the Permissions of Administration, Company, Cash Management, General Ledger and Accounts Payable, and apply Expensify’s rights there.',
    );
  });

  it('tells a page that changed since the preview from one that did not', () => {
    const doc = livePage('role-permissions');
    const preview = planRights(doc, EXPENSIFY_PROFILE, VALUES);
    expect(samePlan(preview, planRights(doc, EXPENSIFY_PROFILE, VALUES))).toBe(true);
    (doc.querySelector('input[aria-label="Accounts Delete"]') as HTMLInputElement).click();
    expect(samePlan(preview, planRights(doc, EXPENSIFY_PROFILE, VALUES))).toBe(false);
  });

  it('puts back only what is still as Apply left it, and says what it could not', () => {
    const doc = livePage('role-subscriptions');
    const outcome = applyPlan(planRights(doc, EXPENSIFY_PROFILE, VALUES));
    // The page redrew one row since: its box is gone, and Undo says so instead of writing into nothing.
    doc.getElementById('sub__ar')?.remove();
    const undone = undoApply(outcome.edits);
    expect(undone.restored).toBe(2);
    expect(undone.notRestored.map((e) => e.subject)).toEqual(['Accounts Receivable']);
  });
});

describe('a window with many applications', () => {
  it('plans each application by its own need — All, Read only, none — and every right is then OK', () => {
    const doc = parseHtml(bigPermissionsHtml(12, 10));
    const plan = planRights(doc, EXPENSIFY_PROFILE, VALUES);
    expect(plan.steps.map((s) => `${s.group}: ${s.text}`)).toEqual(
      expect.arrayContaining([
        'General Ledger: Choose All under Activities and lists (now Custom)',
        'Company: Choose Read only under Reports (now Custom)',
        expect.stringMatching(/^Accounts Receivable: Untick every right under Activities and lists \(\d+ boxes\)$/),
      ]),
    );
    const outcome = applyPlan(plan);
    expect(outcome.notTaken).toEqual([]);
    expect(problems(doc)).toEqual([]);
  });
});

describe('Save', () => {
  it('is recognized in the forms Intacct draws it, and nothing else is', () => {
    const doc = livePage('role-subscriptions');
    expect(isSaveControl(doc.getElementById('savebutton'))).toBe(true);
    const input = doc.createElement('input');
    input.type = 'submit';
    input.value = 'Save & new';
    expect(isSaveControl(input)).toBe(true);
    const span = doc.createElement('span');
    doc.getElementById('savebutton_b')?.appendChild(span);
    expect(isSaveControl(span)).toBe(true);
    expect(isSaveControl(doc.getElementById('cancelbutton'))).toBe(false);
    expect(isSaveControl(doc.getElementById('sub__cm'))).toBe(false);
    expect(isSaveControl(null)).toBe(false);
  });
});
