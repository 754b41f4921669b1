/**
 * The verbs Intacct's Permissions window shows as column heads (docs/intacct.md, "Permissions"): the five
 * basic ones every list and activity has, then object-specific ones. A grid whose heads are verbs and
 * whose cells are boxes is a grid of rights, whichever verbs a section happens to use ("Run" alone under
 * Reports).
 */
export const BASIC_VERBS = ['list', 'view', 'add', 'edit', 'delete'] as const;

export const RIGHT_VERBS: readonly string[] = [
  ...BASIC_VERBS,
  'run',
  'upload',
  'reverse',
  'reclass',
  'approve',
  'refresh',
  'enable',
  'subscribe',
  'configure',
  'remove',
  'assign users',
  'grant',
  'permissions',
  'import',
  'export',
  'post',
  'print',
  'submit',
  'void',
];

const VERBS = new Set(RIGHT_VERBS);

const BASIC = new Set<string>(BASIC_VERBS);

/** Whether a normalized head is one of List, View, Add, Edit, Delete. */
export function isBasicVerb(text: string): boolean {
  return BASIC.has(text);
}

/** Whether a normalized column head or box name is a right's verb. */
export function isRightVerb(text: string): boolean {
  return VERBS.has(text);
}
