import { browser, type Browser } from 'wxt/browser';
import { modulesOf, rightsChanges, changesLine } from '@/utils/audit/drift';
import { isFromExtensionPage } from '@/utils/background/connection';
import { isIntacctUrl } from '@/utils/hosts';
import { getProfile } from '@/utils/profiles/registry';
import { companyFromUrl, lastCompanyItem, parseCompany } from '@/utils/storage/connection';
import { customProfilesItem, parseCustomProfiles } from '@/utils/storage/custom-profiles';
import { auditHistoryItem, parseReviewer, reviewerItem, updateAuditHistory } from '@/utils/storage/evidence';
import { evidenceReportItem } from '@/utils/storage/session-items';
import { downloadUrl } from '@/utils/export/download-url';
import { NO_REVIEWER, assembleEvidence, isoWithOffset, localOffsetMinutes, type EvidenceBaseline } from '@/utils/export/evidence';
import type { ExportAudit } from '@/utils/messages/export-audit';
import { parseMessage, type ExportReply } from '@/utils/messages/protocol';
import { findAudit, parseHistory, withAudit, type AuditRecord } from '@/utils/audit/history';
import { buildEvidencePack } from '@/utils/export/pack';
import { showReport } from './report-tab';
import { sha256Hex } from '@/utils/export/sha256';
import { ExportThrottle, waitMessage } from '@/utils/export/throttle';

export interface ExportDeps {
  now?: () => number;
  timeZone?: () => string;
  offsetAt?: (ms: number) => number;
  extensionVersion?: () => string;
  /** One export per tab every few seconds; the background keeps one for its lifetime. */
  throttle?: ExportThrottle;
}

const THROTTLE = new ExportThrottle();

export type Origin = 'page' | 'popup';

/**
 * Where the message may come from: a page audit only from our overlay (our extension, in a tab, on an
 * Intacct page: the only pages it is injected into); a whole-user audit only from our own popup.
 */
function originOf(message: ExportAudit, sender: Browser.runtime.MessageSender): Origin | null {
  if (message.view === 'api') return isFromExtensionPage(sender) ? 'popup' : null;
  return sender.id === browser.runtime.id && sender.tab && isIntacctUrl(sender.url) ? 'page' : null;
}

/**
 * The company of a page audit the page itself could not name: the Intacct tab's frameset URL (`.cc`), or,
 * for a Permissions window Intacct opened as a window of its own, the tab that opened it, or the company
 * the background last saw in an Intacct tab.
 */
export async function companyOf(message: Pick<ExportAudit, 'company'>, sender: Browser.runtime.MessageSender, origin: Origin): Promise<string> {
  const said = message.company.trim();
  if (said || origin === 'popup') return said;
  const own = companyFromUrl(sender.tab?.url);
  if (own) return own;
  const opener = sender.tab?.openerTabId;
  if (opener !== undefined) {
    try {
      const fromOpener = companyFromUrl((await browser.tabs.get(opener)).url);
      if (fromOpener) return fromOpener;
    } catch {
      // The opener is gone: fall back to the last company seen.
    }
  }
  return parseCompany(await lastCompanyItem.getValue()) ?? '';
}

function recordOf(message: ExportAudit, reviewer: string, summary: string, counts: AuditRecord['counts']): AuditRecord {
  return {
    id: message.auditId,
    at: message.auditedAt,
    reviewer,
    subject: message.subject,
    profileId: message.profileId,
    view: message.view,
    ...(message.pageKind !== undefined ? { pageKind: message.pageKind } : {}),
    summary,
    counts,
    rights: message.rights,
  };
}

