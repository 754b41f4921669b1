/** Every Intacct page the setup touches, in the order an admin usually meets them. */
export const PAGE_KINDS = [
  'ws-user-list',
  'ws-user-form',
  'role-list',
  'role-form',
  'role-subscriptions',
  'role-permissions',
  'user-subscriptions',
  'user-permissions',
  'company-subscriptions',
  'te-configuration',
  'company-security',
  'sender-form',
  'custom-package',
  'platform-app-install',
  'employee-form',
  'expense-type-form',
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];

export function isPageKind(value: unknown): value is PageKind {
  return typeof value === 'string' && (PAGE_KINDS as readonly string[]).includes(value);
}
