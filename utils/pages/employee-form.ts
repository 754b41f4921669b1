import type { PageKindSpec } from './spec';
import { CONTENT, NAME, URL_HINT, namedAs } from './detector';
import { countIn } from './signals';

const NAMED = /^employee( information)?$/;
const CONTACT = ['primary contact name', 'primary contact', 'contact name', 'contact'];

// An employees list shows the same words in its columns: an employee's form is one that says "Employee".
export const employeeForm: PageKindSpec<'employee-form'> = {
  kind: 'employee-form',
  name: 'Employee',
  audit: 'fields',
  proves: 'fields',
  score(s) {
    if (!namedAs(s, NAMED)) return 0;
    return (
      NAME +
      (s.fields.has('employee id') && countIn(s.fields, CONTACT) > 0 ? CONTENT : 0) +
      (/[?&]\.it=employee(&|$)/.test(s.path) ? URL_HINT : 0)
    );
  },
};
