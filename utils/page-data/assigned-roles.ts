import { cellUnder, findTables } from '@/utils/reading/rows';
import { shortText } from '@/utils/reading/text';

export interface AssignedRoles {
  /** The "Roles information" table of the user form. */
  table: Element;
  roles: string[];
}

const ROLE_COLUMN = ['role name', 'role'];

/**
 * The roles listed on a user form's "Roles information" tab (role-based companies only,
 * docs/intacct.md#web-services-user-form), found by its "Role name" column in whichever structure
 * draws it. Placeholder rows ("No roles assigned…", one cell spanning the table) are not roles. Null
 * when the form has no such table.
 */
export function readAssignedRoles(doc: Document): AssignedRoles | null {
  const table = findTables(doc, (cols) => cols.some((c) => ROLE_COLUMN.includes(c)) && !cols.includes('sender id'))[0];
  if (!table) return null;
  const roles: string[] = [];
  for (const row of table.rows) {
    const cell = cellUnder(table, row, ROLE_COLUMN);
    const name = cell ? (shortText(cell, 200) ?? '') : '';
    if (name) roles.push(name);
  }
  return { table: table.el, roles };
}
