import type { GatewayOutcome } from './response';
import { normalizeName } from '@/utils/reading/text';
import { userPermissionsDataSchema } from './schema';

export interface ApplicationPermissions {
  /** Trimmed: the gateway sends "Time " (docs/intacct.md#getuserpermissions). */
  application: string;
  policies: { name: string; rights: string[] }[];
}

/**
 * Effective rights per application from a successful getUserPermissions result
 * (docs/intacct.md#getuserpermissions). An empty list when the reply holds no such result or an
 * unreadable one.
 */
export function parseUserPermissions(outcome: GatewayOutcome): ApplicationPermissions[] {
  const result = outcome.results.find((r) => r.function === 'getUserPermissions' && r.status === 'success');
  const parsed = userPermissionsDataSchema.safeParse(result?.data);
  if (!parsed.success) return [];
  return parsed.data.permissions.flatMap((permissions) =>
    permissions === ''
      ? []
      : (permissions.appSubscription ?? []).map((app) => ({
          application: app.applicationName,
          policies:
            app.policies === undefined || app.policies === ''
              ? []
              : (app.policies.policy ?? []).map((policy) => ({
                  name: policy.policyName,
                  rights: policy.rights
                    .split('|')
                    .map((right) => right.trim())
                    .filter((right) => right !== ''),
                })),
        })),
  );
}

/**
 * getUserPermissions' applicationName as a module name's key (normalizeName). It truncates "Time & Expenses" to
 * "Time " (docs/intacct.md#getuserpermissions), so a bare "Time" here is Time & Expenses; only here, because on the
 * product's pages "Time" is an application of its own (timesheets).
 */
export function applicationModuleName(applicationName: string): string {
  const name = normalizeName(applicationName);
  return name === 'time' ? normalizeName('Time & Expenses') : name;
}
