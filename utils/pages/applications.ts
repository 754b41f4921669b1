import { normalizeName } from '@/utils/reading/text';
import { countIn } from './signals';

// Application names as Intacct's subscription pages list them; both product generations
// (docs/intacct.md#subscriptions).
const APPLICATIONS = [
  'administration',
  'company',
  'general ledger',
  'cash management',
  'accounts payable',
  'accounts receivable',
  'time & expenses',
  'expenses',
  'projects',
  'purchasing',
  'order entry',
  'customization services',
  'platform services',
  'web services',
];

export function applicationCount(labels: Set<string>): number {
  return countIn(labels, APPLICATIONS);
}

/** Whether `name` is one of Intacct's applications as the subscription pages list them. */
export function isKnownApplication(name: string): boolean {
  return APPLICATIONS.includes(normalizeName(name));
}
