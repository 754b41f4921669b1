import { afterAll, describe, expect, it } from 'vitest';
import { applyPlan, undoApply } from '@/utils/apply/apply';
import { planChanges, type ApplyPlan } from '@/utils/apply/plan';
import { planRights } from '@/utils/apply/rights-plan';
import { isProblem } from '@/utils/audit/finding';
import { createPermissionsAudit, type PermissionPageKind } from '@/utils/audit/permission-tracker';
import { BUILT_IN_PROFILES, defaultOptionValues } from '@/utils/profiles/registry';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import { FIXTURE_PAGES } from '../../fixtures/intacct/catalog';
import { PAGE_CONTENTS } from '../../fixtures/intacct/variants/pages';
import { STYLES, renderVariant, type Style } from '../../fixtures/intacct/variants/render';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { changedControls, controlStates } from './controls-state';

/*
 * Issue 14 item 3: Apply works on every markup the reading model reads. For every integration, every
 * permissions page and every way of drawing it: the controls that change are exactly the preview's, every
 * right still open afterwards is one the preview listed to do by hand, and Undo puts every control back.
 * Where the boxes are drawn widgets or a read-only view, nothing is set and every change is listed by hand.
 */

const CONFIGS: Array<[string, IntegrationProfile, OptionValues]> = [
  ...BUILT_IN_PROFILES.map((p): [string, IntegrationProfile, OptionValues] => [p.id, p, defaultOptionValues(p)]),
  ['expensify expense reports, projects, role-based', EXPENSIFY_PROFILE, { export: 'expense-reports', dimensions: 'projects', permissionModel: 'role-based' }],
];

const PERMISSION_PAGES = FIXTURE_PAGES.filter((p): p is typeof p & { kind: PermissionPageKind } =>
  ['role-subscriptions', 'user-subscriptions', 'role-permissions', 'user-permissions'].includes(p.kind ?? ''),
);

// Styles whose boxes are native inputs Apply may click; the other two only show or draw them.
const NATIVE: ReadonlySet<Style | 'demo'> = new Set(['demo', 'classic-table', 'div-form', 'list-grid']);

let plansWithSteps = 0;

function problems(doc: Document, profile: IntegrationProfile, values: OptionValues, kind: PermissionPageKind): string[] {
  return createPermissionsAudit(doc, profile, values, kind)
    .findings()
    .filter((f) => isProblem(f.status))
    .map((f) => f.subject);
}

function byHandSubjects(plan: ApplyPlan): string[] {
  return plan.byHand.map((n) => n.subject);
}

describe('Apply on every permissions page, in every markup style', () => {
  for (const page of PERMISSION_PAGES) {
    const content = PAGE_CONTENTS.find((c) => c.name === page.name);
    if (!content) throw new Error(`no variant content for ${page.name}`);
    const drawings: Array<[Style | 'demo', () => Document]> = [
      ['demo', () => parseHtml(fixtureHtml(page.name))],
      ...STYLES.map((style): [Style, () => Document] => [style, () => parseHtml(renderVariant(content, style))]),
    ];
    for (const [style, draw] of drawings) {
      for (const [name, profile, values] of CONFIGS) {
        it(`${page.name} as ${style}, ${name}: changes exactly the preview, leaves only what it lists by hand, and undoes`, () => {
          const doc = draw();
          const before = controlStates(doc);
          const open = problems(doc, profile, values, page.kind);
          const plan = planRights(doc, profile, values);
          const outcome = applyPlan(plan);
          const after = controlStates(doc);

          const expected = new Map(planChanges(plan).map((c) => [c.control, String(c.to)]));
          expect(changedControls(before, after)).toEqual(expected);
          expect(outcome.notTaken).toEqual([]);
          expect(outcome.applied).toBe(expected.size);

          const left = problems(doc, profile, values, page.kind);
          if (NATIVE.has(style)) {
            for (const subject of left) expect(byHandSubjects(plan), `${subject} is still open but not listed by hand`).toContain(subject);
          } else {
            expect(plan.steps).toEqual([]);
            expect(left).toEqual(open);
            // Every open right is named by hand, directly or through its section.
            if (open.length) expect(plan.byHand.length).toBeGreaterThan(0);
          }
          if (plan.steps.length) plansWithSteps++;

          const undone = undoApply(outcome.edits);
          expect(undone.notRestored).toEqual([]);
          expect(changedControls(before, controlStates(doc))).toEqual(new Map());
          expect(problems(doc, profile, values, page.kind)).toEqual(open);
        });
      }
    }
  }

  afterAll(() => {
    // The property holds for something: most demo pages have rights to set for most integrations.
    expect(plansWithSteps).toBeGreaterThan(40);
  });
});
