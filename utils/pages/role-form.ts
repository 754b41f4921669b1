import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(role information|(new|create|add|edit) role|role)$/;

export const roleForm: PageDetector = {
  kind: 'role-form',
  gate: (p) => anyMatch(p.names, NAMED) || /[?&]\.it=roles?(&|$)/.test(p.path),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (s.fields.has('name') && s.fields.has('description') ? CONTENT : 0) +
    (/[?&]\.it=roles?(&|$)/.test(s.path) ? URL_HINT : 0),
};
