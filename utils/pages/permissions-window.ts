import { CONTENT, NAME, RECOGNIZED, type PageDetector } from './detector';
import { anyMatch, countIn, type PageSignals, type PreSignals } from './signals';

// The Permissions window (reference §3.3): sections "Activities and lists" and "Reports", each a grid of
// List / View / Add / Edit / Delete checkboxes. Roles and users share it; a "Role:"/"User:" line or the
// heading tells whose rights they are.
const NAMED = /^((role|user) )?permissions$|^permissions (for|of) /;

// Without its name a window is recognized on its grid and a Role: / User: line (reference §3.3).
function permissionsWindowGate(p: PreSignals): boolean {
  return anyMatch(p.names, NAMED) || (p.hasCheckboxes() && p.mentions(/\b(?:role|user)\s*:/i) && p.mentions(/\bview\b/i));
}

function permissionsWindowScore(s: PageSignals): number {
  const named = anyMatch(s.names, NAMED);
  const grid =
    countIn(s.columns, ['list', 'view', 'add', 'edit', 'delete']) >= 3 &&
    anyMatch([...s.sections, ...s.names], /^(activities and lists|reports|lists|activities)$/);
  return (named ? NAME : 0) + (grid ? CONTENT : 0);
}

function whose(s: PageSignals, who: 'role' | 'user'): number {
  if (anyMatch(s.names, new RegExp(`^${who} permissions`))) return 1;
  return s.qualifiers().some((q) => q.startsWith(`${who}:`) || q.startsWith(`${who} :`)) ? 1 : 0;
}

function score(s: PageSignals, who: 'role' | 'user'): number {
  const base = permissionsWindowScore(s);
  if (base === 0) return 0;
  const said = whose(s, who);
  // A window recognized on its own that does not say whose rights it shows (no name on its "User:" line)
  // would be a tie the first detector wins: the URL's `.it=role…` / `.it=user…` breaks it, and only it.
  const hint = said === 0 && base >= RECOGNIZED && new RegExp(`[?&]\\.it=${who}`).test(s.path) ? 0.5 : 0;
  return base + said + hint;
}

export const rolePermissions: PageDetector = { kind: 'role-permissions', gate: permissionsWindowGate, score: (s) => score(s, 'role') };

export const userPermissions: PageDetector = { kind: 'user-permissions', gate: permissionsWindowGate, score: (s) => score(s, 'user') };
