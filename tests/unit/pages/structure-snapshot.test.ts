import { describe, expect, it } from 'vitest';
import { detectPage } from '@/utils/pages/detect';
import { SNAPSHOT_FORMAT, snapshotPage, snapshotText } from '@/utils/pages/structure-snapshot';
import { FIXTURE_PAGES, POD_HOST } from '../../fixtures/intacct/catalog';
import { snapshotToHtml, snapshotUrl } from '../../fixtures/intacct/snapshot-fixture';
import { PAGE_CONTENTS } from '../../fixtures/intacct/variants/pages';
import { STYLES, renderVariant } from '../../fixtures/intacct/variants/render';
import { fixtureHtml, fixtureUrl, parseHtml } from './load-fixture';

// A page an admin would not want to paste into a support ticket as it is: values, emails, names, a session.
const PLANTED = `<title>Edit Web Services user: jdoe--Jane Doe</title>
<h1>Edit Web Services user: jdoe--Jane Doe</h1><h2>User: jane.doe</h2>
<form><table>
<tr><td class="label"><label for="uid">User ID</label></td><td><input id="uid" value="SECRET-USER-ID-42"></td></tr>
<tr><td class="label"><label for="em">Email address</label></td><td><input id="em" value="jane.doe@acme-example.com"></td></tr>
<tr><td class="label">Notes</td><td><textarea>private note 7781</textarea></td></tr>
<tr><td class="label"><label for="ty">User type</label></td><td><select id="ty"><option>Business</option><option selected>CONFIDENTIAL-OPTION</option></select></td></tr>
<tr><td class="label"><label for="pw">Password</label></td><td><input type="password" id="pw" value="hunter2-pass"></td></tr>
</table>
<table><thead><tr><th>Sender ID</th><th>Contact</th><th>Status</th></tr></thead>
<tbody><tr><td>expensify</td><td><a href="editor.phtml?.r=42&.sess=SESSION-TOKEN-XYZ..">Jane Doe</a></td><td>Active</td></tr>
<tr><td>billing</td><td>john.smith@acme-example.com</td><td><a href="#">Edit</a></td></tr></tbody></table>
<div role="combobox" aria-label="Status">Locked out by SECRET-ADMIN</div>
<p>Last login from 10.1.2.3 by Jane Doe on account 123456789</p>
<a href="lister.phtml?.sess=SESSION-TOKEN-XYZ..&.op=1">Web Services users</a>
</form>`;

const SECRETS = ['SECRET-USER-ID-42', 'jane.doe@acme-example.com', 'john.smith@acme-example.com', 'private note', 'CONFIDENTIAL-OPTION', 'hunter2', 'SESSION-TOKEN-XYZ', 'Jane Doe', 'jdoe', 'jane.doe', 'SECRET-ADMIN', '123456789', '10.1.2.3', 'Locked out', '.r=42'];

describe('Copy page structure', () => {
  const url = `${POD_HOST}/ia/acct/editor.phtml?.op=3811&.it=webuser&.sess=SESSION-TOKEN-XYZ..&.cc=ACME`;
  const text = snapshotText(snapshotPage(parseHtml(PLANTED), url));

  it('keeps no value, selected option, data cell, email, person, account number or session', () => {
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
  });

  it('keeps the structure and the page’s own words: labels, column heads, control names and types, the path', () => {
    const s = snapshotPage(parseHtml(PLANTED), url);
    expect(s.format).toBe(SNAPSHOT_FORMAT);
    expect(s.path).toBe('/ia/acct/editor.phtml');
    expect(s.queryKeys).toEqual(['.it', '.op']);
    for (const word of ['"User ID"', '"Email address"', '"Sender ID"', '"user type"', '"password"', '"combobox"', '"Edit"']) {
      expect(text).toContain(word);
    }
    expect(s.title).toBe('Edit Web Services user: [record]');
  });

  it('turns back into a page recognized as the same kind, for every demo page', () => {
    for (const page of FIXTURE_PAGES) {
      const snapshot = snapshotPage(parseHtml(fixtureHtml(page.name)), fixtureUrl(page));
      const rebuilt = parseHtml(snapshotToHtml(snapshot));
      expect(detectPage(rebuilt, snapshotUrl(snapshot)), page.name).toBe(page.kind);
    }
  });

  it('turns back into a page recognized as the same kind for every markup style of every page', () => {
    for (const content of PAGE_CONTENTS) {
      const page = FIXTURE_PAGES.find((p) => p.name === content.name);
      for (const style of STYLES) {
        const snapshot = snapshotPage(parseHtml(renderVariant(content, style)), page ? fixtureUrl(page) : POD_HOST);
        expect(detectPage(parseHtml(snapshotToHtml(snapshot)), snapshotUrl(snapshot)), `${content.name} ${style}`).toBe(page?.kind);
      }
    }
  });

  it('stays small and bounded on a huge page', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<tr><th>Object ${i}</th><td><input type="checkbox"></td><td><input type="checkbox"></td></tr>`).join('');
    const s = snapshotPage(parseHtml(`<h1>Permissions</h1><table><tr><th>Permission</th><th>List</th><th>View</th></tr>${rows}</table>`), url);
    expect(s.truncated).toBeGreaterThan(0);
    expect(snapshotText(s).length).toBeLessThan(1_000_000);
  });
});
