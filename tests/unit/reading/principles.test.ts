import { describe, expect, it } from 'vitest';
import { findField, indexFields } from '@/utils/reading/fields';
import { readControl } from '@/utils/reading/state';
import { normalizeLabel, normalizeName } from '@/utils/reading/text';
import { readContextLines } from '@/utils/reading/context';
import { readRecords } from '@/utils/reading/records';
import { whereHidden } from '@/utils/reading/visibility';
import { readPageNames } from '@/utils/reading/page-name';
import { contentRoots } from '@/utils/reading/tree';
import { stateFromText } from '@/utils/reading/controls';
import { parseHtml } from '../pages/load-fixture';

/*
 * The reading model by principle (issue #20): names as the browser computes them, any control a person
 * can set or read, one normalization, records in any container, context lines with or without colons,
 * page names where a person sees them. These documents are parsed for a unit test, so nothing is laid out:
 * where a label is only where the eye finds it, the document-order fallback answers (the geometric reading
 * is tested in Chromium and Firefox, tests/e2e/layout-reading.spec.ts and tests/firefox/layout-reading.test.ts).
 */

function valueOf(html: string, label: string): string | null {
  const doc = parseHtml(html);
  const field = findField(doc, [label]);
  return field ? readControl(field).value : null;
}

describe('a field is found by the name the browser computes', () => {
  it('aria-labelledby naming two elements', () => {
    expect(valueOf('<span id="a">Admin</span><span id="b">privileges</span><input aria-labelledby="a b" value="Full">', 'Admin privileges')).toBe('Full');
  });

  it('a title or a placeholder when the visible label is aria-hidden (a floating label)', () => {
    expect(valueOf('<div><span aria-hidden="true">Contact name</span><input title="Contact name" value="Expensify"></div>', 'Contact name')).toBe('Expensify');
    expect(valueOf('<div><label aria-hidden="true">Email address</label><input placeholder="Email address" value="ap@acme.com"></div>', 'Email address')).toBe('ap@acme.com');
  });

  it('a field inside an open shadow root', () => {
    const doc = parseHtml('<ia-field id="host"></ia-field>');
    const root = (doc.getElementById('host') as Element).attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="u">User type</label><select id="u"><option>Employee</option><option selected>Business</option></select>';
    const field = findField(doc, ['User type']);
    expect(field && readControl(field).value).toBe('Business');
  });

  it('never our own panel, whose text names the very fields it looks for', () => {
    const doc = parseHtml('<ish-overlay-host id="host"></ish-overlay-host>');
    const root = (doc.getElementById('host') as Element).attachShadow({ mode: 'open' });
    root.innerHTML = '<label>User type <input value="Business"></label>';
    expect(findField(doc, ['User type'])).toBeNull();
    expect(contentRoots(doc)).toHaveLength(1);
  });
});

describe('text that names a control without a label element', () => {
  it('the words right after a check box', () => {
    expect(valueOf('<div><input type="checkbox" checked> Expense types</div>', 'Expense types')).toBe('checked');
  });

  it('the text before it when it is written as a label, even with a help text after the box', () => {
    const html = '<div><span>Expense types:</span><input type="checkbox"> <span>Employees pick expense types</span></div>';
    expect(valueOf(html, 'Expense types')).toBe('');
    expect(findField(parseHtml(html), ['Employees pick expense types'])).toBeNull();
  });

  it('the label cell before it in its row', () => {
    expect(valueOf('<table><tr><td>Status:&nbsp;*</td><td><select><option selected>Active</option></select></td></tr></table>', 'Status')).toBe('Active');
  });
});

describe('any control a person can set or read', () => {
  it('an ARIA radio group for User type reads as the chosen radio, not as one ticked box', () => {
    const html = `<span id="ut">User type</span><div role="radiogroup" aria-labelledby="ut">
      <div role="radio" aria-checked="false">Employee</div><div role="radio" aria-checked="true">Business</div></div>`;
    expect(valueOf(html, 'User type')).toBe('Business');
  });

  it('native radios sharing a name, labelled by the cell before them', () => {
    const html = `<table><tr><td>Admin privileges</td><td>
      <label><input type="radio" name="adm" value="O"> Off</label><label><input type="radio" name="adm" value="L" checked> Limited</label>
      <label><input type="radio" name="adm" value="F"> Full</label></td></tr></table>`;
    expect(valueOf(html, 'Admin privileges')).toBe('Limited');
  });

  it('a group of pressed buttons', () => {
    const html = `<div role="group" aria-label="Admin privileges"><button aria-pressed="false">Off</button><button aria-pressed="false">Limited</button><button aria-pressed="true">Full</button></div>`;
    expect(valueOf(html, 'Admin privileges')).toBe('Full');
  });

  it('a list box that marks its choice with aria-activedescendant', () => {
    const html = `<label id="st">Status</label><ul role="listbox" aria-labelledby="st" aria-activedescendant="o2"><li role="option" id="o1">Active</li><li role="option" id="o2">Inactive</li></ul>`;
    expect(valueOf(html, 'Status')).toBe('Inactive');
  });

  it('a list showing only its placeholder has no value', () => {
    expect(valueOf('<label>Employee <select><option value="" selected>-- None --</option><option>EMP</option></select></label>', 'Employee')).toBe('');
    expect(valueOf('<span id="g">GL account</span><div role="combobox" aria-labelledby="g"><span class="ph">Select</span></div>', 'GL account')).toBe('');
    expect(valueOf('<span id="g">GL account</span><div role="combobox" aria-labelledby="g"><span>6000--Travel</span></div>', 'GL account')).toBe('6000--Travel');
  });

  it('a tick drawn as an image, and states written as words', () => {
    expect(valueOf('<dl><dt>Expense types</dt><dd><img src="tick.png" alt="Yes"></dd></dl>', 'Expense types')).toBe('Yes');
    expect(stateFromText('✔ Subscribed')).toBe(true);
    expect(stateFromText('Not subscribed')).toBe(false);
    expect(stateFromText('✔ Not subscribed')).toBeNull();
  });
});

