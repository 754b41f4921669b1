import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { PACK_FILES, buildEvidencePack, packFolder } from '@/utils/export/pack';
import { sha256Hex, sha256sumsFile } from '@/utils/export/sha256';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { IMG_PAYLOAD } from '../../fixtures/intacct/hostile/payloads';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { evidenceOf } from './evidence-fixture';

const nodeSha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

function glEvidence(change: Parameters<typeof evidenceOf>[1] = {}) {
  return evidenceOf(createPermissionsAudit(parseHtml(fixtureHtml('role-permissions')), EXPENSIFY_PROFILE, {}).findings(), change);
}

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** The pack as Chromium writes it: each text as UTF-8, in one folder. */
async function writePack(change: Parameters<typeof evidenceOf>[1] = {}): Promise<string> {
  const pack = await buildEvidencePack(glEvidence(change));
  dir = mkdtempSync(path.join(tmpdir(), 'ish-pack-'));
  for (const f of pack.files) writeFileSync(path.join(dir, f.name), f.text, 'utf8');
  return dir;
}

function sha256sumCheck(folder: string): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' }) };
  } catch (error) {
    return { ok: false, out: String((error as { stdout?: string }).stdout ?? error) };
  }
}

describe('the evidence pack', () => {
  it('holds audit.json, audit.csv, report.html and SHA256SUMS', async () => {
    const pack = await buildEvidencePack(glEvidence());
    expect(pack.files.map((f) => f.name)).toEqual([...PACK_FILES]);
  });

  it('writes SHA256SUMS in sha256sum’s own format, over the bytes of the other three', async () => {
    const pack = await buildEvidencePack(glEvidence());
    const sums = pack.files.find((f) => f.name === 'SHA256SUMS')?.text ?? '';
    const lines = sums.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => l.split('  ')[1])).toEqual(['audit.json', 'audit.csv', 'report.html']);
    for (const line of lines) {
      const [digest, name] = line.split('  ');
      expect(digest).toMatch(/^[0-9a-f]{64}$/);
      expect(digest).toBe(nodeSha(Buffer.from(pack.files.find((f) => f.name === name)?.text ?? '', 'utf8')));
    }
    expect(pack.jsonDigest).toBe(lines[0]?.split('  ')[0]);
    // The report shows the JSON's digest, so a printout ties to the file.
    expect(pack.files.find((f) => f.name === 'report.html')?.text).toContain(pack.jsonDigest);
  });

  it('passes `sha256sum -c SHA256SUMS` in its folder, and fails it when one byte changes', async () => {
    const folder = await writePack();
    const good = sha256sumCheck(folder);
    expect(good.out).toBe('audit.json: OK\naudit.csv: OK\nreport.html: OK\n');
    expect(good.ok).toBe(true);

    const file = path.join(folder, 'audit.json');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('ACME-TEST');
    bytes[at] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);
    const bad = sha256sumCheck(folder);
    expect(bad.ok).toBe(false);
    expect(bad.out).toContain('audit.json: FAILED');
    expect(bad.out).toContain('audit.csv: OK');
  });

  it('hashes what is written when page text holds half a surrogate pair', async () => {
    const folder = await writePack({ subject: { kind: 'role', name: 'Expensify \ud800 role' } });
    // JSON writes the half as an escape (ES2019 well-formed JSON.stringify); CSV and HTML as U+FFFD.
    expect(readFileSync(path.join(folder, 'audit.json'), 'utf8')).toContain('Expensify \\ud800 role');
    expect(readFileSync(path.join(folder, 'audit.csv'), 'utf8')).toContain('Expensify \ufffd role');
    expect(sha256sumCheck(folder).ok).toBe(true);
  });

  it('matches the digest sha256sum prints for text with non-ASCII characters', async () => {
    expect(await sha256Hex('Time & Expenses › Approve “all” 😀')).toBe(nodeSha(Buffer.from('Time & Expenses › Approve “all” 😀', 'utf8')));
    expect(sha256sumsFile([{ name: 'a.txt', digest: 'd'.repeat(64) }])).toBe(`${'d'.repeat(64)}  a.txt\n`);
  });

  it('names its folder for what, whose, which company and when, with nothing a file system refuses', () => {
    expect(packFolder(glEvidence())).toBe('intacct-audit-ACME-TEST-role-Expensify-2025-03-14-103000');
    expect(packFolder(glEvidence({ kind: 'compare' }))).toMatch(/^intacct-audit-changes-ACME-TEST-/);
    expect(packFolder(glEvidence({ company: '' }))).toMatch(/^intacct-audit-unknown-company-/);
    const hostile = packFolder(
      glEvidence({ company: '../../etc/passwd', subject: { kind: 'role', name: `..\\..\\${IMG_PAYLOAD}\u0000:*?"<>|` } }),
    );
    expect(hostile).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(hostile).not.toMatch(/\.\./);
    expect(hostile.length).toBeLessThan(160);
  });
});
