/**
 * Small permissions windows for tests, in the demo's markup (role-permissions.html) unless a variant asks
 * for another shape. A right set to `null` has no checkbox: the object lacks that right.
 */
export interface TestRow {
  name: string;
  rights: Record<string, boolean | null>;
}

export interface TestSection {
  title: string;
  shortcut?: 'all' | 'readonly' | 'custom';
  rows: TestRow[];
}

export interface TestWindow {
  who?: string;
  application: string;
  sections: TestSection[];
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function columnsOf(section: TestSection): string[] {
  const cols: string[] = [];
  for (const row of section.rows) for (const r of Object.keys(row.rights)) if (!cols.includes(r)) cols.push(r);
  return cols;
}

export function permissionsWindowHtml(page: TestWindow): string {
  const sections = page.sections
    .map((section, si) => {
      const cols = columnsOf(section);
      const radio = (value: string, label: string): string =>
        `<input type="radio" name="sc${si}" id="sc${si}_${value}" value="${value}"${section.shortcut === value ? ' checked' : ''}> <label for="sc${si}_${value}">${label}</label>`;
      const rows = section.rows
        .map(
          (row) =>
            `<tr><th scope="row">${esc(row.name)}</th>${cols
              .map((c) => {
                const v = row.rights[c];
                return v === null || v === undefined
                  ? '<td></td>'
                  : `<td><input type="checkbox" aria-label="${esc(row.name)} ${esc(c)}"${v ? ' checked' : ''}></td>`;
              })
              .join('')}</tr>`,
        )
        .join('\n');
      return `<fieldset class="perms"><legend>${esc(section.title)}</legend>
<div class="shortcuts" role="radiogroup" aria-label="${esc(section.title)} shortcut">${radio('all', 'All')} ${radio('readonly', 'Read only')} ${radio('custom', 'Custom')}</div>
<table class="lister perms"><thead><tr><th scope="col">Permission</th>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></fieldset>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><title>Sage Intacct - Permissions</title></head><body>
<h1 class="pagetitle">Permissions</h1>
<div class="context"><div>${esc(page.who ?? 'Role: Expensify')}</div><div>Application: <b>${esc(page.application)}</b></div></div>
<form>${sections}</form></body></html>`;
}

/** Every right of the row ticked (true) or unticked (false). */
export function row(name: string, rights: readonly string[], ticked: boolean | readonly string[]): TestRow {
  const on = (r: string): boolean => (typeof ticked === 'boolean' ? ticked : ticked.includes(r));
  return { name, rights: Object.fromEntries(rights.map((r) => [r, on(r)])) };
}
