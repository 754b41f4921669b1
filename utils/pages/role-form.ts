import { CONTENT, NAME, URL_HINT, namedAs, type PageDetector } from './detector';

const NAMED = /^role( information)?$/;

export const roleForm: PageDetector = {
  kind: 'role-form',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    ((s.fields.has('name') || s.fields.has('role name')) && s.fields.has('description') ? CONTENT : 0) +
    (/[?&]\.it=roles?(&|$)/.test(s.path) ? URL_HINT : 0),
};
