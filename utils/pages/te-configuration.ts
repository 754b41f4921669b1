import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch, countIn } from './signals';

const FIELDS = ['expense types', 'expense report', 'employee', 'duplicate numbers', 'enable expense report approval'];

export const teConfiguration: PageDetector = {
  kind: 'te-configuration',
  score: (s) =>
    // The product now says "Expenses" where older pages say "Time & Expenses" (reference §3.3).
    (anyMatch(s.names, /^(configure (time (&|and) )?expenses|(time (&|and) )?expenses? configuration|expenses? setup)$/) ? NAME : 0) +
    (countIn(s.fields, FIELDS) >= 3 ? CONTENT : 0),
};
