import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const expenseTypeForm: PageDetector = {
  kind: 'expense-type-form',
  score: (s) =>
    (anyMatch(s.names, /^(expense types?( information)?|(new|create|add|edit) expense type)$/) ? NAME : 0) +
    (s.fields.has('expense type') && s.fields.has('account number') ? CONTENT : 0),
};
