import { CONTENT, NAME, type PageDetector } from './detector';
import { applicationCount } from './applications';
import { anyMatch } from './signals';

export const userSubscriptions: PageDetector = {
  kind: 'user-subscriptions',
  score: (s) =>
    (anyMatch(s.names, /^(user )?application subscriptions$|^user subscriptions$|^subscriptions for user\b/) ? NAME : 0) +
    (applicationCount(s.fields) >= 3 && s.actions.has('permissions') ? CONTENT : 0) +
    (s.qualifiers().some((q) => q.startsWith('user')) ? 1 : 0),
};
