import type { Finding } from '@/utils/audit/finding';
import type { SubscriptionRule } from '@/utils/profiles/schema';
import { nameSlug, normalizeName } from '@/utils/reading/text';
import type { CompanySubscription } from '@/utils/page-data/company-subscriptions';

export interface AuditSubscriptionOptions {
  /** The profile step each subscription belongs to, when the caller knows it. */
  stepIdOf?: (rule: SubscriptionRule) => string | undefined;
}

/** The id of a subscription's finding, the same whether the page's toggles were read or not. */
export function subscriptionFindingId(rule: SubscriptionRule): string {
  return `subscription:${nameSlug(rule.name)}`;
}

// "Time & Expenses" and "Time and Expenses" are one application (normalizeName); the product also says
// "Expenses" now (docs/intacct.md#expenses-configuration), which the profiles list as an alias.
function find(rows: readonly CompanySubscription[], names: readonly string[]): CompanySubscription | undefined {
  const wanted = new Set(names.map(normalizeName));
  return rows.find((r) => wanted.has(normalizeName(r.application)));
}

/**
 * A company that lists Customization Services does not have Platform Services, and only Sage support enables it
 * (docs/intacct.md#subscriptions).
 */
function notListedMessage(name: string, rows: readonly CompanySubscription[]): { message: string; fix: string } {
  if (normalizeName(name) === normalizeName('Platform Services')) {
    const hint = find(rows, ['Customization Services'])
      ? ' This page lists Customization Services, which Intacct shows only while Platform Services is off.'
      : '';
    return {
      message: `Platform Services is not listed on this page: Sage Intacct support enables it, it cannot be switched on here.${hint}`,
      fix: 'Ask Sage Intacct support to enable Platform Services for this company.',
    };
  }
  return {
    message: `${name} is not listed on this page, so this company cannot switch it on here.`,
    fix: `Ask your Sage Intacct account manager to make ${name} available, then switch it on here.`,
  };
}

/**
 * One finding per required subscription. An alternative that is on satisfies the need (Platform Services
 * instead of Customization Services). An empty `rows` means the toggles could not be read, and then
 * nothing is claimed. Never throws.
 */
export function auditCompanySubscriptions(
  rows: readonly CompanySubscription[],
  subs: readonly SubscriptionRule[],
  options: AuditSubscriptionOptions = {},
): Finding[] {
  if (rows.length === 0) return [];
  const findings: Finding[] = [];
  for (const rule of subs) {
    try {
      const own = find(rows, [rule.name, ...(rule.aliases ?? [])]);
      const stepId = options.stepIdOf?.(rule);
      const base = {
        id: subscriptionFindingId(rule),
        subject: rule.name,
        expected: rule.alternatives?.length ? `${rule.name} or ${rule.alternatives.join(' or ')} subscribed` : 'subscribed',
        group: '',
        ...(stepId ? { stepId } : {}),
      };
      if (own?.subscribed) {
        findings.push({ ...base, status: 'ok', found: 'subscribed', message: '', fix: '', target: own.control });
        continue;
      }
      const alternative = (rule.alternatives ?? []).map((a) => find(rows, [a])).find((r) => r?.subscribed);
      if (alternative) {
        findings.push({
          ...base,
          status: 'ok',
          found: `${alternative.application} subscribed instead`,
          message: '',
          fix: '',
          target: alternative.control,
        });
        continue;
      }
      if (own) {
        findings.push({
          ...base,
          status: 'missing',
          found: 'not subscribed',
          message: rule.why,
          fix: `Switch on ${own.application}.`,
          target: own.control,
        });
        continue;
      }
      // Not listed at all: say so, and offer a listed alternative that can still be switched on.
      const offAlternative = (rule.alternatives ?? []).map((a) => find(rows, [a])).find((r) => r !== undefined);
      const notListed = notListedMessage(rule.name, rows);
      findings.push({
        ...base,
        status: 'missing',
        found: 'not listed',
        message: `${rule.why} ${notListed.message}`,
        fix: offAlternative ? `Switch on ${offAlternative.application}.` : notListed.fix,
        ...(offAlternative ? { target: offAlternative.control } : {}),
      });
    } catch (error) {
      console.warn('[intacct-setup-helper] skipped a subscription check', rule.name, error);
    }
  }
  return findings;
}
