import { describe, expect, it } from 'vitest';
import { describeDifference } from '@/utils/audit/compare';
import { auditSenderIds } from '@/utils/audit/sender-ids';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { readSenderAuthorizations } from '@/utils/page-data/sender-authorizations';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

function page(rows: Array<[string, string, string]>): Document {
  const body = rows.map(([id, d, s]) => `<tr><td>${id}</td><td>${d}</td><td>${s}</td><td><a href="#">Edit</a></td></tr>`).join('');
  return parseHtml(`<table><thead><tr><th>Sender ID</th><th>Description</th><th>Status</th><th>Actions</th></tr></thead><tbody>${body}</tbody></table>`);
}

const expensify = (doc: Document) =>
  auditSenderIds(readSenderAuthorizations(doc), EXPENSIFY_PROFILE.senderIds, { integrationName: 'Expensify', stepId: 'sender-authorization' });

describe('auditSenderIds for Expensify', () => {
  it('flags the demo’s “Expensify” with a capital E and says how to recover', () => {
    const doc = parseHtml(fixtureHtml('company-security'));
    const findings = expensify(doc);
    // cdocs_v2 and ajax are the company's own business: one finding only.
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ id: 'sender:expensify', subject: 'Sender ID expensify', status: 'wrong', found: 'Expensify', stepId: 'sender-authorization' });
    expect(f.message).toMatch(/case-sensitive/);
    expect(f.message).toMatch(/cannot be changed/);
    expect(f.message).toMatch(/written with a capital E/);
    expect(f.fix).toBe('Add a new authorization expensify exactly, all lower case, and set Expensify to Inactive.');
    expect(f.target?.textContent).toContain('Expensify');
  });

  it('passes the exact, active ID', () => {
    expect(expensify(page([['expensify', 'Expensify', 'Active']]))[0]).toMatchObject({ status: 'ok', message: '', fix: '' });
  });

  it('passes when a correct row sits beside an old mistyped one', () => {
    const doc = page([
      ['Expensify', 'old', 'Inactive'],
      ['expensify', 'Expensify', 'Active'],
    ]);
    expect(expensify(doc).map((f) => f.status)).toEqual(['ok']);
  });

  it('flags an ID saved with a stray space', () => {
    const f = expensify(page([[' expensify', 'Expensify', 'Active']]))[0];
    expect(f?.status).toBe('wrong');
    expect(f?.found).toBe(' expensify');
    expect(f?.message).toMatch(/has a space before it/);
  });

  it('flags the right ID when it is Inactive', () => {
    const f = expensify(page([['expensify', 'Expensify', 'Inactive']]))[0];
    expect(f).toMatchObject({ status: 'wrong', found: 'expensify, Inactive' });
    expect(f?.fix).toMatch(/Status to Active/);
  });

  it('reports a missing sender with what to type in the Add window', () => {
    const f = expensify(page([['cdocs_v2', 'Printed Document Toolbar', 'Active']]))[0];
    expect(f).toMatchObject({ status: 'missing', found: '' });
    expect(f?.fix).toMatch(/Add/);
    expect(f?.fix).toMatch(/Sender ID expensify/);
    expect(f?.fix).toMatch(/Status Active/);
  });
});

describe('auditSenderIds for Certify', () => {
  const certify = (doc: Document) =>
    auditSenderIds(readSenderAuthorizations(doc), CERTIFY_PROFILE.senderIds, { integrationName: CERTIFY_PROFILE.name });

  it('on the demo page: Ajax not authorized as written, with the ajax conflict explained; Certify missing', () => {
    const [ajax, cert] = certify(parseHtml(fixtureHtml('company-security')));
    expect(ajax).toMatchObject({ subject: 'Sender ID Ajax', status: 'missing' });
    expect(ajax?.found).toMatch(/^ajax/);
    expect(ajax?.message).toMatch(/AJAX gateway/);
    // ajax serves Intacct itself (docs/intacct.md#web-services-sender-information): never advise switching it off.
    expect(ajax?.fix).not.toMatch(/Inactive/);
    expect(ajax?.fix).toMatch(/Keep ajax Active/);
    expect(ajax?.fix).toMatch(/Sender ID Ajax, Description Scripts, Status Active/);
    expect(cert).toMatchObject({ subject: 'Sender ID Certify', status: 'missing' });
    expect(cert?.fix).toMatch(/Sender ID Certify, Description Certify Integration, Status Active/);
  });

  it('passes once both senders are there exactly', () => {
    const doc = page([
      ['ajax', 'Scripts', 'Active'],
      ['Ajax', 'Scripts', 'Active'],
      ['Certify', 'Certify Integration', 'Active'],
    ]);
    expect(certify(doc).map((f) => f.status)).toEqual(['ok', 'ok']);
  });

  it('flags a mistyped certify as wrong, naming the lower-case c', () => {
    const f = certify(page([['certify', 'Certify Integration', 'Active']]))[1];
    expect(f?.status).toBe('wrong');
    expect(f?.message).toMatch(/written with a lower-case c/);
  });
});

describe('describeDifference', () => {
  it('names what differs in words an admin can act on', () => {
    expect(describeDifference('Expensify', 'expensify')).toBe('written with a capital E');
    expect(describeDifference('EXPENSIFY', 'expensify')).toBe('written in capitals');
    expect(describeDifference(' expensify', 'expensify')).toBe('has a space before it');
    expect(describeDifference('expensify ', 'expensify')).toBe('has a space after it');
    expect(describeDifference('expen sify', 'expensify')).toBe('has a space inside it');
    expect(describeDifference(' Expensify', 'expensify')).toBe('has a space before it and written with a capital E');
    expect(describeDifference('ajax', 'Ajax')).toBe('written with a lower-case a');
    expect(describeDifference('expensify', 'expensify')).toBe('');
    expect(describeDifference('certify', 'expensify')).toBe('');
  });
});
