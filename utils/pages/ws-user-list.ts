import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch, countIn } from './signals';

export const wsUserList: PageDetector = {
  kind: 'ws-user-list',
  score: (s) =>
    (anyMatch(s.names, /^web services users$/) ? NAME : 0) +
    (countIn(s.columns, ['user id', 'user type', 'admin privileges', 'status', 'email address']) >= 3 ? CONTENT : 0) +
    (/\/lister\.phtml/.test(s.path) ? URL_HINT : 0),
};
