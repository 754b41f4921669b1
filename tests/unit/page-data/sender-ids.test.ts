import { describe, expect, it } from 'vitest';
import { findSenderAuthorizationTable, readSenderAuthorizations } from '@/utils/page-data/sender-authorizations';
import { MANGLERS, fixtureHtml, parseHtml } from '../pages/load-fixture';

const load = (): Document => parseHtml(fixtureHtml('company-security'));

describe('readSenderAuthorizations', () => {
  it('reads every sender of the Web Services authorizations table, in page order', () => {
    const rows = readSenderAuthorizations(load());
    expect(rows.map(({ senderId, description, status }) => ({ senderId, description, status }))).toEqual([
      { senderId: 'Expensify', description: 'Expensify', status: 'Active' },
      { senderId: 'ajax', description: 'Scripts', status: 'Active' },
      { senderId: 'cdocs_v2', description: 'Printed Document Toolbar', status: 'Active' },
    ]);
    expect(rows[0]!.row.tagName).toBe('TR');
  });

  for (const [how, mangle] of Object.entries(MANGLERS)) {
    it(`finds the table by its column headings with ${how}`, () => {
      const doc = load();
      mangle(doc);
      expect(readSenderAuthorizations(doc).map((r) => r.senderId)).toEqual(['Expensify', 'ajax', 'cdocs_v2']);
    });
  }

  it('reads only the header row’s own table when the page sits in an outer layout table', () => {
    const doc = load();
    const outer = doc.createElement('table');
    outer.innerHTML =
      '<tbody><tr><td class="content"></td></tr><tr><td>Help</td><td>Privacy</td><td>Terms</td><td>Copyright</td></tr></tbody>';
    const content = outer.querySelector('td.content')!;
    while (doc.body.firstChild) content.appendChild(doc.body.firstChild);
    doc.body.appendChild(outer);
    expect(readSenderAuthorizations(doc).map((r) => r.senderId)).toEqual(['Expensify', 'ajax', 'cdocs_v2']);
    expect(findSenderAuthorizationTable(doc)?.id).toBe('xmlpartners');
  });

  it('skips the rows of a table nested in a cell', () => {
    const doc = load();
    const actions = doc.querySelector('#xmlpartners tbody tr td:last-child')!;
    actions.innerHTML = '<table><tr><td>Edit</td><td>|</td><td>Delete</td></tr></table>';
    expect(readSenderAuthorizations(doc).map((r) => r.senderId)).toEqual(['Expensify', 'ajax', 'cdocs_v2']);
  });

  it('keeps a stray space that is part of the ID, but not the markup’s indentation', () => {
    const doc = parseHtml(`<table>
      <tr><th>Sender ID</th><th>Description</th><th>Status</th></tr>
      <tr><td> expensify</td><td>x</td><td>Active</td></tr>
      <tr><td>
          certify
        </td><td>
          Certify Integration
        </td><td>Inactive</td></tr>
    </table>`);
    expect(readSenderAuthorizations(doc).map((r) => [r.senderId, r.description, r.status])).toEqual([
      [' expensify', 'x', 'Active'],
      ['certify', 'Certify Integration', 'Inactive'],
    ]);
  });

  it('keeps markup-looking text as text', () => {
    const doc = parseHtml(
      '<table><tr><th>Sender ID</th><th>Description</th><th>Status</th></tr><tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td></td><td>Active</td></tr></table>',
    );
    expect(readSenderAuthorizations(doc)[0]?.senderId).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('img')).toBeNull();
  });

  it('skips an empty-table message row and finds nothing on a page without the table', () => {
    const empty = parseHtml(
      '<table><thead><tr><th>Sender ID</th><th>Description</th><th>Status</th></tr></thead><tbody><tr><td colspan="3">No authorizations</td></tr></tbody></table>',
    );
    expect(readSenderAuthorizations(empty)).toEqual([]);
    expect(findSenderAuthorizationTable(empty)).not.toBeNull();
    const other = parseHtml(fixtureHtml('ws-user-list'));
    expect(readSenderAuthorizations(other)).toEqual([]);
    expect(findSenderAuthorizationTable(other)).toBeNull();
  });
});
