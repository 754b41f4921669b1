import type { GatewayOutcome } from './response';
import type { RightsRow } from '@/utils/audit/rights';
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

/** "Time & Expenses", "time and expenses " and "Time  &  Expenses" compare equal. */
export function normalizeModuleName(name: string): string {
  return name.trim().toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
}

/**
 * getUserPermissions' applicationName, normalized, as a module name. It truncates "Time & Expenses" to
 * "Time " (docs/intacct.md#getuserpermissions), so a bare "Time" here is Time & Expenses; only here, because on the
 * product's pages "Time" is an application of its own (timesheets).
 */
export function applicationModuleName(applicationName: string): string {
  const name = normalizeModuleName(applicationName);
  return name === 'time' ? normalizeModuleName('Time & Expenses') : name;
}

/** The reply's rights as audit history keeps them: one row per policy, named as Intacct sent it. */
export function rightsOfUserPermissions(apps: readonly ApplicationPermissions[]): RightsRow[] {
  return apps.flatMap((app) =>
    app.policies.map((policy) => ({ module: app.application.trim(), object: policy.name, rights: [...policy.rights] })),
  );
}
