import { CONTENT, NAME, type PageDetector } from './detector';
import { applicationCount } from './applications';
import { anyMatch } from './signals';

export const roleSubscriptions: PageDetector = {
  kind: 'role-subscriptions',
  score: (s) =>
    (anyMatch(s.names, /^roles? subscriptions$|^subscriptions for role\b/) ? NAME : 0) +
    (applicationCount(s.fields) >= 3 && s.actions.has('permissions') ? CONTENT : 0) +
    (s.qualifiers().some((q) => q.startsWith('role')) ? 1 : 0),
};
