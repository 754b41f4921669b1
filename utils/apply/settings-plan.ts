import { isProblem } from '@/utils/audit/finding';
import type { AuditFieldsOptions } from '@/utils/audit/fields';
import { auditPage } from '@/utils/audit/page-audit';
import { planFill } from '@/utils/fill/recommended-values';
import type { PageKind } from '@/utils/pages/kinds';
import { fieldRulesFor } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import { readValue, unsettableWords, whyUnsettable } from './controls';
import type { ApplyPlan } from './plan';

/**
 * "Apply <integration>'s settings" on a configuration page (the Time & Expenses configuration): the check
 * boxes and sequences the guide prescribes, with the same preview, confirm and undo as the rights. The
 * values are Fill's (one prescribed value per field, never one the admin must give); a check the helper
 * cannot set — a sequence the page has no option for yet, a drawn list — is listed to do by hand.
 */

function describe(subject: string, from: boolean | string, to: boolean | string): string {
  if (typeof to === 'boolean') return `${to ? 'Tick' : 'Untick'} ${subject}`;
  const was = typeof from === 'string' && from.trim() ? from : '(empty)';
  return `${subject}: ${was} → ${to}`;
}

export function planSettings(
  doc: Document,
  kind: PageKind,
  profile: IntegrationProfile,
  values: OptionValues,
  taught?: AuditFieldsOptions['taught'],
): ApplyPlan {
  const plan: ApplyPlan = { title: `${profile.name}’s settings`, steps: [], byHand: [], leftAlone: [], then: '', scope: [] };
  const actions = planFill(doc, fieldRulesFor(profile, values, kind), taught);
  for (const action of actions) {
    const from = readValue(action.target);
    const change = { control: action.target, subject: action.subject, from, to: action.value };
    plan.steps.push({ group: '', text: describe(action.subject, from, action.value), sets: [change], follows: [] });
    plan.scope.push({ control: action.target, subject: action.subject });
  }
  const planned = new Set(actions.map((a) => `field:${a.ruleId}`));
  for (const f of auditPage(doc, kind, profile, values, taught ? { taught } : {})) {
    if (!isProblem(f.status) || planned.has(f.id)) continue;
    const reason = f.target ? whyUnsettable(f.target) : null;
    const fix = f.fix || f.message;
    plan.byHand.push({ subject: f.subject, text: reason ? `${fix} By hand: ${unsettableWords(reason)}.` : fix });
  }
  if (plan.steps.length) plan.then = 'Review the page, then click Save yourself.';
  return plan;
}
