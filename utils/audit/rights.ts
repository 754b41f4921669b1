import type { PermissionsWindow } from '@/utils/page-data/permissions-window';
import type { SubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import type { ApplicationPermissions } from '@/utils/intacct/permissions';
import { z } from '@/utils/zod';

/**
 * What a role or user is granted, one row per object, whatever showed it: a Permissions window, a
 * Subscriptions page or getUserPermissions. Audits keep this next to their findings so that a later audit
 * can say what changed in between ("Compare with last audit"); findings alone cannot, since their wording
 * depends on the integration and its options.
 */
export const RightsRowSchema = z.object({
  /** The application as the source names it ("General Ledger", getUserPermissions' "Time"). */
  module: z.string().max(500),
  /** The permission (policy) or the window's row; `Subscription` for a Subscriptions page's checkbox. */
  object: z.string().max(2000),
  /** Granted rights in the order the source lists them; empty when the row grants nothing. */
  rights: z.array(z.string().max(200)).max(50),
});
export type RightsRow = z.infer<typeof RightsRowSchema>;

/** The object name a Subscriptions page's row stands for. */
export const SUBSCRIPTION_OBJECT = 'Subscription';
export const SUBSCRIBED_RIGHT = 'Subscribed';

/**
 * Every row of every application block of a Permissions window. An object name that repeats within its
 * application (the same list under "Activities and lists" and "Reports") is qualified by its section.
 */
export function rightsOfWindow(win: PermissionsWindow): RightsRow[] {
  const rows: RightsRow[] = [];
  for (const block of win.applications) {
    if (block.name === null) continue;
    const seen = new Map<string, number>();
    for (const section of block.sections) for (const obj of section.objects) seen.set(obj.name, (seen.get(obj.name) ?? 0) + 1);
    for (const section of block.sections) {
      for (const obj of section.objects) {
        rows.push({
          module: block.name,
          object: (seen.get(obj.name) ?? 0) > 1 ? `${section.title} › ${obj.name}` : obj.name,
          rights: obj.rights.filter((cell) => cell.granted).map((cell) => cell.right),
        });
      }
    }
  }
  return rows;
}

/** One row per application of a role's or user's Subscriptions page: subscribed or not. */
export function rightsOfSubscriptions(page: SubscriptionsPage): RightsRow[] {
  return page.applications.map((app) => ({
    module: app.name,
    object: SUBSCRIPTION_OBJECT,
    rights: app.subscribed ? [SUBSCRIBED_RIGHT] : [],
  }));
}

/** The reply's rights as audit history keeps them: one row per policy, named as Intacct sent it. */
export function rightsOfUserPermissions(apps: readonly ApplicationPermissions[]): RightsRow[] {
  return apps.flatMap((app) =>
    app.policies.map((policy) => ({ module: app.application.trim(), object: policy.name, rights: [...policy.rights] })),
  );
}
