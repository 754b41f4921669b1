import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch, countIn, type PageSignals } from './signals';

// The Permissions window (reference §3.3): sections "Activities and lists" and "Reports", each a grid of
// List / View / Add / Edit / Delete checkboxes. Roles and users share it; a "Role:"/"User:" line or the
// heading tells whose rights they are.
function permissionsWindowScore(s: PageSignals): number {
  const named = anyMatch(s.names, /^((role|user) )?permissions$|^permissions (for|of) /);
  const grid =
    countIn(s.columns, ['list', 'view', 'add', 'edit', 'delete']) >= 3 &&
    anyMatch([...s.sections, ...s.names], /^(activities and lists|reports|lists|activities)$/);
  return (named ? NAME : 0) + (grid ? CONTENT : 0);
}

function whose(s: PageSignals, who: 'role' | 'user'): number {
  if (anyMatch(s.names, new RegExp(`^${who} permissions`))) return 1;
  return s.qualifiers().some((q) => q.startsWith(`${who}:`) || q.startsWith(`${who} :`)) ? 1 : 0;
}

export const rolePermissions: PageDetector = {
  kind: 'role-permissions',
  score: (s) => {
    const base = permissionsWindowScore(s);
    return base === 0 ? 0 : base + whose(s, 'role');
  },
};

export const userPermissions: PageDetector = {
  kind: 'user-permissions',
  score: (s) => {
    const base = permissionsWindowScore(s);
    return base === 0 ? 0 : base + whose(s, 'user');
  },
};
