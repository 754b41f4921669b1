import { CONTENT, NAME, URL_HINT, namedAs, type PageDetector } from './detector';
import { countIn } from './signals';

const NAMED = /^employee( information)?$/;
const CONTACT = ['primary contact name', 'primary contact', 'contact name', 'contact'];

export const employeeForm: PageDetector = {
  kind: 'employee-form',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    (s.fields.has('employee id') && countIn(s.fields, CONTACT) > 0 ? CONTENT : 0) +
    (/[?&]\.it=employee(&|$)/.test(s.path) ? URL_HINT : 0),
};
