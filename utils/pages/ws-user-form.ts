import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch, countIn } from './signals';

// Both label generations (reference §3.3): the older guides' form and the current help's form.
const OLDER = ['user id', 'last name', 'first name', 'email address', 'user type', 'admin privileges', 'status'];
const CURRENT = ['user id', 'username', 'account email address', 'contact name', 'user type', 'admin privileges', 'status'];

const NAMED = /^(web services user( information)?|(new|create|add|edit|view) web services user\b.*)$/;

export const wsUserForm: PageDetector = {
  kind: 'ws-user-form',
  gate: (p) => anyMatch(p.names, NAMED) || (/\/editor\.phtml/.test(p.path) && p.mentions(/user type|admin privileges|contact name/i)),
  score(s) {
    // A regular (UI) user's form has the same fields; only its name tells it apart.
    if (anyMatch(s.names, /^(user information|(new|create|add|edit) user)$/)) return 0;
    return (
      (anyMatch(s.names, NAMED) ? NAME : 0) +
      (Math.max(countIn(s.fields, OLDER), countIn(s.fields, CURRENT)) >= 5 ? CONTENT : 0) +
      (/\/editor\.phtml/.test(s.path) ? URL_HINT : 0)
    );
  },
};
