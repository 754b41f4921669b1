import { summarizeFindings, summaryLine, type Finding, type FindingStatus } from '@/utils/audit/finding';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';

/**
 * The audit as a file the admin can keep or send: JSON for tools, CSV for spreadsheets, a printable HTML
 * page for people. Every text in a finding comes from the Intacct page (role names, object names) or is
 * built around it, so all three formats treat it as hostile: HTML escapes it, CSV defuses formulas.
 * Findings carry no passwords, and only their text fields are ever written (never the page element).
 */

export interface AuditMeta {
  /** Intacct company ID, as the admin knows it. */
  company: string;
  /** The role or user whose rights were checked. */
  subject: { kind: 'role' | 'user'; name: string } | null;
  /** The integration's name ("Expensify"). */
  integration: string;
  /** The chosen options, as the helper shows them. */
  options: { label: string; value: string }[];
  /** ISO 8601. */
  date: string;
  /** The page the findings come from ("role-permissions"). */
  pageKind: string;
}

/** The chosen options in the words the helper's option picker uses. */
export function describeOptions(profile: IntegrationProfile, values: OptionValues): AuditMeta['options'] {
  return profile.options.map((option) => {
    const chosen = values[option.id] ?? option.default;
    return { label: option.label, value: option.choices.find((c) => c.value === chosen)?.label ?? chosen };
  });
}

type ExportedFinding = Omit<Finding, 'target'>;

// Built field by field rather than by deleting `target`: an element must never reach a serializer.
function plain(f: Finding): ExportedFinding {
  return {
    id: f.id,
    subject: f.subject,
    status: f.status,
    found: f.found,
    expected: f.expected,
    message: f.message,
    fix: f.fix,
    group: f.group,
    ...(f.stepId !== undefined ? { stepId: f.stepId } : {}),
  };
}

function subjectWords(meta: AuditMeta): string {
  if (!meta.subject) return '';
  return `${meta.subject.kind === 'role' ? 'Role' : 'User'} ${meta.subject.name}`;
}

function metaCopy(meta: AuditMeta): AuditMeta {
  return {
    company: meta.company,
    subject: meta.subject ? { kind: meta.subject.kind, name: meta.subject.name } : null,
    integration: meta.integration,
    options: meta.options.map((o) => ({ label: o.label, value: o.value })),
    date: meta.date,
    pageKind: meta.pageKind,
  };
}

// ---- JSON -------------------------------------------------------------------------------------------------

export function auditToJson(meta: AuditMeta, findings: readonly Finding[]): string {
  return JSON.stringify(
    {
      meta: metaCopy(meta),
      summary: summaryLine(findings),
      counts: summarizeFindings(findings),
      findings: findings.map(plain),
    },
    null,
    2,
  );
}

// ---- CSV --------------------------------------------------------------------------------------------------

/**
 * One cell, RFC 4180-quoted. A leading = + - @ (or tab / CR, which some spreadsheets skip before reading a
 * formula) gets a ' so a role named "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_HEADER = [
  'Company',
  'Role or user',
  'Integration',
  'Options',
  'Date',
  'Page',
  'Module',
  'Subject',
  'Status',
  'Found',
  'Expected',
  'Message',
  'Fix',
  'Check id',
];

/** One row per finding, the audit's context repeated on each so rows survive sorting and filtering. */
export function auditToCsv(meta: AuditMeta, findings: readonly Finding[]): string {
  const options = meta.options.map((o) => `${o.label}: ${o.value}`).join('; ');
  const context = [meta.company, subjectWords(meta), meta.integration, options, meta.date, meta.pageKind];
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  for (const f of findings) {
    lines.push([...context, f.group, f.subject, f.status, f.found, f.expected, f.message, f.fix, f.id].map(csvCell).join(','));
  }
  // RFC 4180 ends every record, the last included, with CRLF.
  return lines.map((l) => `${l}\r\n`).join('');
}

// ---- HTML -------------------------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STATUS_WORDS: Record<FindingStatus, string> = { ok: 'OK', missing: 'Missing', wrong: 'Wrong', excess: 'Excess' };

const REPORT_CSS = `
*{box-sizing:border-box}
body{font:13px/1.45 -apple-system,"Segoe UI",Arial,Helvetica,sans-serif;color:#1d2733;margin:24px;max-width:1100px;overflow-wrap:anywhere}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:15px;margin:22px 0 6px;padding-bottom:3px;border-bottom:1px solid #c9d3dc;break-after:avoid}
dl.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 14px;margin:10px 0 4px}
dl.meta dt{color:#5b6877}
dl.meta dd{margin:0}
p.summary{font-weight:bold;margin:10px 0 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th:nth-child(1){width:30%}th:nth-child(2){width:9%}th:nth-child(3),th:nth-child(4){width:17%}
th,td{border:1px solid #d5dce3;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f6}
tr{break-inside:avoid}
.status{font-weight:bold;white-space:nowrap}
.s-ok{color:#1b6e2a}.s-missing{color:#b3261e}.s-wrong{color:#a24c00}.s-excess{color:#6a3fa0}
.fix{color:#24445f}
footer{margin-top:22px;color:#6b7783;font-size:11px}
@media print{body{margin:0;font-size:11px}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}}
`;

/** A standalone page: no scripts, no external resources, inline CSS, every text escaped. */
export function auditToHtmlReport(meta: AuditMeta, findings: readonly Finding[]): string {
  const e = escapeHtml;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.group || 'General';
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const who = meta.subject ? `${meta.subject.kind === 'role' ? 'Role' : 'User'}` : 'Role or user';
  const options = meta.options.length
    ? meta.options.map((o) => `${e(o.label)}: ${e(o.value)}`).join('<br>')
    : 'none';
  const sections = [...groups]
    .map(([group, items]) => {
      const rows = items
        .map(
          (f) =>
            `<tr><td>${e(f.subject)}</td><td class="status s-${e(f.status)}">${e(STATUS_WORDS[f.status])}</td>` +
            `<td>${e(f.found)}</td><td>${e(f.expected)}</td><td>${e(f.message)}${f.fix ? `<div class="fix">Fix: ${e(f.fix)}</div>` : ''}</td></tr>`,
        )
        .join('\n');
      return (
        `<section>\n<h2>${e(group)} <small>(${e(summaryLine(items))})</small></h2>\n` +
        `<table><thead><tr><th>Check</th><th>Status</th><th>Found</th><th>Expected</th><th>What to do</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>\n</section>`
      );
    })
    .join('\n');
  const title = `Intacct permissions audit: ${meta.integration}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${e(title)}</h1>
<dl class="meta">
<dt>Company</dt><dd>${e(meta.company)}</dd>
<dt>${e(who)}</dt><dd>${e(meta.subject?.name ?? 'not shown on the page')}</dd>
<dt>Integration</dt><dd>${e(meta.integration)}</dd>
<dt>Options</dt><dd>${options}</dd>
<dt>Date</dt><dd>${e(meta.date)}</dd>
<dt>Page</dt><dd>${e(meta.pageKind)}</dd>
</dl>
<p class="summary">${e(summaryLine(findings))}</p>
${sections}
<footer>Made by Intacct Setup Helper from what the page showed. It holds no passwords.</footer>
</body>
</html>
`;
}
