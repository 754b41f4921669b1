import { CONTENT, NAME, URL_HINT, namedAs, type PageDetector } from './detector';

const NAMED = /^role( information)?$/;

// Name and Description are every form's first fields: a role's form is one that says "Role".
export const roleForm: PageDetector = {
  kind: 'role-form',
  score(s) {
    if (!namedAs(s, NAMED)) return 0;
    return (
      NAME +
      ((s.fields.has('name') || s.fields.has('role name')) && s.fields.has('description') ? CONTENT : 0) +
      (/[?&]\.it=roles?(&|$)/.test(s.path) ? URL_HINT : 0)
    );
  },
};
