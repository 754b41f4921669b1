import type { AssignedRoles } from '@/utils/page-data/assigned-roles';
import type { Finding } from './finding';

/**
 * Role-based companies: the web services user has no rights until the integration's role is assigned to
 * it (Expensify guide, step 1b.3; "a user with no role can access nothing",
 * docs/intacct.md#role-based-and-user-based-permissions).
 */
export function auditRoleAssignment(assigned: AssignedRoles, roleName: string, stepId: string | undefined): Finding {
  const present = assigned.roles.some((r) => r.toLowerCase() === roleName.toLowerCase());
  return {
    id: 'role-assigned',
    subject: `Role ${roleName} assigned`,
    status: present ? 'ok' : 'missing',
    found: assigned.roles.join(', '),
    expected: roleName,
    message: present ? '' : `In a role-based company the user can do nothing until the ${roleName} role is assigned to it.`,
    fix: present ? '' : `Under Roles information, click + and choose the role ${roleName}, then save the user.`,
    group: '',
    target: assigned.table,
    ...(stepId ? { stepId } : {}),
  };
}
