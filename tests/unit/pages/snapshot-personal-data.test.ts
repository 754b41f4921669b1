import { describe, expect, it } from 'vitest';
import { snapshotPage, snapshotText } from '@/utils/pages/structure-snapshot';
import { POD_HOST } from '../../fixtures/intacct/catalog';
import { parseHtml } from './load-fixture';

// Issue 23: "Copy page structure" holds structure only. A page full of people — in lists whose header row
// uses td, in cells beside checkboxes, in row headers, in control names, in links, grids, lists and div
// rows — and of text the admin typed (a contenteditable memo inside a label, a drawn text box, fields):
// none of it reaches the copy, while the page's own labels, headings and column heads do.

const PEOPLE = ['Ophelia Grant', 'ophelia.grant', 'Marcus Ibarra', 'mibarra', 'Wen Li', 'wli', 'Dana Okafor', 'dokafor', 'Priya Raman', 'praman'];
const EMAILS = ['ophelia.grant@northwind.example', 'm.ibarra@northwind.example'];
const TYPED = ['Memo about the Q3 bonus for Marcus', 'Reminder call Wen tomorrow', 'typed-into-the-box', 'SECRET-FIELD-VALUE', 'Textarea musings'];

const PAGE = `<title>Users</title>
<header><a href="#profile">Ophelia Grant</a> <button type="button">Ophelia Grant ▾</button> <span>Signed in as ophelia.grant</span></header>
<h1>Users</h1>
<h2>Approvers</h2>
<table class="lst">
  <tr><td>User ID</td><td>Name</td><td>Email</td></tr>
  <tr><td><a href="editor.phtml?.r=1">ophelia.grant</a></td><td>Ophelia Grant</td><td>ophelia.grant@northwind.example</td></tr>
  <tr><td><a href="editor.phtml?.r=2">mibarra</a></td><td>Marcus Ibarra</td><td>m.ibarra@northwind.example</td></tr>
</table>
<table>
  <tr><td>Wen Li</td><td><input type="checkbox" id="u-wli" title="wli"></td></tr>
  <tr><td>Dana Okafor</td><td><input type="checkbox" id="u-dokafor" checked></td></tr>
</table>
<table>
  <thead><tr><th scope="col">User</th><th scope="col">Admin</th></tr></thead>
  <tbody>
    <tr><th scope="row">praman</th><td><input type="checkbox" aria-label="Grant admin to praman"></td></tr>
    <tr><th scope="row">ophelia.grant</th><td><input type="checkbox" aria-label="Grant admin to ophelia.grant"></td></tr>
  </tbody>
</table>
<div role="grid">
  <div role="row"><div role="columnheader">Member</div><div role="columnheader">Role</div></div>
  <div role="row"><div role="gridcell">Priya Raman</div><div role="gridcell"><button type="button">Marcus Ibarra</button></div></div>
  <div role="row"><div role="gridcell">Wen Li</div><div role="gridcell"><div role="checkbox" aria-checked="true" aria-label="Wen Li is a member"></div></div></div>
</div>
<ul class="people"><li><a href="#">Dana Okafor</a></li><li><a href="#">Priya Raman</a></li></ul>
<div class="cards">
  <div class="card"><input type="checkbox" id="c1"><label for="c1">Marcus Ibarra</label></div>
  <div class="card"><input type="checkbox" id="c2"><label for="c2">Wen Li</label></div>
</div>
<form>
  <table class="frm">
    <tr><td class="label"><label for="memo-box">Memo</label></td><td><label>Memo <div contenteditable="true">Memo about the Q3 bonus for Marcus</div></label></td></tr>
    <tr><td class="label">Notes:</td><td><div role="textbox" aria-label="Notes">Reminder call Wen tomorrow</div></td></tr>
    <tr><td class="label"><label for="f">Search</label></td><td><input id="f" value="typed-into-the-box"></td></tr>
    <tr><td class="label"><label for="g">Code</label></td><td><input id="g" value="SECRET-FIELD-VALUE"></td></tr>
    <tr><td class="label"><label for="h">Comment</label></td><td><textarea id="h">Textarea musings</textarea></td></tr>
  </table>
  <dl><dt>Owner</dt><dd>Dana Okafor</dd><dt>Contact</dt><dd>ophelia.grant@northwind.example</dd></dl>
</form>
<p>Last changed by Marcus Ibarra</p>`;

describe('Copy page structure on a page full of people and typed text', () => {
  const structure = snapshotPage(parseHtml(PAGE), `${POD_HOST}/ia/acct/lister.phtml?.op=1&.sess=abc`);
  const copy = snapshotText(structure);

  it.each([...PEOPLE, ...EMAILS, ...TYPED])('holds no trace of %s', (secret) => {
    expect(copy.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('still holds the page’s own words: its headings, column heads, labels and terms, and the tables’ shape', () => {
    for (const word of ['"Users"', '"Approvers"', '"User"', '"Admin"', '"Member"', '"Role"', '"Memo"', '"Notes:"', '"Search"', '"Code"', '"Comment"', '"Owner"', '"Contact"']) {
      expect(copy).toContain(word);
    }
    expect(copy.match(/"checkbox"/g)?.length).toBeGreaterThanOrEqual(7);
  });
});