async function exportEvidence(message: ExportAudit, sender: Browser.runtime.MessageSender, origin: Origin, deps: ExportDeps): Promise<ExportReply> {
  const profile = getProfile(message.profileId, parseCustomProfiles(await customProfilesItem.getValue()));
  if (!profile) return { ok: false, message: `The integration profile “${message.profileId}” is no longer installed, so the audit cannot name its requirements.` };
  const company = await companyOf(message, sender, origin);
  const reviewer = parseReviewer(await reviewerItem.getValue());
  const now = (deps.now ?? Date.now)();

  let comparison: { baseline: EvidenceBaseline; changes: ReturnType<typeof rightsChanges>; line: string } | undefined;
  if (message.mode === 'compare') {
    const baseline = message.baselineId ? findAudit(parseHistory(await auditHistoryItem.getValue()), company, message.baselineId) : undefined;
    if (!baseline) return { ok: false, message: 'The earlier audit is no longer in this browser’s history, so there is nothing to compare with.' };
    // A page shows some applications only: the earlier audit's others are not "removed".
    const changes = rightsChanges(baseline.rights, message.rights, message.view === 'api' ? undefined : modulesOf(message.rights));
    const offsetAt = deps.offsetAt ?? localOffsetMinutes;
    comparison = {
      baseline: { auditId: baseline.id, auditedAt: isoWithOffset(baseline.at, offsetAt(baseline.at)), reviewer: baseline.reviewer || NO_REVIEWER, summary: baseline.summary },
      changes,
      line: changesLine(changes),
    };
  }

  const evidence = assembleEvidence({
    kind: message.mode,
    auditId: message.auditId,
    company,
    subject: message.subject,
    profile,
    profileFingerprint: await sha256Hex(JSON.stringify(profile)),
    optionValues: message.optionValues,
    reviewer,
    auditedAtMs: message.auditedAt,
    exportedAtMs: now,
    ...(deps.offsetAt ? { offsetAt: deps.offsetAt } : {}),
    timeZone: (deps.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone))(),
    extensionVersion: (deps.extensionVersion ?? (() => browser.runtime.getManifest().version))(),
    source: {
      view: message.view,
      ...(message.pageKind !== undefined ? { pageKind: message.pageKind } : {}),
      ...(message.method !== undefined ? { method: message.method } : {}),
    },
    note: message.note,
    rows: message.findings,
    rights: message.rights,
    ...(comparison ? { comparison } : {}),
  });
  const pack = await buildEvidencePack(evidence);

  const useBlob = import.meta.env.FIREFOX === true;
  for (const file of pack.files) {
    const { url, release } = downloadUrl(file.mime, file.text, useBlob);
    try {
      // The folder keeps the four together, so `sha256sum -c SHA256SUMS` finds the others beside it.
      await browser.downloads.download({ url, filename: `${pack.folder}/${file.name}`, conflictAction: 'overwrite' });
    } finally {
      release();
    }
  }
  // The audit is kept once it is evidence; the whole-user check has kept it already (same id: no second record).
  if (message.mode === 'audit') {
    await updateAuditHistory((history) => withAudit(history, company, recordOf(message, reviewer, evidence.summary.line, evidence.summary.counts)));
  }
  const html = pack.files.find((f) => f.name === 'report.html')?.text ?? '';
  await evidenceReportItem.setValue(html);
  if (origin === 'page' && sender.tab) await showReport(sender.tab);
  return { ok: true, folder: pack.folder, files: pack.files.map((f) => f.name), jsonDigest: pack.jsonDigest };
}

/**
 * The background's answer to an export message, or undefined (synchronously) when the message is not one
 * or does not come from where that kind of audit is made, so other listeners can answer it.
 */
export function handleExportAudit(raw: unknown, sender: Browser.runtime.MessageSender, deps: ExportDeps = {}): Promise<ExportReply> | undefined {
  const message = parseMessage('ish/export-audit', raw);
  if (!message) return undefined;
  const origin = originOf(message, sender);
  if (!origin) return undefined;
  // Page exports only: the popup is our own page, out of any page script's reach.
  const tabId = sender.tab?.id;
  if (origin === 'page' && tabId !== undefined) {
    const turn = (deps.throttle ?? THROTTLE).take(tabId, message.mode);
    if (!turn.ok) return Promise.resolve({ ok: false, message: waitMessage(turn.waitMs) });
  }
  return exportEvidence(message, sender, origin, deps).catch(
    (error: unknown): ExportReply => ({ ok: false, message: `The evidence could not be saved: ${error instanceof Error ? error.message : String(error)}` }),
  );
}
