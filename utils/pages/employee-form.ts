import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(employee( information)?|(new|create|add|edit) employee)$/;

export const employeeForm: PageDetector = {
  kind: 'employee-form',
  gate: (p) => anyMatch(p.names, NAMED) || /[?&]\.it=employee(&|$)/.test(p.path),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (s.fields.has('employee id') && s.fields.has('primary contact name') ? CONTENT : 0) +
    (/[?&]\.it=employee(&|$)/.test(s.path) ? URL_HINT : 0),
};
