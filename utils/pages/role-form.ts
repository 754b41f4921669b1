import type { PageKindSpec } from './spec';
import { CONTENT, NAME, URL_HINT, namedAs } from './detector';

const NAMED = /^role( information)?$/;

// Name and Description are every form's first fields: a role's form is one that says "Role".
export const roleForm: PageKindSpec<'role-form'> = {
  kind: 'role-form',
  name: 'Role',
  audit: 'fields',
  proves: 'fields',
  wrongValue: [
    {
      // The role name is immutable (docs/intacct.md#roles-and-the-permissions-window).
      label: 'name',
      why: (_found, guide, expected) => `${guide} asks for the role name ${expected}, and Intacct does not let you rename a role after saving.`,
    },
  ],
  score(s) {
    if (!namedAs(s, NAMED)) return 0;
    return (
      NAME +
      ((s.fields.has('name') || s.fields.has('role name')) && s.fields.has('description') ? CONTENT : 0) +
      (/[?&]\.it=roles?(&|$)/.test(s.path) ? URL_HINT : 0)
    );
  },
};
