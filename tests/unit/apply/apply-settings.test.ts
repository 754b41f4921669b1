import { describe, expect, it } from 'vitest';
import { applyPlan, undoApply } from '@/utils/apply/apply';
import { planChanges } from '@/utils/apply/plan';
import { planForPage } from '@/utils/apply/plan-for-page';
import { planSettings } from '@/utils/apply/settings-plan';
import { isProblem } from '@/utils/audit/finding';
import { auditPage } from '@/utils/audit/page-audit';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import type { OptionValues } from '@/utils/profiles/schema';
import { PAGE_CONTENTS } from '../../fixtures/intacct/variants/pages';
import { STYLES, renderVariant, type Style } from '../../fixtures/intacct/variants/render';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { changedControls, controlStates } from './controls-state';

// Issue 14 item 5: the Time & Expenses configuration's check boxes and sequences, with the same preview,
// confirm and Undo as the rights.
const EXPENSE_REPORTS: OptionValues = { export: 'expense-reports', dimensions: 'none', permissionModel: 'role-based' };

function problems(doc: Document): string[] {
  return auditPage(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS)
    .filter((f) => isProblem(f.status))
    .map((f) => f.subject);
}

const content = PAGE_CONTENTS.find((c) => c.name === 'te-configuration');
if (!content) throw new Error('no variant content for te-configuration');
const drawings: Array<[Style | 'demo', () => Document]> = [
  ['demo', () => parseHtml(fixtureHtml('te-configuration'))],
  ...STYLES.map((style): [Style, () => Document] => [style, () => parseHtml(renderVariant(content, style))]),
];

describe('Apply Expensify’s settings on the Time & Expenses configuration', () => {
  it('previews the sequences and boxes the guide prescribes, in the admin’s words', () => {
    const plan = planSettings(parseHtml(fixtureHtml('te-configuration')), 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS);
    expect(plan.title).toBe('Expensify’s settings');
    expect(plan.steps.map((s) => s.text)).toEqual([
      'Expense report numbering: None → EXP',
      'Duplicate numbers: Allow creation → Do not allow creation',
      'Untick Expense report approval',
    ]);
    expect(plan.byHand).toEqual([]);
  });

  for (const [style, draw] of drawings) {
    it(`${style}: changes exactly the preview, leaves only what it lists by hand, and undoes`, () => {
      const doc = draw();
      const before = controlStates(doc);
      const open = problems(doc);
      expect(open.length).toBeGreaterThan(0);
      const plan = planSettings(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS);
      const outcome = applyPlan(plan);
      expect(changedControls(before, controlStates(doc))).toEqual(new Map(planChanges(plan).map((c) => [c.control, String(c.to)])));
      expect(outcome.notTaken).toEqual([]);
      for (const subject of problems(doc)) expect(plan.byHand.map((n) => n.subject)).toContain(subject);
      if (style === 'component' || style === 'read-only') {
        expect(plan.steps).toEqual([]);
        expect(plan.byHand.map((n) => n.subject)).toEqual(open);
      } else expect(problems(doc)).toEqual([]);
      undoApply(outcome.edits);
      expect(changedControls(before, controlStates(doc))).toEqual(new Map());
    });
  }

  it('says why a drawn control is left to the admin', () => {
    const doc = parseHtml(renderVariant(content, 'component'));
    const plan = planSettings(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS);
    expect(plan.byHand.find((n) => n.subject === 'Expense report approval')?.text).toBe(
      'Untick Enable expense report approval. By hand: the page draws its boxes without native checkboxes, which the helper does not set.',
    );
  });

  it('sets the new sequence once the admin opens its dialog, and only then', () => {
    const doc = parseHtml(fixtureHtml('te-configuration'));
    const subjects = () => planSettings(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS).steps.map((s) => s.text);
    expect(subjects()).not.toContain('Sequence ID: (empty) → EXP');
    doc.getElementById('seqdialog')?.setAttribute('open', '');
    doc.getElementById('seqadvanced')?.setAttribute('open', '');
    expect(subjects()).toEqual(expect.arrayContaining(['Sequence ID: (empty) → EXP', 'Sequence next number: 1 → 2', 'Fixed prefix: (empty) → EXP']));
  });

  it('a sequence the page has no option for yet is left to the admin, with the guide’s way to add it', () => {
    const doc = parseHtml(fixtureHtml('te-configuration'));
    doc.querySelector('#_obj__EXPRPT_SEQUENCE option:nth-child(2)')?.remove(); // no EXP sequence yet
    const plan = planSettings(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS);
    expect(plan.steps.map((s) => s.text)).not.toContain('Expense report numbering: None → EXP');
    expect(plan.byHand).toEqual([{ subject: 'Expense report numbering', text: 'Choose the EXP sequence for Expense Report.' }]);
  });

  it('Undo leaves a field the admin changed again after the apply as the admin set it', () => {
    const doc = parseHtml(fixtureHtml('te-configuration'));
    const outcome = applyPlan(planSettings(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS));
    const duplicates = doc.getElementById('_obj__DUPLICATENUMBERS') as HTMLSelectElement;
    duplicates.selectedIndex = 1; // "Warn but allow creation", the admin's own choice
    const undone = undoApply(outcome.edits);
    expect(undone.keptAdminEdits.map((e) => e.subject)).toEqual(['Duplicate numbers']);
    expect(duplicates.options[duplicates.selectedIndex]?.textContent).toBe('Warn but allow creation');
    expect((doc.getElementById('_obj__EXPRPT_SEQUENCE') as HTMLSelectElement).value).toBe('None');
    expect((doc.getElementById('_obj__APPROVAL_ENABLED') as HTMLInputElement).checked).toBe(true);
  });

  it('is what the T&E page offers, while the web services user form keeps Fill', () => {
    const doc = parseHtml(fixtureHtml('te-configuration'));
    expect(planForPage(doc, 'te-configuration', EXPENSIFY_PROFILE, EXPENSE_REPORTS)?.title).toBe('Expensify’s settings');
    expect(planForPage(parseHtml(fixtureHtml('ws-user-form')), 'ws-user-form', EXPENSIFY_PROFILE, EXPENSE_REPORTS)).toBeNull();
    expect(planForPage(parseHtml(fixtureHtml('role-permissions')), 'role-permissions', EXPENSIFY_PROFILE, EXPENSE_REPORTS)?.title).toBe('Expensify’s rights');
  });
});
