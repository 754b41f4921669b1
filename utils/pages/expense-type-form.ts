import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';
import { countIn } from './signals';

const NAMED = /^expense types?( information)?$/;
const ACCOUNT = ['account number', 'gl account', 'gl account number', 'expense account', 'account'];

export const expenseTypeForm: PageKindSpec<'expense-type-form'> = {
  kind: 'expense-type-form',
  name: 'Expense type',
  audit: 'fields',
  proves: 'fields',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) + (s.fields.has('expense type') && countIn(s.fields, ACCOUNT) > 0 ? CONTENT : 0),
};
