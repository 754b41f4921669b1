import type { Finding } from '@/utils/audit/finding';
import type { RightsRow } from '@/utils/audit/rights';
import { auditPage, type PageAuditOptions } from '@/utils/audit/page-audit';
import { createPermissionsAudit, type PermissionPageKind } from '@/utils/audit/permission-tracker';
import type { PageKind } from '@/utils/pages/kinds';
import { isRightsPage } from '@/utils/pages/registry';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';

/** The audit of one page for the live overlay: read once, then told what the admin changed. */
export interface PageAuditor {
  findings(): Finding[];
  /** The admin changed this control (or null: something changed, re-read everything). */
  changed(target: Element | null): void;
  /** Whose rights the page shows, where it says ("Role: Expensify"). */
  subject(): { kind: 'role' | 'user'; name: string } | null;
  /** What a permissions page grants now (empty elsewhere): what an exported audit keeps for later comparison. */
  rights(): RightsRow[];
  /** Which permissions view the page is, for comparing like with like; null on other pages. */
  view(): 'permissions-window' | 'subscriptions' | null;
}

/** A page the live permissions audit checks (its spec says `audit: 'rights'`). */
export const isPermissionPage = (kind: PageKind): kind is PermissionPageKind => isRightsPage(kind);

export function createPageAuditor(
  doc: Document,
  kind: PageKind,
  profile: IntegrationProfile,
  values: OptionValues,
  options: PageAuditOptions = {},
): PageAuditor {
  if (isPermissionPage(kind)) {
    // A permissions window can hold thousands of checkboxes: its audit updates one cell per click (issue #4 budget).
    const live = createPermissionsAudit(doc, profile, values, kind);
    return {
      findings: () => live.findings(),
      changed: (target) => {
        if (target) live.update(target);
        else live.refresh();
      },
      subject: () => live.subject,
      rights: () => live.rights(),
      view: () => (live.kind === 'none' ? null : live.kind),
    };
  }
  return {
    findings: () => auditPage(doc, kind, profile, values, options),
    changed: () => {},
    subject: () => null,
    rights: () => [],
    view: () => null,
  };
}
