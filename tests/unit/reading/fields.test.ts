import { describe, expect, it } from 'vitest';
import { findField } from '@/utils/reading/fields';
import { readControl } from '@/utils/reading/state';
import { isShown } from '@/utils/reading/visibility';
import { MANGLERS, fixtureHtml, parseHtml } from '../pages/load-fixture';

const load = (name: string): Document => parseHtml(fixtureHtml(name));

describe('findField on the older Web Services user form', () => {
  const cases: Array<[string, string, string]> = [
    ['User ID', 'text', ''],
    ['Last name', 'text', ''],
    ['First name', 'text', ''],
    ['Email address', 'text', ''],
    ['User type', 'select', 'Employee'],
    ['Admin privileges', 'select', 'Off'],
    ['Status', 'select', 'Active'],
  ];
  for (const [label, kind, value] of cases) {
    it(`finds ${label} by its label and reads what the admin sees`, () => {
      const el = findField(load('ws-user-form'), [label]);
      expect(el).not.toBeNull();
      expect(readControl(el!)).toMatchObject({ kind, value });
    });
  }

  it('ignores case, a trailing * or : and extra spaces in the label asked for', () => {
    const doc = load('ws-user-form');
    const userType = findField(doc, ['User type']);
    for (const variant of ['user TYPE', 'User type*', 'User type:', '  User   type  ']) {
      expect(findField(doc, [variant])).toBe(userType);
    }
  });

  it('takes any of several labels (older and current wording)', () => {
    expect(readControl(findField(load('ws-user-form'), ['Account email address', 'Email address'])!).kind).toBe('text');
  });

  it('does not find a field the page lacks', () => {
    expect(findField(load('ws-user-form'), ['Contact name'])).toBeNull();
    expect(findField(load('ws-user-form'), [])).toBeNull();
  });
});

describe('findField on the current Web Services user form', () => {
  const cases: Array<[string, string, string]> = [
    ['User ID', 'text', ''],
    ['Username', 'text', ''],
    ['Account email address', 'text', ''],
    ['Contact name', 'text', ''],
    ['Status', 'combobox', 'Active'],
    ['User type', 'select', 'Business'],
    ['Admin privileges', 'select', 'Limited'],
  ];
  for (const [label, kind, value] of cases) {
    it(`finds ${label} although its visible label ends in *`, () => {
      const el = findField(load('ws-user-form-current'), [label]);
      expect(el).not.toBeNull();
      expect(readControl(el!)).toMatchObject({ kind, value });
    });
  }

  it('reads Status from the custom combobox, not a select', () => {
    const el = findField(load('ws-user-form-current'), ['Status'])!;
    expect(el.getAttribute('role')).toBe('combobox');
    expect(el.tagName).toBe('DIV');
  });

  it('has no Last name or First name (they live in the Contact name picker)', () => {
    expect(findField(load('ws-user-form-current'), ['Last name'])).toBeNull();
    expect(findField(load('ws-user-form-current'), ['First name'])).toBeNull();
  });
});

