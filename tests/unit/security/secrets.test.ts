import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { auditFields } from '@/utils/audit/fields';
import { createPermissionsAudit } from '@/utils/audit/permissions';
import { recordPageFindings, setTicked } from '@/utils/checklist/progress';
import { toExportMessage } from '@/utils/export/export-message';
import { readControl } from '@/utils/readers/form-field';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import type { FieldRule } from '@/utils/profiles/schema';
import { auditToCsv, auditToHtmlReport, auditToJson, type AuditMeta } from '@/utils/export/audit-export';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

// Nothing the overlay exports, or the checklist stores, can hold a password: findings carry only the
// documented text fields (and a page element that is never written), and the writers copy field by field.
// (Storage after the connection test is covered in tests/unit/connection.)

const SECRET = 'pw-3c9e51-secret';

const FINDING_FIELDS = ['id', 'subject', 'status', 'found', 'expected', 'message', 'fix', 'group', 'stepId'];
const META_FIELDS = ['company', 'subject', 'integration', 'options', 'date', 'pageKind'];

function meta(): AuditMeta {
  const padded = {
    company: 'DEMOCO',
    subject: { kind: 'role' as const, name: 'Expensify', password: SECRET },
    integration: 'Expensify',
    options: [{ label: 'Export as', value: 'Expense reports', senderPassword: SECRET }],
    date: '2025-03-14T09:30:00.000Z',
    pageKind: 'role-permissions',
    userPassword: SECRET,
    sessionId: SECRET,
  };
  return padded as AuditMeta;
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

describe('the audit files', () => {
  it('JSON: only meta, summary, counts and findings, each with its documented fields', () => {
    const out = JSON.parse(auditToJson(meta(), paddedFindings())) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['counts', 'findings', 'meta', 'summary']);
    const m = out.meta as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual([...META_FIELDS].sort());
    expect(Object.keys(m.subject as object).sort()).toEqual(['kind', 'name']);
    for (const o of m.options as object[]) expect(Object.keys(o).sort()).toEqual(['label', 'value']);
    expect(Object.keys(out.counts as object).sort()).toEqual(['excess', 'missing', 'ok', 'wrong']);
    for (const f of out.findings as object[]) {
      for (const key of Object.keys(f)) expect(FINDING_FIELDS).toContain(key);
    }
    expect(JSON.stringify(out)).not.toContain(SECRET);
  });

  it('CSV: the documented columns, one row per finding, nothing else', () => {
    const findings = paddedFindings();
    const csv = auditToCsv(meta(), findings);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Company,Role or user,Integration,Options,Date,Page,Module,Subject,Status,Found,Expected,Message,Fix,Check id');
    expect(lines).toHaveLength(findings.length + 1);
    expect(csv).not.toContain(SECRET);
  });

  it('the printable report: no secret, no script, no external resource', () => {
    const html = auditToHtmlReport(meta(), paddedFindings());
    expect(html).not.toContain(SECRET);
    expect(html).not.toMatch(/<script|<img|<iframe|<link|src=|href=|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('the export message the overlay sends: documented fields only, no page element', () => {
    const message = toExportMessage(meta(), paddedFindings());
    expect(Object.keys(message).sort()).toEqual(['findings', 'meta', 'type']);
    expect(Object.keys(message.meta).sort()).toEqual([...META_FIELDS].sort());
    for (const f of message.findings) for (const key of Object.keys(f)) expect(FINDING_FIELDS).toContain(key);
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
