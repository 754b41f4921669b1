import { describe, expect, it } from 'vitest';
import { auditPage } from '@/utils/audit/page-audit';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { detectPage } from '@/utils/pages/detect';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { readPermissionsWindow } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { POD_HOST } from '../../fixtures/intacct/catalog';
import { parseHtml } from './load-fixture';

// The markup that broke recognition or reading on independently written Intacct page variants (issue #9),
// each written here the way that report describes it.

const URL = `${POD_HOST}/ia/acct/editor.phtml?.op=1`;
const verdicts = (f: ReturnType<typeof auditPage>): string[] => f.map((x) => `${x.subject}: ${x.status}`);

describe('markup that real Intacct pages may use', () => {
  it('reads a label with a colon and a separate required mark (Sender ID:&nbsp;*)', () => {
    const doc = parseHtml(`<title>Web Services Sender Information</title><h1>Web Services Sender Information</h1>
      <table><tr><td>Sender ID:&nbsp;<span class="req">*</span></td><td><input value="Expensify"></td></tr>
      <tr><td>Description:</td><td><input></td></tr><tr><td>Status:</td><td><select><option selected>Active</option></select></td></tr></table>`);
    expect(detectPage(doc, URL)).toBe('sender-form');
    expect(verdicts(auditPage(doc, 'sender-form', EXPENSIFY_PROFILE, {}))).toEqual(['Sender ID: wrong', 'Sender status: ok']);
  });

  it('checks User ID, names and email on a classic form whose labels read "User ID: *"', () => {
    const row = (label: string, control: string): string => `<tr><td class="lbl">${label}: <b>*</b></td><td>${control}</td></tr>`;
    const doc = parseHtml(`<title>Web Services User Information</title><table>
      ${row('User ID', '<input value="xmlgateway_expensify">')}${row('Last name', '<input value="Expensify">')}
      ${row('First name', '<input value="Expensify">')}${row('Email address', '<input value="ap@example.com">')}
      ${row('User type', '<select><option selected>Business</option></select>')}${row('Admin privileges', '<select><option selected>Full</option></select>')}
      ${row('Status', '<select><option selected>Active</option></select>')}</table>`);
    expect(detectPage(doc, URL)).toBe('ws-user-form');
    expect(verdicts(auditPage(doc, 'ws-user-form', EXPENSIFY_PROFILE, {}))).toEqual([
      'User ID: ok',
      'Last name: ok',
      'First name: ok',
      'Email address: ok',
      'User type: ok',
      'Admin privileges: ok',
      'Status: ok',
    ]);
  });

  it('never passes a check whose field it cannot find: the summary would not say "All checks pass"', () => {
    const doc = parseHtml(`<title>Web Services User Information</title><table>
      <tr><td>Login:</td><td><input value="x"></td></tr><tr><td>User type</td><td><select><option selected>Business</option></select></td></tr></table>`);
    const findings = auditPage(doc, 'ws-user-form', EXPENSIFY_PROFILE, {});
    expect(findings.filter((f) => f.status === 'not-found').map((f) => f.subject)).toEqual(
      expect.arrayContaining(['User ID', 'Last name', 'First name', 'Email address', 'Admin privileges', 'Status']),
    );
  });

  it('recognizes the current Web Services user form drawn in divs with <label for> and aria-label', () => {
    const field = (id: string, label: string, control: string): string =>
      `<div class="f"><label for="${id}">${label}<span aria-hidden="true">*</span></label>${control.replace('>', ` id="${id}" aria-label="${label}">`)}</div>`;
    const doc = parseHtml(`<title>Sage Intacct</title><h1>New Web Services user</h1><div class="grid">
      ${field('a', 'User ID', '<input>')}${field('b', 'Username', '<input>')}${field('c', 'Account email address', '<input>')}
      ${field('d', 'Contact name', '<input>')}${field('e', 'User type', '<select><option>Business</option></select>')}
      ${field('f', 'Admin privileges', '<select><option>Full</option></select>')}</div>`);
    expect(detectPage(doc, `${POD_HOST}/ia/acct/unknown.phtml`)).toBe('ws-user-form');
  });

  it('recognizes Time & Expenses configuration whose labels sit in plain td cells', () => {
    const doc = parseHtml(`<title>Sage Intacct - Time &amp; Expenses Configuration</title><table>
      <tr><td>Expense types</td><td><input type="checkbox" checked></td></tr>
      <tr><td>Expense Report</td><td><select><option>EXP</option></select></td></tr>
      <tr><td>Employee</td><td><select><option>EMP</option></select></td></tr>
      <tr><td>Duplicate Numbers</td><td><select><option>Do not allow creation</option></select></td></tr></table>`);
    expect(detectPage(doc, URL)).toBe('te-configuration');
  });

  it('reads the applications of a Subscriptions page listed as ul/li rows with <label for>', () => {
    const doc = parseHtml(`<h1>Roles Subscriptions</h1><h2>Role: Expensify</h2><ul>
      <li><input type="checkbox" id="a" checked><label for="a">Administration</label><a href="#">Permissions</a></li>
      <li><input type="checkbox" id="b"><label for="b">Cash Management</label><a href="#">Permissions</a></li></ul>`);
    expect(readSubscriptionsPage(doc).applications.map((a) => [a.name, a.subscribed, Boolean(a.permissionsLink)])).toEqual([
      ['Administration', true, true],
      ['Cash Management', false, true],
    ]);
  });

  it('reads the applications of a Subscriptions page drawn as a CSS grid of divs', () => {
    const doc = parseHtml(`<h1>Roles Subscriptions</h1><div style="display:grid;grid-template-columns:1fr 1fr 1fr">
      <div>Application</div><div>Subscribed</div><div></div>
      <div>General Ledger</div><div><input type="checkbox" checked></div><div><a href="#">Permissions</a></div>
      <div>Cash Management</div><div><input type="checkbox"></div><div><a href="#">Permissions</a></div></div>`);
    expect(readSubscriptionsPage(doc).applications.map((a) => [a.name, a.subscribed])).toEqual([
      ['General Ledger', true],
      ['Cash Management', false],
    ]);
  });

  it('reads "Role: Expensify" and "Application: Cash Management" written inline next to each other', () => {
    const doc = parseHtml(`<h1>Permissions</h1><div><span>Role: Expensify</span><span>Application: Cash Management</span></div>
      <h3>Activities and lists</h3><table><tr><th>Permission</th><th>List</th><th>View</th></tr>
      <tr><th>Checking accounts</th><td><input type="checkbox" checked></td><td><input type="checkbox"></td></tr></table>`);
    const win = readPermissionsWindow(doc);
    expect(win.subject).toEqual({ kind: 'role', name: 'Expensify' });
    expect(win.application).toBe('Cash Management');
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {}, 'role-permissions');
    expect(audit.subject?.name).toBe('Expensify');
    expect(audit.findings().some((f) => f.group === 'Cash Management')).toBe(true);
  });
});
