import { describe, expect, it } from 'vitest';
import { readPermissionsWindow } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { readCompanySubscriptions } from '@/utils/page-data/company-subscriptions';
import { readSenderAuthorizations } from '@/utils/page-data/sender-authorizations';
import { parseHtml } from '../pages/load-fixture';

/*
 * Rights, subscriptions and senders in the markups nobody showed us (issue #20): a verb printed beside every
 * box instead of a column head, several sections in one table, a section whose only verb is Run, a
 * Subscriptions table whose column heads are verbs too, states as words and ticks, senders as cards.
 */

const rights = (html: string): Array<[string, string, string[]]> =>
  readPermissionsWindow(parseHtml(html)).sections.flatMap((s) => s.objects.map((o): [string, string, string[]] => [s.title, o.name, o.rights.filter((r) => r.granted).map((r) => r.right)]));

describe('the Permissions window', () => {
  it('reads the verb printed beside each box where there is no column head', () => {
    const html = `<p>Role: <b>Expensify</b> Application: <b>Cash Management</b></p><h3>Activities and lists</h3><table>
      <tr><td>Checking accounts</td><td><label><input type="checkbox" checked> List</label></td><td><label><input type="checkbox" checked> View</label></td><td><label><input type="checkbox"> Delete</label></td></tr>
      <tr><td>Deposits</td><td><label><input type="checkbox" checked> List</label></td><td><label><input type="checkbox"> View</label></td><td></td></tr></table>`;
    expect(rights(html)).toEqual([
      ['Activities and lists', 'Checking accounts', ['List', 'View']],
      ['Activities and lists', 'Deposits', ['List']],
    ]);
  });

  it('splits one table into its sections, each with its shortcuts, and reads a section whose only verb is Run', () => {
    const html = `<table>
      <tr><td colspan="3">Activities and lists</td></tr>
      <tr><td colspan="3"><input type="radio" name="a" id="a1"><label for="a1">All</label><input type="radio" name="a" id="a2" checked><label for="a2">Read only</label></td></tr>
      <tr><th>Permission</th><th>List</th><th>View</th></tr>
      <tr><td>Accounts</td><td><input type="checkbox" checked></td><td><input type="checkbox" checked></td></tr>
      <tr><td colspan="3">Reports</td></tr>
      <tr><th>Permission</th><th></th><th>Run</th></tr>
      <tr><td>Trial balances</td><td></td><td><input type="checkbox" checked></td></tr></table>`;
    const win = readPermissionsWindow(parseHtml(html));
    expect(win.sections.map((s) => [s.title, s.shortcut])).toEqual([
      ['Activities and lists', 'read-only'],
      ['Reports', null],
    ]);
    expect(rights(html)).toEqual([
      ['Activities and lists', 'Accounts', ['List', 'View']],
      ['Reports', 'Trial balances', ['Run']],
    ]);
  });
});

describe('the Subscriptions pages', () => {
  it('a role’s: a table headed Application / Subscribe / Permissions is not a rights grid', () => {
    const doc = parseHtml(`<p><b>Role:</b> Expensify</p><table><tr><th>Application</th><th>Subscribe</th><th>Permissions</th></tr>
      <tr><td>Cash Management</td><td><input type="checkbox"></td><td><a href="#">Permissions</a></td></tr>
      <tr><td>Order Entry</td><td><input type="checkbox" checked></td><td><a href="#">Permissions</a></td></tr></table>`);
    expect(readPermissionsWindow(doc).sections).toEqual([]);
    expect(readSubscriptionsPage(doc).applications.map((a) => [a.name, a.subscribed])).toEqual([
      ['Cash Management', false],
      ['Order Entry', true],
    ]);
  });

  it('the company’s in view mode: a tick and a word, the application written as a link', () => {
    const doc = parseHtml(`<table><tr><th>Application</th><th>Status</th></tr>
      <tr><td><a href="#">Platform Services</a></td><td><span>&#10004; Subscribed</span></td></tr>
      <tr><td><a href="#">Web Services</a></td><td><img src="x.png" alt="Not subscribed"></td></tr></table>`);
    expect(readCompanySubscriptions(doc).map((s) => [s.application, s.subscribed])).toEqual([
      ['Platform Services', true],
      ['Web Services', false],
    ]);
  });

  it('the company’s as cards with switches labelled by a generic key: each card’s name', () => {
    const doc = parseHtml(`<div class="apps">
      <div class="card"><h4>Time &amp; Expenses</h4><p>Track time</p><button role="switch" aria-checked="true" aria-label="IA.TOGGLE"></button></div>
      <div class="card"><h4>Customization Services</h4><p>Packages</p><button role="switch" aria-checked="false" aria-label="IA.TOGGLE"></button></div></div>`);
    expect(readCompanySubscriptions(doc).map((s) => [s.application, s.subscribed])).toEqual([
      ['Time & Expenses', true],
      ['Customization Services', false],
    ]);
  });
});

describe('the Web Services authorizations', () => {
  it('as cards', () => {
    const doc = parseHtml(`<section><h3>Web Services authorizations</h3><ul class="senders">
      <li class="sender"><dl><dt>Sender ID</dt><dd>Expensify</dd><dt>Status</dt><dd>Active</dd></dl></li>
      <li class="sender"><dl><dt>Sender ID</dt><dd>ajax</dd><dt>Status</dt><dd>Inactive</dd></dl></li></ul></section>`);
    expect(readSenderAuthorizations(doc).map((s) => [s.senderId, s.status])).toEqual([
      ['Expensify', 'Active'],
      ['ajax', 'Inactive'],
    ]);
  });
});