describe('a control that exists but is not shown', () => {
  it('is read from the page, and the check can say where it is', () => {
    const html = `<details><summary>Expense report approval</summary><label>Enable expense report approval <input type="checkbox" checked></label></details>`;
    const doc = parseHtml(html);
    const box = findField(doc, ['Enable expense report approval']);
    expect(box && readControl(box).checked).toBe(true);
    expect(box && whereHidden(box)).toBe('in the collapsed section “Expense report approval”');
  });

  it('on a tab that is not selected', () => {
    const doc = parseHtml(`<div role="tablist"><button role="tab" aria-controls="p2" aria-selected="false">Roles information</button></div>
      <div role="tabpanel" id="p2" hidden><label>Role <input value="Expensify"></label></div>`);
    const field = findField(doc, ['Role']);
    expect(field && whereHidden(field)).toBe('on the tab “Roles information”');
  });
});

describe('one normalization for every name', () => {
  it('folds width, drops invisible characters, footnote, required and help marks', () => {
    expect(normalizeLabel('Web\u00adServices')).toBe('webservices');
    expect(normalizeLabel('Sender\u200b ID：')).toBe('sender id');
    expect(normalizeLabel('Ｓｅｎｄｅｒ ＩＤ')).toBe('sender id');
    expect(normalizeLabel('Email address¹')).toBe('email address');
    expect(normalizeLabel('User type * ⓘ')).toBe('user type');
    expect(normalizeLabel('Status (required) ?')).toBe('status');
    expect(normalizeLabel('Admin\u00a0privileges\u2009:')).toBe('admin privileges');
    expect(normalizeName('Time and Expenses')).toBe(normalizeName('Time & Expenses'));
  });
});

describe('context lines', () => {
  it('with colons, split at each key', () => {
    const lines = readContextLines(parseHtml('<p>Role: <b>Expensify</b> Application: <b>Cash Management</b></p>'));
    expect(lines.map((l) => [l.key, l.value])).toEqual([
      ['role', 'Expensify'],
      ['application', 'Cash Management'],
    ]);
  });

  it('without colons, each value set apart in its own element', () => {
    const lines = readContextLines(parseHtml('<p>User ID <b>jdoe</b> Application <b>Time &amp; Expenses</b></p>'));
    expect(lines.map((l) => [l.key, l.value])).toEqual([
      ['user', 'jdoe'],
      ['application', 'Time & Expenses'],
    ]);
  });
});

describe('records in any container', () => {
  it('sender IDs drawn as cards', () => {
    const doc = parseHtml(`<div class="senders">
      <div class="card"><span class="k">Sender ID</span><span class="v">expensify</span><span class="k">Status</span><span class="v">Active</span></div>
      <div class="card"><span class="k">Sender ID</span><span class="v">ajax</span><span class="k">Status</span><span class="v">Inactive</span></div></div>`);
    const [list] = readRecords(doc, (keys) => keys.includes('sender id') && keys.includes('status'));
    expect(list?.records.map((r) => [r.value(['sender id'])?.textContent, r.value(['status'])?.textContent])).toEqual([
      ['expensify', 'Active'],
      ['ajax', 'Inactive'],
    ]);
  });
});

describe('a page name as a person sees it', () => {
  const names = (html: string): string[] => {
    const doc = parseHtml(html);
    return readPageNames(doc, contentRoots(doc)).names;
  };

  it('in a legend, a breadcrumb, a dialog title; not a generic title; sections are not names', () => {
    expect(names('<title>Sage Intacct</title><form><fieldset><legend>Web Services user information</legend><input></fieldset></form>')).toEqual(['Web Services user information']);
    expect(names('<nav aria-label="Breadcrumb"><ol><li>Company</li><li>Web Services users</li><li>New</li></ol></nav><input>')).toEqual(['New', 'Web Services users']);
    expect(names('<div role="dialog" aria-label="Web Services sender information"><input></div>')).toContain('Web Services sender information');
    const doc = parseHtml('<h1>Web Services user information</h1><h2>User information</h2>');
    const page = readPageNames(doc, contentRoots(doc));
    expect(page.names).toEqual(['Web Services user information']);
    expect(page.sections).toEqual(['User information']);
  });
});

describe('the field index', () => {
  it('reads fields of groups and of text boxes alike, each once', () => {
    const doc = parseHtml(`<label>User ID <input value="x"></label><span id="t">User type</span>
      <div role="radiogroup" aria-labelledby="t"><div role="radio" aria-checked="true">Business</div></div>`);
    const names = [...indexFields(doc).names];
    expect(names).toContain('user id');
    expect(names).toContain('user type');
    // A radio of a group is one of the group's choices, not a field of its own.
    expect(names).not.toContain('business');
  });
});
