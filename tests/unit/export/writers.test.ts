import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { AUDIT_CSV_HEADER, COMPARE_CSV_HEADER, csvCell, evidenceToCsv } from '@/utils/export/evidence-csv';
import { describeOptions, readableTime, summaryOf, type EvidenceRow } from '@/utils/export/evidence';
import { evidenceToHtml } from '@/utils/export/evidence-report';
import { evidenceToJson } from '@/utils/export/pack';
import { RAMP_PROFILE } from '@/utils/profiles/connectors';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { permissionsWindowHtml, row } from '../permissions/build-page';
import { evidenceOf, parseCsv } from './evidence-fixture';

const HOSTILE = '<img src=x onerror=alert(1)>';
const DIGEST = 'ab'.repeat(32);

function glFindings(): Finding[] {
  return createPermissionsAudit(parseHtml(fixtureHtml('role-permissions')), EXPENSIFY_PROFILE, {}).findings();
}

/** A window whose role and object names are hostile, read and audited the normal way. */
function hostileFindings(): Finding[] {
  const html = permissionsWindowHtml({
    who: `Role: ${HOSTILE}`,
    application: 'General Ledger',
    sections: [{ title: 'Activities and lists', rows: [row('<script>alert(2)</script>', ['List', 'View', 'Delete'], ['List'])] }],
  });
  return createPermissionsAudit(parseHtml(html), EXPENSIFY_PROFILE, {}).findings();
}

const notFound = (id: string): EvidenceRow => ({
  id,
  subject: 'User type',
  status: 'not-found',
  found: '',
  expected: 'Business',
  message: 'This page shows no User type field.',
  fix: 'Open the user’s edit page.',
  group: '',
});

describe('the JSON', () => {
  it('parses back to the same rows, without page elements, with everything an auditor asks', () => {
    const findings = glFindings();
    const json = evidenceToJson(evidenceOf(findings));
    const back = JSON.parse(json) as Record<string, unknown> & { rows: Finding[]; summary: { line: string; counts: Record<string, number> } };
    expect(back.rows).toEqual(findings.map(({ target: _t, ...rest }) => rest));
    expect(back).toMatchObject({
      format: 'intacct-setup-helper/audit-evidence',
      formatVersion: 1,
      company: 'ACME-TEST',
      subject: { kind: 'role', name: 'Expensify' },
      integration: {
        id: 'expensify',
        name: 'Expensify',
        version: 'built into Intacct Setup Helper 0.1.0',
        sources: [{ url: 'https://help.expensify.com/articles/expensify-classic/connections/sage-intacct/Connect-To-Sage-Intacct' }],
      },
      reviewer: 'Dana Reviewer',
      auditedAt: '2025-03-14T10:30:00+01:00',
      timeZone: 'Europe/Berlin',
      extension: { name: 'Intacct Setup Helper', version: '0.1.0' },
      source: { view: 'permissions-window', pageKind: 'role-permissions' },
    });
    expect(back.summary).toEqual({ line: '7 missing, 2 wrong', counts: { ok: 7, missing: 7, wrong: 2, excess: 0, 'not-found': 0 } });
    expect(json).not.toContain('"target"');
    expect(json).toContain('\n  "company"');
  });

  it('names every guide a profile draws on, the main one first', () => {
    const sources = evidenceOf([], { profile: RAMP_PROFILE, optionValues: { purchaseOrders: 'yes' } }).integration.sources;
    expect(sources.map((s) => s.citation)).toEqual([
      'support.ramp.com sync-error article',
      'support.ramp.com 4435940482707',
      'support.ramp.com 41102139615251',
    ]);
    expect(sources.every((s) => s.url?.startsWith('https://'))).toBe(true);
  });

  it('describes the chosen options in the helper’s words', () => {
    expect(describeOptions(EXPENSIFY_PROFILE, { export: 'expense-reports' })).toEqual([
      { label: 'Out-of-pocket expenses exported as', value: 'Expense reports' },
      { label: 'Uses Projects or Customers', value: 'Neither' },
      { label: 'Permission model', value: 'User-based' },
    ]);
  });

  it('names the company even when the page could not', () => {
    expect(evidenceOf([], { company: '  ' }).company).toBe('not known (neither the page nor the Intacct tab named it)');
    expect(evidenceOf([], { reviewer: '' }).reviewer).toBe('not given');
  });
});

