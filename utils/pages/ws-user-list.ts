import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch, countIn } from './signals';

const NAMED = /^web services users$/;

export const wsUserList: PageDetector = {
  kind: 'ws-user-list',
  gate: (p) => anyMatch(p.names, NAMED) || (/\/lister\.phtml/.test(p.path) && p.mentions(/user type|admin privileges|email address/i)),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (countIn(s.columns, ['user id', 'user type', 'admin privileges', 'status', 'email address']) >= 3 ? CONTENT : 0) +
    (/\/lister\.phtml/.test(s.path) ? URL_HINT : 0),
};
