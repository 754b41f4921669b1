import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { createPermissionsAudit } from '@/utils/audit/permissions';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import {
  auditToCsv,
  auditToHtmlReport,
  auditToJson,
  csvCell,
  describeOptions,
  type AuditMeta,
} from '@/utils/export/audit-export';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { permissionsWindowHtml, row } from './build-page';

const HOSTILE = '<img src=x onerror=alert(1)>';

function meta(overrides: Partial<AuditMeta> = {}): AuditMeta {
  return {
    company: 'ACME-TEST',
    subject: { kind: 'role', name: 'Expensify' },
    integration: 'Expensify',
    options: describeOptions(EXPENSIFY_PROFILE, { export: 'expense-reports' }),
    date: '2025-03-14T09:30:00.000Z',
    pageKind: 'role-permissions',
    ...overrides,
  };
}

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

/** RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cell = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('auditToJson', () => {
  it('parses back to the same findings, without page elements', () => {
    const findings = glFindings();
    const json = auditToJson(meta(), findings);
    const back = JSON.parse(json) as { meta: AuditMeta; summary: string; counts: Record<string, number>; findings: Finding[] };
    expect(back.findings).toEqual(findings.map(({ target: _t, ...rest }) => rest));
    expect(back.meta).toEqual(meta());
    expect(back.summary).toBe('9 wrong');
    expect(back.counts).toEqual({ ok: 7, missing: 0, wrong: 9, excess: 0 });
    expect(json).not.toContain('"target"');
    expect(json).toContain('\n  "meta"');
  });

  it('describes the chosen options in the helper’s words', () => {
    expect(meta().options).toEqual([
      { label: 'Out-of-pocket expenses exported as', value: 'Expense reports' },
      { label: 'Uses Projects or Customers', value: 'Neither' },
      { label: 'Permission model', value: 'User-based' },
    ]);
  });
});

describe('auditToCsv', () => {
  it('writes one RFC 4180 row per finding under a header, CRLF-terminated', () => {
    const findings = glFindings();
    const csv = auditToCsv(meta(), findings);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(findings.length + 1);
    expect(rows[0]).toEqual(['Company', 'Role or user', 'Integration', 'Options', 'Date', 'Page', 'Module', 'Subject', 'Status', 'Found', 'Expected', 'Message', 'Fix', 'Check id']);
    const accounts = rows.find((r) => r[13] === 'perm:general-ledger:accounts');
    expect(accounts?.slice(0, 2)).toEqual(['ACME-TEST', 'Role Expensify']);
    // Commas inside a cell survive quoting.
    expect(accounts?.[9]).toBe('List, View, Add, Edit');
    expect(accounts?.[8]).toBe('wrong');
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
    const csv = auditToCsv(meta({ subject: { kind: 'role', name: 'x' }, company: '=HYPERLINK("http://evil","click")' }), glFindings());
    const rows = parseCsv(csv);
    expect(rows[1]?.[0]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(rows.flat().some((c) => /^[=+\-@]/.test(c))).toBe(false);
  });
});

describe('auditToHtmlReport', () => {
  it('is a standalone printable page with the context and every finding grouped by module', () => {
    const findings = createPermissionsAudit(parseHtml(fixtureHtml('role-subscriptions')), EXPENSIFY_PROFILE, {}).findings();
    const html = auditToHtmlReport(meta({ pageKind: 'role-subscriptions' }), findings);
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
    const text = doc.body.textContent ?? '';
    for (const s of ['ACME-TEST', 'Expensify', 'Out-of-pocket expenses exported as: Expense reports', '2025-03-14T09:30:00.000Z', '1 missing, 2 excess']) {
      expect(text).toContain(s);
    }
    const groups = Array.from(doc.querySelectorAll('h2')).map((h) => h.firstChild?.textContent?.trim());
    expect(groups).toEqual(findings.map((f) => f.group).filter((g, i, a) => a.indexOf(g) === i));
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(findings.length);
    expect(text).toContain('Fix: Tick the checkbox next to Cash Management, then open its Permissions and choose All.');
  });

  it('escapes every text that came from the page', () => {
    const findings = hostileFindings();
    expect(findings.some((f) => f.subject.includes('<script>'))).toBe(true);
    const html = auditToHtmlReport(meta({ subject: { kind: 'role', name: HOSTILE }, company: '<b>co</b>' }), findings);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>co</b>');
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(doc.body.textContent).toContain(HOSTILE);
    expect(doc.body.textContent).toContain('General Ledger › <script>alert(2)</script>');
  });
});
