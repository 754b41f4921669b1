import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const roleList: PageDetector = {
  kind: 'role-list',
  gate: (p) => anyMatch(p.names, /^roles$/) || (/\/lister\.phtml/.test(p.path) && p.mentions(/subscriptions/i)),
  score: (s) =>
    (anyMatch(s.names, /^roles$/) ? NAME : 0) +
    (s.columns.has('name') && s.columns.has('description') && (s.actions.has('subscriptions') || s.columns.has('subscriptions'))
      ? CONTENT
      : 0) +
    (/\/lister\.phtml/.test(s.path) ? URL_HINT : 0),
};