describe('findField tolerates other markup', () => {
  for (const [how, mangle] of Object.entries(MANGLERS)) {
    it(`finds every older-form field with ${how}`, () => {
      const doc = load('ws-user-form');
      mangle(doc);
      expect(readControl(findField(doc, ['User type'])!).value).toBe('Employee');
      expect(readControl(findField(doc, ['Admin privileges'])!).value).toBe('Off');
      expect(findField(doc, ['User ID'])).not.toBeNull();
    });
    it(`finds the current form's Status combobox with ${how}`, () => {
      const doc = load('ws-user-form-current');
      mangle(doc);
      expect(readControl(findField(doc, ['Status'])!).value).toBe('Active');
    });
  }

  it('finds a control wrapped in its label, without the options counting as label text', () => {
    const doc = parseHtml('<label>User type <select><option>Business</option><option selected>Employee</option></select></label>');
    expect(readControl(findField(doc, ['User type'])!).value).toBe('Employee');
  });

  it('finds a control named by aria-labelledby', () => {
    const doc = parseHtml('<span id="l1">Sender ID</span><input id="x" aria-labelledby="l1" value="expensify">');
    expect(readControl(findField(doc, ['Sender ID'])!).value).toBe('expensify');
  });

  it('finds a control beside a plain label cell whose class was renamed', () => {
    const doc = parseHtml('<table><tr><td class="zz">Fixed Prefix*</td><td><input value="EXP"></td></tr></table>');
    expect(readControl(findField(doc, ['Fixed Prefix'])!).value).toBe('EXP');
  });

  it('does not take the next row’s control for a label with none of its own', () => {
    const doc = parseHtml(
      '<table><tr><td class="label">Notes</td><td>(none)</td></tr><tr><td class="label">User ID</td><td><input value="u"></td></tr></table>',
    );
    // A label cell with text beside it is a read-only value, never the next row's input.
    const found = findField(doc, ['Notes']);
    expect(found?.tagName).toBe('TD');
    expect(found?.textContent).toBe('(none)');
  });

  it('matches labels by text only: an id or name alone is not a label', () => {
    const doc = parseHtml('<input id="User ID" name="User ID" value="x">');
    expect(findField(doc, ['User ID'])).toBeNull();
  });

  it('survives a label pointing at nothing and a document without a body', () => {
    expect(findField(parseHtml('<label for="nope">User ID</label>'), ['User ID'])).toBeNull();
    const doc = parseHtml('');
    doc.documentElement.remove();
    expect(findField(doc, ['User ID'])).toBeNull();
  });
});

describe('readControl', () => {
  it('reads checkboxes, switches, text areas, file choosers and plain text', () => {
    const doc = parseHtml(`
      <input type="checkbox" id="c" checked>
      <div role="switch" id="s" aria-checked="false" aria-label="Web Services"></div>
      <textarea id="t">  two  spaces </textarea>
      <input type="file" id="f">
      <input type="radio" id="r" value="All" checked>
      <span role="combobox" id="cb"><input value="Typed"></span>
    `);
    expect(readControl(doc.getElementById('c')!)).toEqual({ kind: 'checkbox', value: 'checked', checked: true });
    expect(readControl(doc.getElementById('s')!)).toEqual({ kind: 'checkbox', value: '', checked: false });
    // Typed text keeps its spaces: a stray space is something to report, not to hide.
    expect(readControl(doc.getElementById('t')!).value).toBe('  two  spaces ');
    expect(readControl(doc.getElementById('f')!)).toEqual({ kind: 'file', value: '' });
    expect(readControl(doc.getElementById('r')!)).toEqual({ kind: 'radio', value: 'All', checked: true });
    expect(readControl(doc.getElementById('cb')!)).toEqual({ kind: 'combobox', value: 'Typed' });
  });

  it('reads a select whose first option is the selected one', () => {
    const doc = parseHtml('<select id="a"><option selected>Off</option><option>Full</option></select>');
    expect(readControl(doc.getElementById('a')!).value).toBe('Off');
  });
});

describe('isShown', () => {
  it('treats fields inside the collapsed T&E sequence dialog as not shown until it is opened', () => {
    const doc = load('te-configuration');
    const seq = findField(doc, ['Sequence ID'])!;
    expect(isShown(seq)).toBe(false);
    doc.querySelector('details')!.setAttribute('open', '');
    expect(isShown(seq)).toBe(true);
    expect(isShown(findField(doc, ['Duplicate Numbers'])!)).toBe(true);
  });
});

describe('fields in a dialog hidden by a stylesheet', () => {
  it('are not on the page until the dialog shows', () => {
    const doc = new DOMParser().parseFromString(
      '<style>.dialog-closed{display:none}</style><div class="dialog-closed" id="d"><label for="p">Print Title</label><input id="p"></div>',
      'text/html',
    );
    document.body.append(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
    document.head.append(...Array.from(doc.head.childNodes).map((n) => document.importNode(n, true)));
    const input = document.getElementById('p')!;
    expect(isShown(input)).toBe(false);
    document.getElementById('d')!.className = '';
    expect(isShown(input)).toBe(true);
    document.body.innerHTML = '';
    document.head.querySelector('style')?.remove();
  });
});