describe('the summary', () => {
  it('counts a check whose field is not on the page apart, and never as a pass', () => {
    const ok: EvidenceRow = { ...notFound('a'), status: 'ok' };
    expect(summaryOf([ok, notFound('b')])).toBe('1 not found on the page');
    expect(summaryOf([ok, notFound('b'), { ...ok, id: 'c', status: 'missing' } as EvidenceRow])).toBe('1 missing, 1 not found on the page');
    expect(summaryOf([ok])).toBe('All 1 checks pass');
    expect(evidenceOf([ok, notFound('b')]).summary.counts).toEqual({ ok: 1, missing: 0, wrong: 0, excess: 0, 'not-found': 1 });
  });
});

describe('the CSV', () => {
  it('writes one RFC 4180 row per check under a header, CRLF-terminated, with the audit’s context on each', () => {
    const findings = glFindings();
    const csv = evidenceToCsv(evidenceOf(findings));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(findings.length + 1);
    expect(rows[0]).toEqual([...AUDIT_CSV_HEADER]);
    const col = (name: (typeof AUDIT_CSV_HEADER)[number]) => AUDIT_CSV_HEADER.indexOf(name);
    const accounts = rows.find((r) => r[col('Check id')] === 'perm:general-ledger:accounts');
    expect(accounts?.[col('Company')]).toBe('ACME-TEST');
    expect(accounts?.[col('Role or user')]).toBe('Role Expensify');
    expect(accounts?.[col('Reviewer')]).toBe('Dana Reviewer');
    expect(accounts?.[col('Audited at')]).toBe('2025-03-14T10:30:00+01:00');
    expect(accounts?.[col('Time zone')]).toBe('Europe/Berlin');
    expect(accounts?.[col('Extension')]).toBe('Intacct Setup Helper 0.1.0');
    expect(accounts?.[col('Audit summary')]).toBe('7 missing, 2 wrong');
    // Commas inside a cell survive quoting.
    expect(accounts?.[col('Found')]).toBe('List, View, Add, Edit');
    expect(accounts?.[col('Status')]).toBe('missing');
    expect(csv).toContain('"List, View, Add, Edit"');
  });

  it('quotes quotes and line breaks', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("http://x","y")']) {
      expect(csvCell(evil).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    }
    const csv = evidenceToCsv(evidenceOf(glFindings(), { subject: { kind: 'role', name: 'x' }, company: '=HYPERLINK("http://evil","click")' }));
    const rows = parseCsv(csv);
    expect(rows[1]?.[0]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(rows.flat().some((c) => /^[=+\-@]/.test(c))).toBe(false);
  });

  it('lists a comparison change by change', () => {
    const e = evidenceOf(glFindings(), {
      kind: 'compare',
      comparison: {
        baseline: { auditId: 'b0000000-0000-4000-8000-000000000000', auditedAt: '2025-03-01T09:00:00+01:00', reviewer: 'Sam', summary: '10 wrong' },
        line: '1 changed',
        changes: [{ module: 'General Ledger', object: 'Accounts', change: 'changed', before: ['List', 'View'], after: ['List', 'View', 'Delete'], added: ['Delete'], removed: [] }],
      },
    });
    const rows = parseCsv(evidenceToCsv(e));
    expect(rows[0]).toEqual([...COMPARE_CSV_HEADER]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(-6)).toEqual(['General Ledger', 'Accounts', 'changed', 'Delete added', 'List, View', 'List, View, Delete']);
    expect(rows[1]?.[COMPARE_CSV_HEADER.indexOf('Compared with the audit of')]).toBe('2025-03-01T09:00:00+01:00');
  });
});

