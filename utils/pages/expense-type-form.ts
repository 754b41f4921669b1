import { CONTENT, NAME, namedAs, type PageDetector } from './detector';
import { countIn } from './signals';

const NAMED = /^expense types?( information)?$/;
const ACCOUNT = ['account number', 'gl account', 'gl account number', 'expense account', 'account'];

export const expenseTypeForm: PageDetector = {
  kind: 'expense-type-form',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) + (s.fields.has('expense type') && countIn(s.fields, ACCOUNT) > 0 ? CONTENT : 0),
};
