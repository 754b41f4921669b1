import { RECOGNIZED, type PageDetector } from './detector';
import type { PageKind } from './kinds';
import { readPageSignals, readPreSignals } from './signals';
import { wsUserList } from './ws-user-list';
import { wsUserForm } from './ws-user-form';
import { roleList } from './role-list';
import { roleForm } from './role-form';
import { roleSubscriptions } from './role-subscriptions';
import { userSubscriptions } from './user-subscriptions';
import { rolePermissions, userPermissions } from './permissions-window';
import { companySubscriptions } from './company-subscriptions';
import { teConfiguration } from './te-configuration';
import { companySecurity } from './company-security';
import { senderForm } from './sender-form';
import { customPackage } from './custom-package';
import { platformAppInstall } from './platform-app-install';
import { employeeForm } from './employee-form';
import { expenseTypeForm } from './expense-type-form';

export const DETECTORS: readonly PageDetector[] = [
  wsUserList,
  wsUserForm,
  roleList,
  roleForm,
  roleSubscriptions,
  rolePermissions,
  userSubscriptions,
  userPermissions,
  companySubscriptions,
  teConfiguration,
  companySecurity,
  senderForm,
  customPackage,
  platformAppInstall,
  employeeForm,
  expenseTypeForm,
];

/** Every detector's score, for tests and for explaining a miss. */
export function scorePage(doc: Document, url: string): Partial<Record<PageKind, number>> {
  const signals = readPageSignals(doc, url);
  const scores: Partial<Record<PageKind, number>> = {};
  for (const d of DETECTORS) scores[d.kind] = d.score(signals);
  return scores;
}

/**
 * Which setup page this document is, or null, as the built-in detectors see it (pages the admin taught:
 * `detectTaughtPage` in taught.ts). Never throws: an admin's ordinary pages must never see an error from
 * us, whatever their markup.
 */
export function detectPage(doc: Document, url: string): PageKind | null {
  try {
    const pre = readPreSignals(doc, url);
    // Most pages an admin opens are no setup page: they stop at the first look.
    if (!pre.mightBeSetup() || !DETECTORS.some((d) => d.gate(pre))) return null;
    const signals = readPageSignals(doc, url, pre);
    let best: PageKind | null = null;
    let bestScore = RECOGNIZED - 1;
    for (const d of DETECTORS) {
      const score = d.score(signals);
      if (score > bestScore) {
        best = d.kind;
        bestScore = score;
      }
    }
    return best;
  } catch {
    return null;
  }
}
