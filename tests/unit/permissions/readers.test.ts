import { describe, expect, it } from 'vitest';
import { readPermissionsWindow, type PermissionsWindow } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage, type SubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { bigIsChecked, bigModuleName, bigPermissionsHtml } from '../../fixtures/intacct/generated/big-permissions';
import { MANGLERS, fixtureHtml, parseHtml } from '../pages/load-fixture';
import { permissionsWindowHtml, row } from './build-page';

/** What an admin would read off the page, without the elements. */
function subscriptionsView(page: SubscriptionsPage): unknown {
  return {
    subject: page.subject,
    applications: page.applications.map((a) => `${a.name}: ${a.subscribed ? 'subscribed' : 'not subscribed'}${a.permissionsLink ? ' [Permissions]' : ''}`),
  };
}

function windowView(w: PermissionsWindow): unknown {
  return {
    subject: w.subject,
    application: w.application,
    userType: w.userType,
    applications: w.applications.map((a) => ({
      name: a.name,
      sections: a.sections.map((s) => ({
        title: s.title,
        shortcut: s.shortcut,
        radios: s.shortcutRadios.map((r) => r.level),
        objects: s.objects.map((o) => `${o.name}: ${o.rights.map((r) => `${r.right}${r.granted ? '+' : '-'}`).join(' ')}`),
      })),
    })),
  };
}

function objectsOf(w: PermissionsWindow, section: string): Map<string, Record<string, boolean>> {
  const s = w.sections.find((x) => x.title === section);
  return new Map((s?.objects ?? []).map((o) => [o.name, Object.fromEntries(o.rights.map((r) => [r.right, r.granted]))]));
}

describe('readSubscriptionsPage on the demo pages', () => {
  it('reads the Expensify role: who it is, every application, ticked or not, with its Permissions link', () => {
    const page = readSubscriptionsPage(parseHtml(fixtureHtml('role-subscriptions')));
    expect(page.subject).toEqual({ kind: 'role', name: 'Expensify' });
    expect(page.applications).toHaveLength(16);
    const byName = new Map(page.applications.map((a) => [a.name, a]));
    expect(byName.get('Accounts Receivable')?.subscribed).toBe(true);
    expect(byName.get('Cash Management')?.subscribed).toBe(false);
    expect(byName.get('Time & Expenses')?.subscribed).toBe(false);
    expect(byName.get('General Ledger')?.subscribed).toBe(true);
    expect(byName.get('General Ledger')?.permissionsLink?.textContent).toBe('Permissions');
    expect(byName.get('General Ledger')?.control.getAttribute('type')).toBe('checkbox');
  });

  it('reads the web services user’s page the same way', () => {
    const page = readSubscriptionsPage(parseHtml(fixtureHtml('user-subscriptions')));
    expect(page.subject).toEqual({ kind: 'user', name: 'xmlgateway_expensify' });
    const subscribed = page.applications.filter((a) => a.subscribed).map((a) => a.name);
    expect(subscribed).toEqual([
      'Administration',
      'Company',
      'General Ledger',
      'Cash Management',
      'Accounts Payable',
      'Time & Expenses',
      'Projects',
    ]);
  });

  it('follows a click: the live checked state counts, not the HTML attribute', () => {
    const doc = parseHtml(fixtureHtml('role-subscriptions'));
    const cm = readSubscriptionsPage(doc).applications.find((a) => a.name === 'Cash Management');
    (cm?.control as HTMLInputElement).checked = true;
    expect(readSubscriptionsPage(doc).applications.find((a) => a.name === 'Cash Management')?.subscribed).toBe(true);
  });

  for (const name of ['role-subscriptions', 'user-subscriptions']) {
    for (const [how, mangle] of Object.entries(MANGLERS)) {
      it(`reads ${name} the same with ${how}`, () => {
        const doc = parseHtml(fixtureHtml(name));
        mangle(doc);
        expect(subscriptionsView(readSubscriptionsPage(doc))).toEqual(subscriptionsView(readSubscriptionsPage(parseHtml(fixtureHtml(name)))));
      });
    }
  }

  it('takes the name from the Application column when aria-labels and ids are gone', () => {
    const doc = parseHtml(fixtureHtml('role-subscriptions'));
    for (const el of Array.from(doc.querySelectorAll('input'))) {
      el.removeAttribute('aria-label');
      el.removeAttribute('id');
    }
    expect(readSubscriptionsPage(doc).applications.map((a) => a.name)).toContain('Time & Expenses');
  });

  it('finds nothing on a page without a subscriptions list', () => {
    expect(readSubscriptionsPage(parseHtml(fixtureHtml('ws-user-form'))).applications).toEqual([]);
    // A permissions grid has checkboxes too, but it is not a list of applications.
    expect(readSubscriptionsPage(parseHtml(fixtureHtml('role-permissions'))).applications).toEqual([]);
  });
});

