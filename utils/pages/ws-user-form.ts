import type { PageKindSpec } from './spec';
import { CONTENT, NAME, URL_HINT, namedAs, underTrail } from './detector';
import { anyMatch, countIn } from './signals';

// Both label generations (docs/intacct.md, "Pages"): the older guides' form and the current help's form.
const OLDER = ['user id', 'last name', 'first name', 'email address', 'user type', 'admin privileges', 'status'];
const CURRENT = ['user id', 'username', 'account email address', 'contact name', 'user type', 'admin privileges', 'status'];

// A regular user's form has the same fields; what a Web Services user's lacks is signing in to the UI:
// Web Services users have no SSO and no multi-factor sign-in (Intacct's help on Web Services users).
const SIGN_IN_FIELDS = [
  'single sign-on',
  'sso',
  'enable sso',
  'enable single sign-on',
  'federated sso user id',
  'federated id',
  'trusted devices',
  'multi-factor authentication',
  'two-factor authentication',
  'mfa',
];

export const wsUserForm: PageKindSpec<'ws-user-form'> = {
  kind: 'ws-user-form',
  name: 'Web Services user',
  audit: 'fields',
  checks: ['role-assignment'],
  proves: 'fields',
  wrongValue: [
    {
      // User type caps permissions; only Business users can affect the GL (docs/intacct.md#user-types).
      label: 'user type',
      expected: 'Business',
      why: (found) =>
        `User type ${found} cannot post to the general ledger: the user type caps what a user can do, and only Business users can affect the GL, whatever permissions they are given.`,
    },
    {
      // Only full admins have Platform Services features; integration guides ask for Full
      // (docs/intacct.md#admin-privileges).
      label: 'admin privileges',
      expected: 'Full',
      why: (found, guide) => `${guide} asks for Full admin privileges, not ${found}; only full admins get Platform Services features.`,
    },
    {
      label: 'status',
      why: (found) => `A web services user whose status is ${found} cannot sign in, so every request the integration sends would be refused.`,
    },
  ],
  score(s) {
    // What tells a Web Services user from a regular one: the page says "Web Services" where a person looks.
    const named = namedAs(s, /^web services user\b/);
    // Weaker: the page sits under "Web Services users", or a section or tab says so. (Its path is a guess:
    // Intacct's are undocumented, and an audit trail of the same user has it too.)
    const under = underTrail(s, /^web services users?$/) || anyMatch(s.sections, /\bweb services user\b/);
    const said = named ? NAME : under ? 1 : 0;
    if (said === 0) return 0;
    const content = Math.max(countIn(s.fields, OLDER), countIn(s.fields, CURRENT)) >= 4 ? CONTENT : 0;
    const url = /\/editor\.phtml/.test(s.path) ? URL_HINT : 0;
    // And what tells a regular user's form: signing in, and a name that says only "User".
    const signIn = countIn(s.fields, SIGN_IN_FIELDS) > 0 ? 2 : 0;
    const regular = !named && namedAs(s, /^(users?|user information|user details?)$/) ? 1 : 0;
    // The editor path only corroborates a form it holds: a Subscriptions page under "Web Services users" is no user form.
    return said + content + (content ? url : 0) - signIn - regular;
  },
};
