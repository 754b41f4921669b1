import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';
import { countIn } from './signals';

const FIELDS = ['expense types', 'expense report', 'employee', 'duplicate numbers', 'enable expense report approval', 'expense report approval'];

// The product now says "Expenses" where older pages say "Time & Expenses" (docs/intacct.md, "Pages").
const NAMED = /^(configure (time (&|and) )?expenses|(time (&|and) )?expenses? configuration|expenses? setup|(time (&|and) )?expenses? settings)$/;

export const teConfiguration: PageKindSpec<'te-configuration'> = {
  kind: 'te-configuration',
  name: 'Time & Expenses configuration',
  audit: 'fields',
  proves: 'fields',
  apply: 'settings',
  // Its content alone is one signal (another application's configuration has sequences and duplicate
  // numbers too): the page is recognized only with its name.
  score: (s) => (namedAs(s, NAMED) ? NAME : 0) + (countIn(s.fields, FIELDS) >= 3 ? CONTENT : 0),
};
