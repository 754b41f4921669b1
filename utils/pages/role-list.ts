import { CONTENT, NAME, URL_HINT, namedAs, type PageDetector } from './detector';

export const roleList: PageDetector = {
  kind: 'role-list',
  score: (s) =>
    (namedAs(s, /^roles$/) ? NAME : 0) +
    ((s.columns.has('name') || s.columns.has('role name') || s.columns.has('role')) &&
    s.columns.has('description') &&
    (s.actions.has('subscriptions') || s.columns.has('subscriptions') || s.columns.has('role type') || s.mentions(/\bsubscriptions\b/i))
      ? CONTENT
      : 0) +
    (/\/lister\.phtml/.test(s.path) ? URL_HINT : 0),
};
