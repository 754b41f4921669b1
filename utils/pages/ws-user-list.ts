import type { PageKindSpec } from './spec';
import { CONTENT, NAME, URL_HINT, namedAs } from './detector';
import { countIn } from './signals';

const COLUMNS = ['user id', 'user type', 'admin privileges', 'status', 'email address', 'username', 'user name', 'contact name', 'name'];

export const wsUserList: PageKindSpec<'ws-user-list'> = {
  kind: 'ws-user-list',
  name: 'Web Services users',
  audit: 'fields',
  proves: 'fields',
  score(s) {
    // A regular Users list has the same columns: only its name tells it apart.
    if (!namedAs(s, /^web services users$/)) return 0;
    return NAME + (countIn(s.columns, COLUMNS) >= 3 ? CONTENT : 0) + (/\/lister\.phtml/.test(s.path) ? URL_HINT : 0);
  },
};
