import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch, countIn } from './signals';

const FIELDS = ['expense types', 'expense report', 'employee', 'duplicate numbers', 'enable expense report approval'];

// The product now says "Expenses" where older pages say "Time & Expenses" (reference §3.3).
const NAMED = /^(configure (time (&|and) )?expenses|(time (&|and) )?expenses? configuration|expenses? setup)$/;

export const teConfiguration: PageDetector = {
  kind: 'te-configuration',
  // Its content alone is one signal: the page is recognized only with its name.
  gate: (p) => anyMatch(p.names, NAMED),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (countIn(s.fields, FIELDS) >= 3 ? CONTENT : 0),
};
