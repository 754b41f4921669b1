import { CONTENT, NAME, type PageDetector } from './detector';
import { applicationCount } from './applications';
import { anyMatch } from './signals';

const NAMED = /^(user )?application subscriptions$|^user subscriptions$|^subscriptions for user\b/;

export const userSubscriptions: PageDetector = {
  kind: 'user-subscriptions',
  gate: (p) => anyMatch(p.names, NAMED) || (p.hasCheckboxes() && p.mentions(/permissions/i)),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (applicationCount(s.fields) >= 3 && s.actions.has('permissions') ? CONTENT : 0) +
    (s.qualifiers().some((q) => q.startsWith('user')) ? 1 : 0),
};
