import type { PageKindSpec } from './spec';
import { CONTENT, NAME, RECOGNIZED, namedAs } from './detector';
import { anyMatch, countIn, type PageSignals } from './signals';
import { RIGHT_VERBS } from '@/utils/reading/rights';

// The Permissions window (docs/intacct.md, "Pages"): sections "Activities and lists" and "Reports", each a
// grid of List / View / Add / Edit / Delete boxes. Roles and users share it; a "Role:"/"User:" line or the
// name tells whose rights they are.
const NAMED = /^((role|user) )?permissions$|^permissions (for|of) |^(edit|view) permissions$/;

const SECTION = /^(activities and lists|reports|lists|activities|lists and activities)$/;

function windowScore(s: PageSignals): number {
  const named = namedAs(s, NAMED);
  // The window's content: objects with boxes under verbs, in its sections (titled on the page or in the grid).
  const rights = s.rights();
  const grid = rights.objects >= 2 && (anyMatch([...s.sections, ...s.names, ...rights.titles], SECTION) || countIn(s.columns, RIGHT_VERBS) >= 3);
  // A permissions report lists the same rights as words in a table: a report, not the window.
  const report = namedAs(s, /\breport\b/) ? NAME : 0;
  return (named ? NAME : 0) + (grid ? CONTENT : 0) - report;
}

function whose(s: PageSignals, who: 'role' | 'user'): number {
  if (namedAs(s, new RegExp(`^${who} permissions`))) return 1;
  return s.qualifiers().some((q) => q.startsWith(`${who}:`) || q.startsWith(`${who} :`)) ? 1 : 0;
}

function score(s: PageSignals, who: 'role' | 'user'): number {
  const base = windowScore(s);
  if (base <= 0) return 0;
  const said = whose(s, who);
  // A window recognized on its own that does not say whose rights it shows (no name on its "User:" line)
  // would be a tie the first detector wins: the URL's `.it=role…` / `.it=user…` breaks it, and only it.
  const hint = said === 0 && base >= RECOGNIZED && new RegExp(`[?&]\\.it=${who}`).test(s.path) ? 0.5 : 0;
  return base + said + hint;
}

export const rolePermissions: PageKindSpec<'role-permissions'> = {
  kind: 'role-permissions',
  name: 'Role permissions',
  audit: 'rights',
  proves: 'part',
  apply: 'rights',
  evidenceSource: 'a role’s Permissions window',
  score: (s) => score(s, 'role'),
};

export const userPermissions: PageKindSpec<'user-permissions'> = {
  kind: 'user-permissions',
  name: 'User permissions',
  audit: 'rights',
  proves: 'part',
  apply: 'rights',
  evidenceSource: 'a user’s Permissions window',
  score: (s) => score(s, 'user'),
};
