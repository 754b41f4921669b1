import type { PermissionRule } from '@/utils/profiles/schema';
import { normalizeName } from '@/utils/reading/text';

/*
 * Which objects we read to learn whether a module is open to the web services user, when
 * getUserPermissions itself is refused. THIS MAP IS OURS, not Intacct's: the object names come from
 * docs/intacct.md#objects-for-audits (a scraper's object map) and docs/intacct.md#connection-test-order
 * (the probes it suggests), and which module guards which object is our reading of the module names;
 * Intacct documents neither. Keys are module names as the profiles spell them; a profile rule reaches
 * them through its module name or its aliases.
 */
export const MODULE_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  'General Ledger': ['GLACCOUNT'],
  // Either object would do for "can it use Cash Management"; both are read so a partial grant shows.
  'Cash Management': ['CHECKINGACCOUNT', 'CCTRANSACTION'],
  'Accounts Payable': ['APBILL', 'VENDOR'],
  'Accounts Receivable': ['CUSTOMER', 'ARINVOICE'],
  'Time & Expenses': ['EEXPENSES', 'EMPLOYEE', 'EEACCOUNTLABEL'],
  Projects: ['PROJECT'],
  Company: ['DEPARTMENT', 'LOCATION'],
  Administration: ['USERINFO'],
};

/** The module an object belongs to in MODULE_OBJECTS (case-insensitive), e.g. arinvoice → Accounts Receivable. */
export function moduleOfObject(object: string): string | undefined {
  const wanted = object.trim().toUpperCase();
  return Object.keys(MODULE_OBJECTS).find((module) => MODULE_OBJECTS[module]?.includes(wanted));
}

/** The objects to read for a profile's module, found through its name or aliases; [] when we know none. */
export function objectsForRule(rule: PermissionRule): readonly string[] {
  const names = [rule.module, ...rule.aliases].map(normalizeName);
  const module = Object.keys(MODULE_OBJECTS).find((key) => names.includes(normalizeName(key)));
  return module ? (MODULE_OBJECTS[module] ?? []) : [];
}
