import type { Finding } from '@/utils/audit/finding';
import type { SenderIdRule } from '@/utils/profiles/schema';
import type { SenderAuthorization } from '@/utils/page-data/sender-authorizations';
import { describeDifference, intacctSenderUser, looseEquals, sameIgnoringCaseAndSpaces } from './compare';

export interface AuditSenderOptions {
  /** The integration's name, for messages and a default description ("Expensify"). */
  integrationName?: string;
  stepId?: string;
}

function isActive(row: SenderAuthorization): boolean {
  // A table without a readable status says nothing against the row.
  return row.status.trim() === '' || looseEquals(row.status, 'Active');
}

function quoted(value: string): string {
  return `“${value}”`;
}

function addFix(rule: SenderIdRule, options: AuditSenderOptions, midSentence = false): string {
  const description = rule.description ?? options.integrationName;
  return `${midSentence ? 'choose' : 'Choose'} Add under Web Services authorizations: Sender ID ${rule.id}${description ? `, Description ${description}` : ''}, Status Active.`;
}

/** How to type it, when its case is the easy part to get wrong. */
function spelling(id: string): string {
  if (id === id.toLowerCase() && id !== id.toUpperCase()) return ', all lower case';
  if (id === id.toUpperCase() && id !== id.toLowerCase()) return ', all in capitals';
  return ', with the same capitals';
}

/**
 * One finding per sender the integration needs. Rows the integration doesn't need (`cdocs_v2`, other
 * vendors) give no finding: they are the company's business. Never throws.
 */
export function auditSenderIds(
  rows: readonly SenderAuthorization[],
  senders: readonly SenderIdRule[],
  options: AuditSenderOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of senders) {
    try {
      const base = {
        id: `sender:${rule.id}`,
        subject: `Sender ID ${rule.id}`,
        expected: `${rule.id}, Active`,
        group: '',
        ...(options.stepId ? { stepId: options.stepId } : {}),
      };
      // Exact comparison: Intacct compares sender IDs exactly (docs/intacct.md#web-services-sender-information).
      const exact = rows.filter((r) => r.senderId === rule.id);
      const active = exact.find(isActive);
      if (active) {
        findings.push({ ...base, status: 'ok', found: `${active.senderId}, ${active.status || 'Active'}`, message: '', fix: '', target: active.row });
        continue;
      }
      const inactive = exact[0];
      if (inactive) {
        findings.push({
          ...base,
          status: 'wrong',
          found: `${inactive.senderId}, ${inactive.status}`,
          message: `The sender ID is there but ${inactive.status}; inactive sender IDs cannot make requests, so Intacct would refuse the integration.`,
          fix: `Edit the ${rule.id} authorization and set its Status to Active.`,
          target: inactive.row,
        });
        continue;
      }
      const near = rows.find((r) => sameIgnoringCaseAndSpaces(r.senderId, rule.id));
      if (near) {
        const diff = describeDifference(near.senderId, rule.id);
        const intacctUse = intacctSenderUser(near.senderId);
        if (intacctUse) {
          // The vendor's guide and Intacct's help spell this sender differently (Certify's "Ajax" against
          // Intacct's "ajax", docs/intacct.md#gateway-transport,
          // docs/intacct.md#web-services-sender-information): the row is right for Intacct, and whether
          // the vendor really needs the other spelling is not something the page can tell.
          findings.push({
            ...base,
            status: 'missing',
            found: `${near.senderId} (a different sender ID)`,
            message: `The ${options.integrationName ?? 'integration’s'} guide writes ${quoted(rule.id)}, but this company has ${quoted(near.senderId)}, which ${intacctUse} uses. Sender IDs are case-sensitive, so ${quoted(rule.id)} itself is not authorized.`,
            fix: `Keep ${near.senderId} Active: ${intacctUse} uses it. Ask your ${options.integrationName ?? 'vendor'} representative whether it sends ${rule.id} or ${near.senderId}; if ${rule.id}, ${addFix(rule, options, true)}`,
            target: near.row,
          });
          continue;
        }
        findings.push({
          ...base,
          status: 'wrong',
          found: near.senderId,
          message: `Sender IDs are case-sensitive and cannot be changed after they are added, so ${quoted(near.senderId)}${diff ? `, ${diff},` : ''} will not work.`,
          fix: `Add a new authorization ${rule.id} exactly${spelling(rule.id)}, and set ${near.senderId.trim()} to Inactive.`,
          target: near.row,
        });
        continue;
      }
      findings.push({
        ...base,
        status: 'missing',
        found: '',
        message: `${quoted(rule.id)} is not among the Web Services authorizations, so Intacct will refuse the integration’s requests.`,
        fix: addFix(rule, options),
      });
    } catch (error) {
      console.warn('[intacct-setup-helper] skipped a sender ID check', rule.id, error);
    }
  }
  return findings;
}