describe('the printable report', () => {
  it('is a standalone page with the context, the digest of audit.json, and every check grouped by module', () => {
    const findings = createPermissionsAudit(parseHtml(fixtureHtml('role-subscriptions')), EXPENSIFY_PROFILE, {}).findings();
    const html = evidenceToHtml(evidenceOf(findings, { source: { view: 'subscriptions', pageKind: 'role-subscriptions' } }), DIGEST);
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('script, link, img, iframe, a')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
    const text = doc.body.textContent ?? '';
    for (const s of [
      'ACME-TEST',
      'Dana Reviewer',
      'Out-of-pocket expenses exported as: Expense reports',
      '14 Mar 2025, 10:30:00 (UTC+01:00, Europe/Berlin)',
      'Intacct Setup Helper 0.1.0',
      '1 missing, 2 excess',
      `SHA-256 of audit.json: ${DIGEST}`,
      'sha256sum -c SHA256SUMS',
      'https://help.expensify.com/articles/expensify-classic/connections/sage-intacct/Connect-To-Sage-Intacct',
    ]) {
      expect(text).toContain(s);
    }
    const groups = Array.from(doc.querySelectorAll('section h2')).map((h) => h.firstChild?.textContent?.trim());
    const all = findings.map((f) => f.group).filter((g, i, a) => a.indexOf(g) === i);
    const failing = (g: string) => findings.some((f) => f.group === g && f.status !== 'ok');
    // Every module once, those needing a decision first.
    expect(groups).toEqual([...all.filter(failing), ...all.filter((g) => !failing(g))]);
    expect(groups.slice(0, 3).every((g) => failing(g ?? ''))).toBe(true);
    expect(doc.querySelectorAll('table.rows tbody tr')).toHaveLength(findings.length);
    expect(text).toContain('Fix: Tick the checkbox next to Cash Management, then open its Permissions and choose All.');
  });

  it('tells the auditor where Intacct corroborates it, with the menu paths', () => {
    const text = parseHtml(evidenceToHtml(evidenceOf(glFindings()), DIGEST)).body.textContent ?? '';
    expect(text).toContain('API Usage Detail report');
    expect(text).toContain('last 63 days');
    expect(text).toContain('Expensify’s sender ID “expensify”');
    expect(text).toContain('Customization Services › All › Custom reports');
    expect(text).toContain('Audit Trail');
    expect(text).toContain('Source = API');
    expect(text).toContain('More actions › View audit trail');
  });

  it('says what a whole-user audit cannot show, role by role, in a role-based company', () => {
    const api = { view: 'api' as const, method: 'getUserPermissions' as const };
    const roleBased = evidenceOf([], { source: api, optionValues: { permissionModel: 'role-based' } });
    expect(roleBased.caveats[0]).toContain('This company grants rights through roles');
    expect(roleBased.caveats[0]).toContain('effective rights');
    expect(roleBased.caveats[0]).toContain('docs/intacct.md#what-getuserpermissions-covers');
    expect(parseHtml(evidenceToHtml(roleBased, DIGEST)).body.textContent).toContain('open each role’s Permissions');
    expect(evidenceOf([], { source: api }).caveats.join(' ')).not.toContain('grants rights through roles');
    // A page audit says which applications it covered.
    expect(evidenceOf([], {}, [{ module: 'General Ledger', object: 'Accounts', rights: [] }]).caveats[0]).toBe(
      'Only what this page showed: General Ledger. Other applications are not in this audit.',
    );
  });

  it('escapes every text that came from the page', () => {
    const findings = hostileFindings();
    expect(findings.some((f) => f.subject.includes('<script>'))).toBe(true);
    const html = evidenceToHtml(evidenceOf(findings, { subject: { kind: 'role', name: HOSTILE }, company: '<b>co</b>', reviewer: '<i>me</i>' }), DIGEST);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>co</b>');
    expect(html).not.toContain('<i>me</i>');
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('img, script, b, i')).toHaveLength(0);
    expect(doc.body.textContent).toContain(HOSTILE);
    expect(doc.body.textContent).toContain('General Ledger › <script>alert(2)</script>');
  });

  it('reads times off the ISO text, with the offset it was written in', () => {
    expect(readableTime('2026-11-03T09:05:07-05:00', 'America/New_York')).toBe('3 Nov 2026, 09:05:07 (UTC-05:00, America/New_York)');
    expect(readableTime('not a date')).toBe('not a date');
  });
});
