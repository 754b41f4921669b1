import { CONTENT, NAME, namedAs, type PageDetector } from './detector';
import { applicationCount } from './applications';

const NAMED = /^(user )?application subscriptions$|^user subscriptions?$|^subscriptions (for|of) user\b/;

export const userSubscriptions: PageDetector = {
  kind: 'user-subscriptions',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    (applicationCount(s.fields) >= 3 && s.actions.has('permissions') ? CONTENT : 0) +
    (s.qualifiers().some((q) => q.startsWith('user')) ? 1 : 0),
};
