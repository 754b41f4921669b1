import { describe, expect, it } from 'vitest';
import { auditFields } from '@/utils/audit/fields';
import type { Finding } from '@/utils/audit/finding';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { fieldRulesFor } from '@/utils/profiles/registry';
import type { FieldRule } from '@/utils/profiles/schema';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

const load = (name: string): Document => parseHtml(fixtureHtml(name));
const bySubject = (findings: Finding[]): Record<string, Finding> => Object.fromEntries(findings.map((f) => [f.subject, f]));

const rule = (expect: FieldRule['expect'], labels = ['Value']): FieldRule => ({
  id: 'value',
  pageKind: 'sender-form',
  labels,
  subject: labels[0] ?? 'Value',
  expect,
  fix: 'Set it.',
});

function auditInput(value: string, r: FieldRule): Finding | undefined {
  const doc = parseHtml(`<label for="v">${r.labels[0]}</label><input id="v">`);
  (doc.getElementById('v') as HTMLInputElement).value = value;
  return auditFields(doc, [r])[0];
}

describe('auditFields on the Web Services user forms (Expensify)', () => {
  const rules = fieldRulesFor(EXPENSIFY_PROFILE, {}, 'ws-user-form');

  it('flags the older demo form: Employee, admin Off, no User ID; Status Active is fine', () => {
    const f = bySubject(auditFields(load('ws-user-form'), rules));
    expect(f['User type']).toMatchObject({ status: 'wrong', found: 'Employee', expected: 'Business', fix: 'Set User type to Business.' });
    expect(f['User type']?.message).toMatch(/Employee cannot post to the general ledger/);
    expect(f['Admin privileges']).toMatchObject({ status: 'wrong', found: 'Off', expected: 'Full' });
    expect(f['User ID']).toMatchObject({ status: 'missing', found: '', expected: 'xmlgateway_expensify' });
    expect(f['Status']).toMatchObject({ status: 'ok', found: 'Active', message: '', fix: '' });
    expect(f['Email address']?.status).toBe('missing');
  });

  it('points each finding at the control it is about', () => {
    const doc = load('ws-user-form');
    const f = bySubject(auditFields(doc, rules));
    expect(f['User type']?.target).toBe(doc.querySelector('select[name="_obj__USERTYPE"]'));
  });

  it('passes Business on the current form and flags Admin privileges Limited', () => {
    const f = bySubject(auditFields(load('ws-user-form-current'), rules));
    expect(f['User type']).toMatchObject({ status: 'ok', found: 'Business' });
    expect(f['Admin privileges']).toMatchObject({ status: 'wrong', found: 'Limited', expected: 'Full' });
    expect(f['Status']).toMatchObject({ status: 'ok', found: 'Active' });
  });

  it('says nothing about fields the current form does not have (names live in the Contact name picker)', () => {
    const subjects = auditFields(load('ws-user-form-current'), rules).map((f) => f.subject);
    expect(subjects).not.toContain('Last name');
    expect(subjects).not.toContain('First name');
    expect(subjects).toContain('Contact name');
  });

  it('turns a finding ok when the admin changes the field', () => {
    const doc = load('ws-user-form');
    const select = doc.querySelector('select[name="_obj__USERTYPE"]') as HTMLSelectElement;
    select.selectedIndex = 0; // Business
    expect(bySubject(auditFields(doc, rules))['User type']?.status).toBe('ok');
  });

  it('sets the step id when asked', () => {
    const findings = auditFields(load('ws-user-form'), rules, () => 'ws-user');
    expect(findings.every((f) => f.stepId === 'ws-user')).toBe(true);
  });

  it('shows a hostile value verbatim as text', () => {
    const doc = load('ws-user-form');
    const hostile = '<img src=x onerror=alert(1)>';
    (doc.querySelector('input[name="_obj__LOGINID"]') as HTMLInputElement).value = hostile;
    const f = bySubject(auditFields(doc, rules))['User ID'];
    expect(f).toMatchObject({ status: 'wrong', found: hostile });
    expect(f?.message).toContain(hostile);
    expect(doc.querySelector('img')).toBeNull();
  });
});

