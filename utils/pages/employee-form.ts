import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const employeeForm: PageDetector = {
  kind: 'employee-form',
  score: (s) =>
    (anyMatch(s.names, /^(employee( information)?|(new|create|add|edit) employee)$/) ? NAME : 0) +
    (s.fields.has('employee id') && s.fields.has('primary contact name') ? CONTENT : 0) +
    (/[?&]\.it=employee(&|$)/.test(s.path) ? URL_HINT : 0),
};
