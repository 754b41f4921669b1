import type { PageKind } from './kinds';
import type { PageKindSpec } from './spec';
import { companySecurity } from './company-security';
import { companySubscriptions } from './company-subscriptions';
import { customPackage } from './custom-package';
import { employeeForm } from './employee-form';
import { expenseTypeForm } from './expense-type-form';
import { rolePermissions, userPermissions } from './permissions-window';
import { platformAppInstall } from './platform-app-install';
import { roleForm } from './role-form';
import { roleList } from './role-list';
import { roleSubscriptions } from './role-subscriptions';
import { senderForm } from './sender-form';
import { teConfiguration } from './te-configuration';
import { userSubscriptions } from './user-subscriptions';
import { wsUserForm } from './ws-user-form';
import { wsUserList } from './ws-user-list';

/** Every page kind's spec, by kind: a kind without one does not compile. */
export const PAGE_SPECS: { readonly [K in PageKind]: PageKindSpec<K> } = {
  'ws-user-list': wsUserList,
  'ws-user-form': wsUserForm,
  'role-list': roleList,
  'role-form': roleForm,
  'role-subscriptions': roleSubscriptions,
  'role-permissions': rolePermissions,
  'user-subscriptions': userSubscriptions,
  'user-permissions': userPermissions,
  'company-subscriptions': companySubscriptions,
  'te-configuration': teConfiguration,
  'company-security': companySecurity,
  'sender-form': senderForm,
  'custom-package': customPackage,
  'platform-app-install': platformAppInstall,
  'employee-form': employeeForm,
  'expense-type-form': expenseTypeForm,
};

export function pageSpec(kind: PageKind): PageKindSpec {
  return PAGE_SPECS[kind];
}

/** The name an admin would use for each page, as Intacct's menus and headings say it. */
export const PAGE_NAMES = Object.fromEntries(Object.values(PAGE_SPECS).map((spec) => [spec.kind, spec.name])) as Record<PageKind, string>;

/** The pages checked by the live permissions audit (role and user Subscriptions, the Permissions windows). */
export function isRightsPage(kind: PageKind): boolean {
  return PAGE_SPECS[kind].audit === 'rights';
}
