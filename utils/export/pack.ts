import { wellFormed } from './download-url';
import { evidenceToCsv } from './evidence-csv';
import { evidenceToHtml } from './evidence-report';
import { UNKNOWN_COMPANY_WORDS, type Evidence } from './evidence';
import { sha256Hex, sha256sumsFile } from './sha256';

/**
 * The evidence pack: audit.json, audit.csv, report.html and SHA256SUMS over the other three, saved in a
 * folder of their own so `sha256sum -c SHA256SUMS` run there proves no byte changed since the export.
 */

export const PACK_FILES = ['audit.json', 'audit.csv', 'report.html', 'SHA256SUMS'] as const;
export type PackFileName = (typeof PACK_FILES)[number];

export interface PackFile {
  name: PackFileName;
  mime: string;
  text: string;
}

export interface EvidencePack {
  /** A folder name with nothing a file system refuses, unique to the second. */
  folder: string;
  files: PackFile[];
  jsonDigest: string;
}

export function evidenceToJson(evidence: Evidence): string {
  return `${JSON.stringify(evidence, null, 2)}\n`;
}

function part(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 40) || 'unnamed'
  );
}

/** "intacct-audit-DEMOCO-user-xmlgateway_expensify-2026-11-25-140312": what, whose, which company, when. */
export function packFolder(evidence: Evidence): string {
  const who = evidence.subject ? `${evidence.subject.kind}-${part(evidence.subject.name)}` : part(evidence.source.pageKind ?? evidence.source.view);
  const when = evidence.auditedAt.slice(0, 19).replace('T', '-').replace(/:/g, '');
  const what = evidence.kind === 'compare' ? 'intacct-audit-changes' : 'intacct-audit';
  const company = evidence.company === UNKNOWN_COMPANY_WORDS ? 'unknown-company' : part(evidence.company);
  return `${what}-${company}-${who}-${when}`;
}

export async function buildEvidencePack(evidence: Evidence): Promise<EvidencePack> {
  // Digests are taken over exactly the characters each file will hold.
  const json = wellFormed(evidenceToJson(evidence));
  const csv = wellFormed(evidenceToCsv(evidence));
  const jsonDigest = await sha256Hex(json);
  const html = wellFormed(evidenceToHtml(evidence, jsonDigest));
  const sums = sha256sumsFile([
    { name: 'audit.json', digest: jsonDigest },
    { name: 'audit.csv', digest: await sha256Hex(csv) },
    { name: 'report.html', digest: await sha256Hex(html) },
  ]);
  return {
    folder: packFolder(evidence),
    jsonDigest,
    files: [
      { name: 'audit.json', mime: 'application/json', text: json },
      { name: 'audit.csv', mime: 'text/csv', text: csv },
      { name: 'report.html', mime: 'text/html', text: html },
      { name: 'SHA256SUMS', mime: 'text/plain', text: sums },
    ],
  };
}
