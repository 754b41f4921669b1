import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';
import { applicationCount } from './applications';

const NAMED = /^roles? subscriptions?$|^subscriptions (for|of) role\b|^role application subscriptions$/;

export const roleSubscriptions: PageKindSpec<'role-subscriptions'> = {
  kind: 'role-subscriptions',
  name: 'Roles subscriptions',
  audit: 'rights',
  proves: 'part',
  apply: 'rights',
  evidenceSource: 'a role’s Subscriptions page',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    (applicationCount(s.fields) >= 3 && s.actions.has('permissions') ? CONTENT : 0) +
    (s.qualifiers().some((q) => q.startsWith('role')) ? 1 : 0),
};
