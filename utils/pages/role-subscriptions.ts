import { CONTENT, NAME, namedAs, type PageDetector } from './detector';
import { applicationCount } from './applications';

const NAMED = /^roles? subscriptions?$|^subscriptions (for|of) role\b|^role application subscriptions$/;

export const roleSubscriptions: PageDetector = {
  kind: 'role-subscriptions',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    (applicationCount(s.fields) >= 3 && s.actions.has('permissions') ? CONTENT : 0) +
    (s.qualifiers().some((q) => q.startsWith('role')) ? 1 : 0),
};
