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

/** The name an admin would use for each page, as Intacct's menus and headings say it. */
export const PAGE_NAMES: Record<PageKind, string> = {
  'ws-user-list': 'Web Services users',
  'ws-user-form': 'Web Services user',
  'role-list': 'Roles',
  'role-form': 'Role',
  'role-subscriptions': 'Roles subscriptions',
  'role-permissions': 'Role permissions',
  'user-subscriptions': 'User application subscriptions',
  'user-permissions': 'User permissions',
  'company-subscriptions': 'Company subscriptions',
  'te-configuration': 'Time & Expenses configuration',
  'company-security': 'Company information › Security',
  'sender-form': 'Web Services sender information',
  'custom-package': 'Custom packages',
  'platform-app-install': 'Install application from XML',
  'employee-form': 'Employee',
  'expense-type-form': 'Expense type',
};

export function isPageKind(value: unknown): value is PageKind {
  return typeof value === 'string' && (PAGE_KINDS as readonly string[]).includes(value);
}