describe('auditFields on the sender form', () => {
  const expensify = fieldRulesFor(EXPENSIFY_PROFILE, {}, 'sender-form');
  const certify = fieldRulesFor(CERTIFY_PROFILE, {}, 'sender-form');

  function typed(value: string, rules: FieldRule[]): Finding | undefined {
    const doc = load('sender-form');
    (doc.querySelector('input[name="_obj__SENDERID"]') as HTMLInputElement).value = value;
    return bySubject(auditFields(doc, rules))['Sender ID'];
  }

  it('warns before saving a sender ID with the wrong case, naming the capital', () => {
    const f = typed('Expensify', expensify);
    expect(f).toMatchObject({ status: 'wrong', found: 'Expensify', expected: 'expensify' });
    expect(f?.message).toMatch(/written with a capital E/);
    expect(f?.message).toMatch(/cannot be changed/);
  });

  it('warns about a space before the ID', () => {
    const f = typed(' expensify', expensify);
    expect(f).toMatchObject({ status: 'wrong', found: ' expensify' });
    expect(f?.message).toMatch(/has a space before it/);
  });

  it('accepts the exact ID and asks for one when empty', () => {
    expect(typed('expensify', expensify)?.status).toBe('ok');
    expect(typed('', expensify)?.status).toBe('missing');
  });

  it('accepts either of Certify’s senders exactly as its guide writes them', () => {
    expect(typed('Ajax', certify)?.status).toBe('ok');
    expect(typed('Certify', certify)?.status).toBe('ok');
    expect(typed('CERTIFY', certify)?.message).toMatch(/written in capitals/);
  });

  it('explains that “ajax” is Intacct’s own AJAX sender rather than a typo of Certify’s “Ajax”', () => {
    const f = typed('ajax', certify);
    expect(f?.status).toBe('wrong');
    expect(f?.message).toMatch(/AJAX gateway/);
    expect(f?.message).toMatch(/Ask the vendor/);
  });
});

describe('auditFields value rules', () => {
  it('equals without case sensitivity ignores case and surrounding spaces', () => {
    const r = rule({ kind: 'equals', value: 'xmlgateway_expensify', caseSensitive: false }, ['User ID']);
    expect(auditInput('  XMLGateway_Expensify ', r)?.status).toBe('ok');
    expect(auditInput('xmlgateway', r)?.status).toBe('wrong');
  });

  it('checks email addresses', () => {
    const r = rule({ kind: 'email' }, ['Email address']);
    expect(auditInput('ap@example.com', r)?.status).toBe('ok');
    expect(auditInput('Accounts team', r)).toMatchObject({ status: 'wrong', message: '“Accounts team” is not a valid email address.' });
    expect(auditInput('   ', r)?.status).toBe('missing');
  });

  it('treats a blank required value as missing', () => {
    const r = rule({ kind: 'nonEmpty' }, ['Employee ID']);
    expect(auditInput('', r)?.status).toBe('missing');
    expect(auditInput('E100', r)?.status).toBe('ok');
  });

  it('reports a field that is not on the page as not found, never as passed', () => {
    const [finding, ...rest] = auditFields(load('sender-form'), [rule({ kind: 'nonEmpty' }, ['Fixed Prefix'])]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ status: 'not-found', found: '', lookedFor: 'a field labelled “Fixed Prefix”' });
    expect(finding?.fix).toMatch(/Point at it/);
  });

  it('gives no finding for an on-demand field while its dialog is absent', () => {
    expect(auditFields(load('sender-form'), [{ ...rule({ kind: 'nonEmpty' }, ['Fixed Prefix']), onDemand: true }])).toEqual([]);
  });

  it('expects no field of the other UI generation where its replacement is shown', () => {
    const lastName = { ...rule({ kind: 'nonEmpty' }, ['Last name']), replacedBy: ['Contact name'] };
    expect(auditFields(load('ws-user-form-current'), [lastName])).toEqual([]);
    expect(auditFields(load('sender-form'), [lastName]).map((f) => f.status)).toEqual(['not-found']);
  });
});

describe('auditFields on the T&E configuration', () => {
  const rules = fieldRulesFor(EXPENSIFY_PROFILE, { export: 'expense-reports' }, 'te-configuration');

  it('flags the demo state and leaves the right settings ok', () => {
    const f = bySubject(auditFields(load('te-configuration'), rules));
    expect(f['Expense report numbering']).toMatchObject({ status: 'wrong', found: 'None', expected: 'EXP' });
    expect(f['Duplicate numbers']).toMatchObject({ status: 'wrong', found: 'Allow creation', expected: 'Do not allow creation' });
    expect(f['Expense report approval']).toMatchObject({ status: 'wrong', found: 'ticked', expected: 'not ticked' });
    expect(f['Expense types']).toMatchObject({ status: 'ok', found: 'ticked' });
    expect(f['Employee numbering']).toMatchObject({ status: 'ok', found: 'EMP' });
  });

  it('checks the sequence dialog only once the admin opens it', () => {
    const doc = load('te-configuration');
    expect(auditFields(doc, rules).map((f) => f.subject)).not.toContain('Sequence ID');
    doc.querySelector('details')!.setAttribute('open', '');
    const f = bySubject(auditFields(doc, rules));
    expect(f['Sequence ID']?.status).toBe('missing');
    expect(f['Sequence starting number']?.status).toBe('ok');
    expect(f['Sequence next number']).toMatchObject({ status: 'wrong', found: '1', expected: '2' });
    // Advanced Settings is a second collapsed section inside the dialog.
    expect(f['Fixed prefix']).toBeUndefined();
  });

  it('reports an unticked required box as missing', () => {
    const doc = load('te-configuration');
    (doc.querySelector('input[name="_obj__EXPENSETYPES"]') as HTMLInputElement).checked = false;
    expect(bySubject(auditFields(doc, rules))['Expense types']).toMatchObject({ status: 'missing', found: 'not ticked' });
  });
});
