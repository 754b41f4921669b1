import { describe, expect, it } from 'vitest';
import { auditPage } from '@/utils/audit/page-audit';
import { applyFill, planFill } from '@/utils/fill/recommended-values';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { fieldRulesFor } from '@/utils/profiles/registry';
import type { FieldRule } from '@/utils/profiles/schema';
import { readControl } from '@/utils/reading/state';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

const load = (name: string): Document => parseHtml(fixtureHtml(name));
const statusOf = (doc: Document, kind: 'ws-user-form' | 'te-configuration', subject: string, values = {}) =>
  auditPage(doc, kind, EXPENSIFY_PROFILE, values).find((f) => f.subject === subject)?.status;

/** Records bubbling input/change events at the document, and any submit or click, which must never happen. */
function listen(doc: Document): { events: string[]; forbidden: string[] } {
  const events: string[] = [];
  const forbidden: string[] = [];
  for (const type of ['input', 'change']) {
    doc.addEventListener(type, (e) => events.push(`${type}:${(e.target as Element).getAttribute('name')}`));
  }
  doc.addEventListener('submit', () => forbidden.push('submit'), true);
  doc.addEventListener('click', () => forbidden.push('click'), true);
  return { events, forbidden };
}

describe('planFill and applyFill on the older WS user form (Expensify)', () => {
  const rules = fieldRulesFor(EXPENSIFY_PROFILE, {}, 'ws-user-form');

  it('plans the values the guide prescribes, and nothing for the email', () => {
    const plan = planFill(load('ws-user-form'), rules);
    expect(plan.map((a) => [a.subject, a.value])).toEqual([
      ['User ID', 'xmlgateway_expensify'],
      ['Last name', 'Expensify'],
      ['First name', 'Expensify'],
      ['User type', 'Business'],
      ['Admin privileges', 'Full'],
    ]);
  });

  it('sets the values, tells the page through bubbling input and change, and never submits or clicks', () => {
    const doc = load('ws-user-form');
    const { events, forbidden } = listen(doc);
    const changed = applyFill(planFill(doc, rules));
    expect(changed).toBe(5);
    const value = (name: string): string => readControl(doc.querySelector(`[name="${name}"]`)!).value;
    expect(value('_obj__USERTYPE')).toBe('Business');
    expect(value('_obj__ADMIN')).toBe('Full');
    expect(value('_obj__LOGINID')).toBe('xmlgateway_expensify');
    expect(value('_obj__EMAIL')).toBe('');
    expect(events).toContain('input:_obj__USERTYPE');
    expect(events).toContain('change:_obj__USERTYPE');
    expect(events).toContain('input:_obj__LOGINID');
    expect(events).toContain('change:_obj__ADMIN');
    expect(events.filter((e) => e.endsWith('_obj__EMAIL'))).toEqual([]);
    expect(forbidden).toEqual([]);
  });

  it('leaves a re-audit showing the filled fields ok and the email still to do', () => {
    const doc = load('ws-user-form');
    applyFill(planFill(doc, rules));
    for (const subject of ['User type', 'Admin privileges', 'User ID', 'Last name', 'First name', 'Status']) {
      expect(statusOf(doc, 'ws-user-form', subject)).toBe('ok');
    }
    expect(statusOf(doc, 'ws-user-form', 'Email address')).toBe('missing');
    expect(planFill(doc, rules)).toEqual([]);
  });

  it('changes nothing the second time', () => {
    const doc = load('ws-user-form');
    const plan = planFill(doc, rules);
    applyFill(plan);
    expect(applyFill(plan)).toBe(0);
  });

  it('does not overwrite a value that is already right, whatever its case', () => {
    const doc = load('ws-user-form');
    (doc.querySelector('[name="_obj__LOGINID"]') as HTMLInputElement).value = 'XMLGATEWAY_EXPENSIFY';
    expect(planFill(doc, rules).map((a) => a.subject)).not.toContain('User ID');
  });
});

