import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { auditFields } from '@/utils/audit/fields';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { recordPageFindings, setTicked } from '@/utils/checklist/progress';
import { toExportMessage } from '@/utils/messages/export-audit';
import { readControl } from '@/utils/reading/state';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import type { FieldRule } from '@/utils/profiles/schema';
import { AUDIT_CSV_HEADER, evidenceToCsv } from '@/utils/export/evidence-csv';
import { evidenceToHtml } from '@/utils/export/evidence-report';
import { evidenceToJson } from '@/utils/export/pack';
import { evidenceOf } from '../export/evidence-fixture';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

// Nothing the overlay exports, or the checklist stores, can hold a password: findings carry only the
// documented text fields (and a page element that is never written), and the writers copy field by field.
// (Storage after the connection test is covered in tests/unit/connection.)

const SECRET = 'pw-3c9e51-secret';

const FINDING_FIELDS = ['id', 'subject', 'status', 'found', 'expected', 'message', 'fix', 'group', 'stepId'];
const EVIDENCE_FIELDS = [
  'auditId',
  'auditedAt',
  'caveats',
  'company',
  'corroboration',
  'exportedAt',
  'extension',
  'format',
  'formatVersion',
  'integration',
  'kind',
  'options',
  'reviewer',
  'rights',
  'rows',
  'source',
  'subject',
  'summary',
  'timeZone',
];

/** What the background is handed, padded with what a careless caller might leave on it. */
function padded() {
  return {
    subject: { kind: 'role' as const, name: 'Expensify', password: SECRET } as { kind: 'role'; name: string },
    rights: [{ module: 'General Ledger', object: 'Accounts', rights: ['List'], sessionId: SECRET }],
  };
}

/** Real findings from the demo page, each padded with what a careless caller might leave on it. */
function paddedFindings(): Finding[] {
  const real = createPermissionsAudit(parseHtml(fixtureHtml('role-permissions')), EXPENSIFY_PROFILE, {}).findings();
  expect(real.length).toBeGreaterThan(3);
  return real.map((f) => {
    const target = f.target ?? document.createElement('input');
    target.setAttribute('data-secret', SECRET);
    return Object.assign({}, f, { target, password: SECRET, senderPassword: SECRET, credentials: { userPassword: SECRET } });
  });
}

function paddedEvidence() {
  const { subject, rights } = padded();
  return evidenceOf(paddedFindings(), { subject }, rights);
}

describe('the audit files', () => {
  it('JSON: only the documented fields, each finding with its own', () => {
    const out = JSON.parse(evidenceToJson(paddedEvidence())) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(EVIDENCE_FIELDS);
    expect(Object.keys(out.subject as object).sort()).toEqual(['kind', 'name']);
    for (const o of out.options as object[]) expect(Object.keys(o).sort()).toEqual(['label', 'value']);
    expect(Object.keys((out.summary as { counts: object }).counts).sort()).toEqual(['excess', 'missing', 'not-found', 'ok', 'wrong']);
    for (const f of out.rows as object[]) {
      for (const key of Object.keys(f)) expect(FINDING_FIELDS).toContain(key);
    }
    for (const r of out.rights as object[]) expect(Object.keys(r).sort()).toEqual(['module', 'object', 'rights']);
    expect(JSON.stringify(out)).not.toContain(SECRET);
  });

  it('CSV: the documented columns, one row per finding, nothing else', () => {
    const e = paddedEvidence();
    const csv = evidenceToCsv(e);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(','));
    expect(lines).toHaveLength(e.rows.length + 1);
    expect(csv).not.toContain(SECRET);
  });

  it('the printable report: no secret, no script, no external resource, no link', () => {
    const html = evidenceToHtml(paddedEvidence(), 'a'.repeat(64));
    expect(html).not.toContain(SECRET);
    expect(html).not.toMatch(/<script|<img|<iframe|<link|<a |src=|href=|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('the export message the overlay sends: documented fields only, no page element', () => {
    const { subject, rights } = padded();
    const message = toExportMessage(
      { mode: 'audit', auditId: 'a1b2c3d4-0000-4000-8000-000000000001', company: 'DEMOCO', subject, profileId: 'expensify', optionValues: {}, view: 'permissions-window', auditedAt: 1, note: '' },
      paddedFindings(),
      rights,
    );
    for (const f of message.findings) for (const key of Object.keys(f)) expect(FINDING_FIELDS).toContain(key);
    for (const r of message.rights) expect(Object.keys(r).sort()).toEqual(['module', 'object', 'rights']);
    expect(JSON.stringify(message)).not.toContain(SECRET);
  });
});

describe('the checklist store', () => {
  it('keeps step ids and times only, whatever the findings say', () => {
    const findings = paddedFindings().map((f, i) => ({ ...f, stepId: i % 2 ? 'roles' : 'permissions', found: SECRET, message: SECRET }));
    let store = recordPageFindings({}, 'DEMOCO', 'expensify', findings, 1_700_000_000_000);
    store = recordPageFindings(store, 'DEMOCO', 'expensify', findings.map((f) => ({ ...f, status: 'ok' as const })), 1_700_000_000_001);
    store = setTicked(store, 'DEMOCO', 'expensify', 'ws-user', true, 1_700_000_000_002);
    expect(JSON.stringify(store)).not.toContain(SECRET);
    expect(store).toEqual({
      DEMOCO: { expensify: { verified: { roles: 1_700_000_000_001, permissions: 1_700_000_000_001 }, ticked: { 'ws-user': 1_700_000_000_002 } } },
    });
  });
});

describe('password fields', () => {
  const page = (): Document => {
    const doc = parseHtml(
      '<!DOCTYPE html><html><body><h1>Web Services User Information</h1><table>' +
        `<tr><td class="label"><label for="pw">Password</label></td><td><input type="password" id="pw" value="${SECRET}"></td></tr>` +
        '<tr><td class="label"><label for="pw2">Confirm password</label></td><td><input type="PASSWORD" id="pw2"></td></tr>' +
        '</table></body></html>',
    );
    // The value an admin typed is the live property, not the attribute.
    (doc.getElementById('pw2') as HTMLInputElement).value = SECRET;
    return doc;
  };

  function rule(id: string, label: string, expect: FieldRule['expect']): FieldRule {
    return { id, pageKind: 'ws-user-form', labels: [label], subject: label, expect, fix: 'Set it.' };
  }

  it('are read as set or empty, never as what was typed', () => {
    const doc = page();
    for (const id of ['pw', 'pw2']) {
      const state = readControl(doc.getElementById(id)!);
      expect(state.value).not.toContain(SECRET);
      expect(state.value).not.toBe('');
    }
    expect(readControl(parseHtml('<input type="password" id="x">').getElementById('x')!).value).toBe('');
  });

  it('a field check pointed at one (an imported profile could) never puts the password in a finding', () => {
    const findings = auditFields(page(), [
      rule('pw-set', 'Password', { kind: 'nonEmpty' }),
      rule('pw-equals', 'Confirm password', { kind: 'equals', value: 'guess', caseSensitive: true }),
    ]);
    expect(findings.map((f) => [f.subject, f.status])).toEqual([
      ['Password', 'ok'],
      ['Confirm password', 'wrong'],
    ]);
    const text = JSON.stringify(findings.map(({ target: _t, ...rest }) => rest));
    expect(text).not.toContain(SECRET);
  });
});
