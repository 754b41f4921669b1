import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';
import { applicationCount } from './applications';

const NAMED = /^(user )?application subscriptions$|^user subscriptions?$|^subscriptions (for|of) user\b/;

export const userSubscriptions: PageKindSpec<'user-subscriptions'> = {
  kind: 'user-subscriptions',
  name: 'User application subscriptions',
  audit: 'rights',
  proves: 'part',
  apply: 'rights',
  evidenceSource: 'a user’s Application Subscriptions page',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    (applicationCount(s.fields) >= 3 && s.actions.has('permissions') ? CONTENT : 0) +
    (s.qualifiers().some((q) => q.startsWith('user')) ? 1 : 0),
};
