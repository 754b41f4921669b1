import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const roleForm: PageDetector = {
  kind: 'role-form',
  score: (s) =>
    (anyMatch(s.names, /^(role information|(new|create|add|edit) role|role)$/) ? NAME : 0) +
    (s.fields.has('name') && s.fields.has('description') ? CONTENT : 0) +
    (/[?&]\.it=roles?(&|$)/.test(s.path) ? URL_HINT : 0),
};
