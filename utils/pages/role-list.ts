import type { PageKindSpec } from './spec';
import { CONTENT, NAME, URL_HINT, namedAs } from './detector';

// Every list page shares the lister's columns and path: a roles list is one that says "Roles".
export const roleList: PageKindSpec<'role-list'> = {
  kind: 'role-list',
  name: 'Roles',
  audit: 'fields',
  proves: 'fields',
  score(s) {
    if (!namedAs(s, /^roles$/)) return 0;
    const content =
      (s.columns.has('name') || s.columns.has('role name') || s.columns.has('role')) &&
      s.columns.has('description') &&
      (s.actions.has('subscriptions') || s.columns.has('subscriptions') || s.columns.has('role type') || s.mentions(/\bsubscriptions\b/i));
    return NAME + (content ? CONTENT : 0) + (/\/lister\.phtml/.test(s.path) ? URL_HINT : 0);
  },
};
