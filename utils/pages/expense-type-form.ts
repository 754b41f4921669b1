import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(expense types?( information)?|(new|create|add|edit) expense type)$/;

export const expenseTypeForm: PageDetector = {
  kind: 'expense-type-form',
  gate: (p) => anyMatch(p.names, NAMED),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (s.fields.has('expense type') && s.fields.has('account number') ? CONTENT : 0),
};