describe('readPermissionsWindow on the demo pages', () => {
  it('reads the role’s General Ledger window: sections, shortcuts and each object’s rights', () => {
    const w = readPermissionsWindow(parseHtml(fixtureHtml('role-permissions')));
    expect(w.subject).toEqual({ kind: 'role', name: 'Expensify' });
    expect(w.application).toBe('General Ledger');
    expect(w.userType).toBe('Business');
    expect(w.applications).toHaveLength(1);
    expect(w.sections.map((s) => [s.title, s.shortcut])).toEqual([
      ['Activities and lists', 'custom'],
      ['Reports', 'read-only'],
    ]);
    expect(w.sections[0]?.shortcutRadios.map((r) => r.level)).toEqual(['all', 'read-only', 'custom']);

    const activities = objectsOf(w, 'Activities and lists');
    expect(activities.size).toBe(9);
    expect(activities.get('Accounts')).toEqual({ List: true, View: true, Add: true, Edit: true, Delete: false });
    // Empty cells are rights the object does not have: Journal entries has Reverse and Approve but no Run.
    expect(activities.get('Journal entries')).toEqual({
      List: true,
      View: true,
      Add: true,
      Edit: true,
      Delete: true,
      Reverse: false,
      Approve: true,
    });
    expect(Object.keys(activities.get('Allocations') ?? {})).toContain('Run');

    const reports = objectsOf(w, 'Reports');
    expect(reports.get('Trial balances')).toEqual({ List: true, View: true, Run: false });
  });

  it('reads the user’s Cash Management window', () => {
    const w = readPermissionsWindow(parseHtml(fixtureHtml('user-permissions')));
    expect(w.subject).toEqual({ kind: 'user', name: 'xmlgateway_expensify' });
    expect(w.application).toBe('Cash Management');
    expect(w.sections.map((s) => s.shortcut)).toEqual(['all', 'all']);
    expect(objectsOf(w, 'Activities and lists').get('Charge payoffs')).toEqual({
      List: true,
      View: true,
      Add: true,
      Delete: true,
      Reverse: true,
    });
    expect(w.sections.flatMap((s) => s.objects).every((o) => o.rights.every((r) => r.granted))).toBe(true);
  });

  for (const name of ['role-permissions', 'user-permissions']) {
    for (const [how, mangle] of Object.entries(MANGLERS)) {
      it(`reads ${name} the same with ${how}`, () => {
        const doc = parseHtml(fixtureHtml(name));
        mangle(doc);
        expect(windowView(readPermissionsWindow(doc))).toEqual(windowView(readPermissionsWindow(parseHtml(fixtureHtml(name)))));
      });
    }
  }

  it('reads a window whose markup differs: headings instead of legends, labels wrapping radios, hidden inputs, no thead', () => {
    const html = `<html><body><h1>Permissions</h1>
      <p><span>User:</span> <b>ws_user</b></p><p>Application: <b>Company</b></p>
      <div class="a"><h3>Activities and lists</h3>
        <div><label><input type="radio" name="x"> All</label><label><input type="radio" name="x" checked> Read only</label><label><input type="radio" name="x"> Custom</label></div>
        <div><table><tr><th>Permission</th><th>List</th><th>View</th><th>Add</th><th>Delete</th></tr>
          <tr><td>Departments</td><td><input type="hidden" value="0"><span><input type="checkbox" checked></span></td><td><input type="checkbox" checked></td><td><input type="checkbox"></td><td><input type="checkbox" checked></td></tr>
        </table></div></div>
      <div class="b"><h3>Reports</h3>
        <table><tr><th>Permission</th><th>List</th><th>View</th></tr><tr><td>Company report</td><td><input type="checkbox" checked></td><td><input type="checkbox"></td></tr></table>
        <div><input type="radio" name="y" id="r1"><label for="r1">All</label><input type="radio" name="y" id="r2"><label for="r2">Read only</label><input type="radio" name="y" id="r3" checked><label for="r3">Custom</label></div>
      </div></body></html>`;
    const w = readPermissionsWindow(parseHtml(html));
    expect(w.subject).toEqual({ kind: 'user', name: 'ws_user' });
    expect(w.application).toBe('Company');
    expect(w.sections.map((s) => [s.title, s.shortcut])).toEqual([
      ['Activities and lists', 'read-only'],
      // Its radios come after the grid; they still belong to it.
      ['Reports', 'custom'],
    ]);
    expect(objectsOf(w, 'Activities and lists').get('Departments')).toEqual({ List: true, View: true, Add: false, Delete: true });
  });

  it('reads an ARIA grid (div rows, role=checkbox) the newer UI might use', () => {
    const cell = (label: string, on: boolean): string =>
      `<div role="gridcell"><span role="checkbox" aria-label="${label}" aria-checked="${on}"></span></div>`;
    const html = `<body><div>Role: <b>Expensify</b></div><div>Application: <b>Projects</b></div>
      <fieldset><legend>Activities and lists</legend>
      <div role="grid"><div role="rowgroup"><div role="row"><div role="columnheader">Permission</div><div role="columnheader">List</div><div role="columnheader">View</div><div role="columnheader">Edit</div></div></div>
      <div role="rowgroup"><div role="row"><div role="rowheader">Projects</div>${cell('Projects List', true)}${cell('Projects View', true)}${cell('Projects Edit', false)}</div></div></div>
      </fieldset></body>`;
    const w = readPermissionsWindow(parseHtml(html));
    expect(w.application).toBe('Projects');
    expect(objectsOf(w, 'Activities and lists').get('Projects')).toEqual({ List: true, View: true, Edit: false });
  });

  it('returns every application block of a page that shows several', () => {
    const w = readPermissionsWindow(parseHtml(bigPermissionsHtml(3, 5)));
    expect(w.applications.map((a) => a.name)).toEqual(['Administration', 'Company', 'General Ledger']);
    expect(w.application).toBe('Administration');
    expect(w.applications.map((a) => a.sections.map((s) => `${s.title}:${s.objects.length}`))).toEqual([
      ['Activities and lists:4', 'Reports:1'],
      ['Activities and lists:4', 'Reports:1'],
      ['Activities and lists:4', 'Reports:1'],
    ]);
  });

  it('reads what a test page builder writes, object names with markup included, as text', () => {
    const html = permissionsWindowHtml({
      application: 'Accounts Payable',
      sections: [{ title: 'Activities and lists', shortcut: 'custom', rows: [row('<b>Bills</b> & more', ['List', 'View'], ['List'])] }],
    });
    const w = readPermissionsWindow(parseHtml(html));
    expect(w.sections[0]?.objects[0]?.name).toBe('<b>Bills</b> & more');
  });

  it('finds no sections on pages that are not a Permissions window', () => {
    for (const name of ['role-subscriptions', 'ws-user-form', 'journal-entry']) {
      expect(readPermissionsWindow(parseHtml(fixtureHtml(name))).applications).toEqual([]);
    }
  });
});

describe('bigPermissionsHtml', () => {
  it('builds the 6,000-checkbox window of the performance budget, the same every time', () => {
    const html = bigPermissionsHtml();
    expect(html).toBe(bigPermissionsHtml());
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('input[type="checkbox"]')).toHaveLength(6000);
    const w = readPermissionsWindow(doc);
    expect(w.applications).toHaveLength(60);
    expect(w.applications.every((a) => a.sections.reduce((n, s) => n + s.objects.length, 0) === 25)).toBe(true);
    expect(w.applications[59]?.name).toBe(bigModuleName(59));
    const unticked = w.applications.flatMap((a) => a.sections.flatMap((s) => s.objects.flatMap((o) => o.rights))).filter((r) => !r.granted);
    expect(unticked.length).toBeGreaterThan(300);
    expect(bigIsChecked(0, 0, 0)).toBe(false);
  });
});