describe('planFill elsewhere', () => {
  it('on the current form: only User ID and Admin privileges; a div combobox is never written', () => {
    const doc = load('ws-user-form-current');
    doc.getElementById('ia-webuser-status')!.textContent = 'Locked out';
    const plan = planFill(doc, fieldRulesFor(EXPENSIFY_PROFILE, {}, 'ws-user-form'));
    expect(plan.map((a) => [a.subject, a.value])).toEqual([
      ['User ID', 'xmlgateway_expensify'],
      ['Admin privileges', 'Full'],
    ]);
  });

  it('on the T&E configuration: fixes the three settings and unticks approval, and a re-audit passes', () => {
    const doc = load('te-configuration');
    const values = { export: 'expense-reports' };
    const plan = planFill(doc, fieldRulesFor(EXPENSIFY_PROFILE, values, 'te-configuration'));
    expect(plan.map((a) => [a.subject, a.value])).toEqual([
      ['Expense report numbering', 'EXP'],
      ['Duplicate numbers', 'Do not allow creation'],
      ['Expense report approval', false],
    ]);
    const { events } = listen(doc);
    expect(applyFill(plan)).toBe(3);
    expect(events).toContain('change:_obj__APPROVAL_ENABLED');
    expect(auditPage(doc, 'te-configuration', EXPENSIFY_PROFILE, values).every((f) => f.status === 'ok')).toBe(true);
  });

  it('never invents an employee’s details or types into a read-only field', () => {
    const doc = load('employee-form');
    expect(planFill(doc, fieldRulesFor(EXPENSIFY_PROFILE, { export: 'expense-reports' }, 'employee-form'))).toEqual([]);
  });

  it('fills the first of Certify’s sender IDs on an empty sender form', () => {
    const plan = planFill(load('sender-form'), fieldRulesFor(CERTIFY_PROFILE, {}, 'sender-form'));
    expect(plan.map((a) => [a.subject, a.value])).toEqual([['Sender ID', 'Ajax']]);
  });

  it('skips actions whose control is gone or disabled, without throwing', () => {
    const doc = load('ws-user-form');
    const plan = planFill(doc, fieldRulesFor(EXPENSIFY_PROFILE, {}, 'ws-user-form'));
    (doc.querySelector('[name="_obj__USERTYPE"]') as HTMLSelectElement).disabled = true;
    doc.querySelector('[name="_obj__ADMIN"]')!.remove();
    expect(applyFill(plan)).toBe(3);
    expect(readControl(doc.querySelector('[name="_obj__USERTYPE"]')!).value).toBe('Employee');
  });
});

describe('password fields', () => {
  // A profile's rule finds its field by label; an imported profile can name any label, and a page can draw
  // any field as a password box. Fill leaves every password box to the admin.
  const rule: FieldRule = {
    id: 'sender-password',
    pageKind: 'sender-form',
    labels: ['Password'],
    subject: 'Password',
    expect: { kind: 'equals', value: 'typed-by-a-profile', caseSensitive: true },
    fix: 'Type the password.',
  };

  function senderFormWithPassword(): Document {
    const doc = load('sender-form');
    doc.querySelector('[name="_obj__DESCRIPTION"]')!.closest('tr')!.insertAdjacentHTML(
      'afterend',
      '<tr><td class="label"><label for="_obj__PASSWORD">Password</label></td><td class="value"><input type="password" id="_obj__PASSWORD" name="_obj__PASSWORD" value=""></td></tr>',
    );
    return doc;
  }

  it('never plans a value for a password input, whatever rule names it', () => {
    const doc = senderFormWithPassword();
    expect(planFill(doc, [rule])).toEqual([]);
  });

  it('never writes one, even when handed an action for it', () => {
    const doc = senderFormWithPassword();
    const target = doc.querySelector('[name="_obj__PASSWORD"]')!;
    const { events } = listen(doc);
    expect(applyFill([{ ruleId: rule.id, subject: rule.subject, target, value: 'typed-by-a-profile' }])).toBe(0);
    expect((target as HTMLInputElement).value).toBe('');
    expect(events).toEqual([]);
  });

  it('leaves a page’s User ID alone when the page draws it as a password box', () => {
    const doc = load('ws-user-form');
    (doc.querySelector('[name="_obj__LOGINID"]') as HTMLInputElement).type = 'password';
    const plan = planFill(doc, fieldRulesFor(EXPENSIFY_PROFILE, {}, 'ws-user-form'));
    expect(plan.map((a) => a.subject)).not.toContain('User ID');
    expect(plan.length).toBeGreaterThan(0);
  });
});

describe('filling a field that accepts one of several values', () => {
  it('corrects the case of what the admin typed, and never swaps one sender ID for another', async () => {
    const { fieldRulesFor, getProfile } = await import('@/utils/profiles/registry');
    const { planFill } = await import('@/utils/fill/recommended-values');
    const certify = getProfile('certify')!;
    const rules = fieldRulesFor(certify, {}, 'sender-form');
    const doc = new DOMParser().parseFromString(
      '<table><tr><td class="label"><label for="s">Sender ID</label></td><td><input id="s" value="certify"></td></tr></table>',
      'text/html',
    );
    expect(planFill(doc, rules).map((a) => a.value)).toContain('Certify');
    (doc.getElementById('s') as HTMLInputElement).value = 'concur';
    expect(planFill(doc, rules).filter((a) => a.subject === 'Sender ID')).toEqual([]);
  });
});
