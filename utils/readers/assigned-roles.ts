import { normalizeText } from '@/utils/pages/signals';

export interface AssignedRoles {
  /** The "Roles information" table of the user form. */
  table: Element;
  roles: string[];
}

/**
 * The roles listed on a user form's "Roles information" tab (role-based companies only, reference §3.3),
 * found by its "Role name" column. Placeholder rows ("No roles assigned…", one cell spanning the table)
 * are not roles. Null when the form has no such table.
 */
export function readAssignedRoles(doc: Document): AssignedRoles | null {
  for (const th of Array.from(doc.querySelectorAll('th, [role="columnheader"]'))) {
    if (normalizeText(th.textContent) !== 'role name') continue;
    const table = th.closest('table, [role="grid"], [role="table"]');
    const headRow = th.closest('tr, [role="row"]');
    if (!table || !headRow) continue;
    const column = Array.from(headRow.children).indexOf(th);
    const roles: string[] = [];
    for (const row of Array.from(table.querySelectorAll('tbody tr, [role="row"]'))) {
      if (row === headRow || row.closest('table') !== table) continue;
      const cells = Array.from(row.children);
      if (cells.length < headRow.children.length) continue;
      const name = (cells[column]?.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (name) roles.push(name);
    }
    return { table, roles };
  }
  return null;
}
