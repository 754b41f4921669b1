import { describeChange } from '@/utils/audit/drift';
import { EVIDENCE_STATUSES, STATUS_WORDS, readableTime, subjectWords, summaryOf, type Evidence, type EvidenceRow } from './evidence';

/**
 * The evidence as a page people read and print: a standalone document with inline CSS, no script, no
 * external resource and no link, every text escaped (role and object names come from Intacct's page).
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

const REPORT_CSS = `
*{box-sizing:border-box}
body{font:13px/1.45 -apple-system,"Segoe UI",Arial,Helvetica,sans-serif;color:#1d2733;margin:24px auto;padding:0 24px;max-width:1100px;overflow-wrap:anywhere}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:15px;margin:22px 0 6px;padding-bottom:3px;border-bottom:1px solid #c9d3dc;break-after:avoid}
h2 small{font-weight:normal;color:#5b6877}
dl.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 14px;margin:10px 0 4px}
dl.meta dt{color:#5b6877}
dl.meta dd{margin:0}
code,.digest{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
p.summary{font-weight:bold;font-size:14px;margin:14px 0 4px}
table{border-collapse:collapse;width:100%;table-layout:fixed}
table.rows th:nth-child(1){width:28%}table.rows th:nth-child(2){width:10%}table.rows th:nth-child(3),table.rows th:nth-child(4){width:17%}
table.counts{width:auto}table.counts td,table.counts th{text-align:center;min-width:70px}
th,td{border:1px solid #d5dce3;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f6}
tr{break-inside:avoid}
.status{font-weight:bold;white-space:nowrap}
.s-ok{color:#1b6e2a}.s-missing{color:#b3261e}.s-wrong{color:#a24c00}.s-excess{color:#6a3fa0}.s-not-found{color:#5b6877}
.c-added{color:#1b6e2a}.c-removed{color:#b3261e}.c-changed{color:#a24c00}
.fix{color:#24445f;margin-top:2px}
ul.caveats{margin:6px 0;padding-left:20px}ul.caveats li{margin:3px 0}
.box{border:1px solid #c9d3dc;border-radius:6px;padding:8px 12px;margin:12px 0;background:#f7f9fb}
.signoff{display:grid;grid-template-columns:max-content 1fr;gap:14px 12px;margin-top:10px}
.signoff span.line{border-bottom:1px solid #8795a1;min-height:20px}
footer{margin-top:22px;color:#6b7783;font-size:11px}
@media print{body{margin:0;padding:0;font-size:11px}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}.box{background:none}}
`;

function rowsTable(rows: readonly EvidenceRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${e(r.subject)}</td><td class="status s-${e(r.status)}">${e(STATUS_WORDS[r.status] ?? r.status)}</td>` +
        `<td>${e(r.found)}</td><td>${e(r.expected)}</td><td>${e(r.message)}${r.fix ? `<div class="fix">Fix: ${e(r.fix)}</div>` : ''}</td></tr>`,
    )
    .join('\n');
  return `<table class="rows"><thead><tr><th>Check</th><th>Status</th><th>Found</th><th>Expected</th><th>What to do</th></tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function groupedRows(rows: readonly EvidenceRow[]): string {
  const groups = new Map<string, EvidenceRow[]>();
  for (const r of rows) {
    const key = r.group || 'General';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // Groups with a problem first, as on the page: the auditor reads what needs a decision before what passed.
  const hasProblem = (items: readonly EvidenceRow[]): boolean => items.some((r) => r.status !== 'ok');
  return [...groups]
    .sort(([, a], [, b]) => Number(hasProblem(b)) - Number(hasProblem(a)))
    .map(([group, items]) => `<section>\n<h2>${e(group)} <small>(${e(summaryOf(items))})</small></h2>\n${rowsTable(items)}\n</section>`)
    .join('\n');
}

function countsTable(evidence: Evidence): string {
  const c = evidence.summary.counts;
  return (
    `<table class="counts"><thead><tr>${EVIDENCE_STATUSES.map((s) => `<th>${e(STATUS_WORDS[s])}</th>`).join('')}</tr></thead>` +
    `<tbody><tr>${EVIDENCE_STATUSES.map((s) => `<td class="s-${s}">${c[s]}</td>`).join('')}</tr></tbody></table>`
  );
}

function changesSection(evidence: Evidence): string {
  const c = evidence.comparison;
  if (!c) return '';
  const rows = c.changes.length
    ? c.changes
        .map(
          (ch) =>
            `<tr><td>${e(ch.module)}</td><td>${e(ch.object)}</td><td class="status c-${e(ch.change)}">${e(ch.change)}</td>` +
            `<td>${e(describeChange(ch))}</td><td>${e(ch.before.join(', ') || '—')}</td><td>${e(ch.after.join(', ') || '—')}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="6">No right was added, removed or changed.</td></tr>';
  return (
    `<section>\n<h2>What changed since the audit of ${e(readableTime(c.baseline.auditedAt))}</h2>\n` +
    `<p>Earlier audit ${e(c.baseline.auditId)}, reviewed by ${e(c.baseline.reviewer)}: ${e(c.baseline.summary)}. Since then: <strong>${e(c.line)}</strong>.</p>\n` +
    `<table><thead><tr><th>Module</th><th>Object</th><th>Change</th><th>What changed</th><th>Before</th><th>Now</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>\n</section>`
  );
}

/** The printable report; `jsonDigest` is the SHA-256 of audit.json, shown so a printout ties to the file. */
export function evidenceToHtml(evidence: Evidence, jsonDigest: string): string {
  const x = evidence;
  const who = x.subject ? (x.subject.kind === 'role' ? 'Role' : 'User') : 'Role or user';
  const options = x.options.length ? x.options.map((o) => `${e(o.label)}: ${e(o.value)}`).join('<br>') : 'none';
  const sources = x.integration.sources
    .map((s) => `${e(s.title)} — ${s.url ? `<code>${e(s.url)}</code>` : `${e(s.citation)} (no URL in the profile)`}`)
    .join('<br>');
  const title =
    x.kind === 'compare'
      ? `Intacct permissions: what changed for ${subjectWords(x.subject)}`
      : `Intacct permissions audit: ${x.integration.name}, ${subjectWords(x.subject)}`;
  const caveats = x.caveats.map((c) => `<li>${e(c)}</li>`).join('\n');
  const corroboration = x.corroboration
    .map((c) => `<li><strong>${e(c.name)}</strong>: ${e(c.what)}<br>Where: ${e(c.menuPath)}.<br>Intacct help: <code>${e(c.help)}</code></li>`)
    .join('\n');
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
<dt>Company</dt><dd>${e(x.company)}</dd>
<dt>${e(who)}</dt><dd>${e(x.subject?.name ?? 'not shown on the page')}</dd>
<dt>Integration</dt><dd>${e(x.integration.name)} (${e(x.integration.vendor)}); profile <code>${e(x.integration.id)}</code>, version ${e(x.integration.version)}</dd>
<dt>Requirements from</dt><dd>${sources}</dd>
<dt>Options</dt><dd>${options}</dd>
<dt>Reviewer</dt><dd>${e(x.reviewer)}</dd>
<dt>Audited at</dt><dd>${e(readableTime(x.auditedAt, x.timeZone))} <code>${e(x.auditedAt)}</code></dd>
<dt>Exported at</dt><dd>${e(readableTime(x.exportedAt, x.timeZone))}</dd>
<dt>Source</dt><dd>${e(x.source.description)}</dd>
<dt>Made with</dt><dd>${e(x.extension.name)} ${e(x.extension.version)}</dd>
<dt>Audit ID</dt><dd><code>${e(x.auditId)}</code></dd>
</dl>
<p class="summary">${e(x.summary.line)}</p>
${countsTable(x)}
<div class="box"><strong>Verify the files.</strong> In the folder of this report, <code>sha256sum -c SHA256SUMS</code> checks audit.json, audit.csv and this report.
SHA-256 of audit.json: <span class="digest">${e(jsonDigest)}</span><br>Profile fingerprint: <span class="digest">${e(x.integration.fingerprint)}</span></div>
<h2>What this audit cannot show</h2>
<ul class="caveats">
${caveats}
</ul>
${changesSection(x)}
${groupedRows(x.rows)}
<h2>Where Intacct confirms it</h2>
<ul class="caveats">
${corroboration}
</ul>
<h2>Review</h2>
<div class="signoff"><span>Decision (approved / changes needed)</span><span class="line"></span><span>Reason</span><span class="line"></span><span>Signature and date</span><span class="line"></span></div>
<footer>Made by ${e(x.extension.name)} from what Intacct showed. It holds no passwords.</footer>
</body>
</html>
`;
}
