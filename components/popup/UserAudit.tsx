import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { changesLine } from '@/utils/audit/drift';
import type { Finding } from '@/utils/audit/finding';
import { parseReply, type CheckPermissionsReply, type ExportReply } from '@/utils/messages/protocol';
import { caveatsFor, isoWithOffset, localOffsetMinutes, shortDate, summaryOf, type EvidenceStatus } from '@/utils/export/evidence';
import { toExportMessage, type ExportAudit } from '@/utils/messages/export-audit';
import { ChangeList } from './ChangeList';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';

type Audited = Extract<CheckPermissionsReply, { kind: 'findings' }>;

export interface UserAuditProps {
  reply: Audited;
  profile: IntegrationProfile;
  options: OptionValues;
  /** The background round trip for exports; tests pass a fake. */
  send?: (message: ExportAudit) => Promise<unknown>;
  openReport?: () => void;
  now?: () => number;
}

const STATUS_LABEL: Record<EvidenceStatus, string> = {
  ok: '✓ OK',
  missing: 'Missing',
  wrong: 'Check',
  excess: 'More than needed',
  'not-found': 'Not found',
};

function FindingItem({ finding, nested = false }: { finding: Finding; nested?: boolean }) {
  return (
    <li
      className={`cx-finding cx-f-${finding.status}${nested ? ' cx-f-nested' : ''}`}
      data-testid="ish-finding"
      data-status={finding.status}
      data-subject={finding.subject}
    >
      <div className="cx-f-head">
        <strong>{nested ? finding.subject.slice(finding.group.length + 3) : finding.subject}</strong>
        <span className="cx-f-status">{STATUS_LABEL[finding.status as EvidenceStatus] ?? finding.status}</span>
      </div>
      <div className="cx-f-found">
        {finding.status === 'ok' ? `Has: ${finding.found}.` : `Has: ${finding.found || 'nothing'}. Needs: ${finding.expected}.`}
      </div>
      {finding.message && <div className="cx-f-message">{finding.message}</div>}
      {finding.fix && <div className="cx-f-fix">{finding.fix}</div>}
    </li>
  );
}

interface ModuleGroup {
  name: string;
  head: Finding | undefined;
  parts: Finding[];
}

function modulesOfFindings(findings: readonly Finding[]): ModuleGroup[] {
  const groups = new Map<string, ModuleGroup>();
  for (const f of findings) {
    const g = groups.get(f.group) ?? { name: f.group, head: undefined, parts: [] };
    if (f.subject === f.group && !g.head) g.head = f;
    else g.parts.push(f);
    groups.set(f.group, g);
  }
  const rank = (g: ModuleGroup): number => (g.head?.status === 'ok' || !g.head ? 1 : 0);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

function ModuleItem({ group }: { group: ModuleGroup }) {
  const problems = group.parts.filter((f) => f.status !== 'ok');
  const passing = group.parts.filter((f) => f.status === 'ok');
  return (
    <li className="cx-module" data-testid="ish-audit-module" data-module={group.name} data-status={group.head?.status}>
      <ul className="cx-findings">
        {group.head && <FindingItem finding={group.head} />}
        {problems.map((f) => (
          <FindingItem key={f.id} finding={f} nested />
        ))}
      </ul>
      {passing.length > 0 && (
        <details className="cx-passing">
          <summary>
            {passing.length} permission{passing.length === 1 ? '' : 's'} as needed
          </summary>
          <ul className="cx-findings">
            {passing.map((f) => (
              <FindingItem key={f.id} finding={f} nested />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

const defaultSend = (message: ExportAudit): Promise<unknown> => browser.runtime.sendMessage(message);
const defaultOpenReport = (): void => void browser.tabs.create({ url: browser.runtime.getURL('/report.html') });

/**
 * The whole-user audit: every module and permission of the web services user against what the
 * integration needs, what changed since the last audit of that user, and the evidence pack.
 */
export function UserAudit({ reply, profile, options, send = defaultSend, openReport = defaultOpenReport, now = Date.now }: UserAuditProps) {
  const [comparing, setComparing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<ExportReply | null>(null);
  const ids = useId();
  const source = { view: 'api' as const, method: reply.source };
  // The fallback's own note is shown above; the caveats add what it means.
  const caveats = caveatsFor(source, profile, options, [], '');
  const today = isoWithOffset(now(), localOffsetMinutes(now()));
  const since = reply.baseline ? shortDate(isoWithOffset(reply.baseline.at, localOffsetMinutes(reply.baseline.at)), today) : '';

  const exportPack = async (mode: 'audit' | 'compare'): Promise<void> => {
    setBusy(true);
    try {
      const answer = await send(
        toExportMessage(
          {
            mode,
            auditId: reply.audit.id,
            ...(mode === 'compare' && reply.baseline ? { baselineId: reply.baseline.id } : {}),
            company: reply.audit.company,
            subject: { kind: 'user', name: reply.audit.userId },
            profileId: profile.id,
            optionValues: options,
            view: 'api',
            method: reply.source,
            auditedAt: reply.audit.at,
            note: reply.note,
          },
          reply.findings,
          reply.rights,
        ),
      );
      setSaved(parseReply('ish/export-audit', answer) ?? { ok: false, message: 'The extension’s background did not answer. Reload the extension and try again.' });
    } catch {
      setSaved({ ok: false, message: 'The extension’s background did not answer. Reload the extension and try again.' });
    } finally {
      setBusy(false);
    }
  };

  const modules = modulesOfFindings(reply.findings);
  return (
    <div data-testid="ish-probe" data-source={reply.source} className="cx-audit">
      <h3 className="cx-audit-title">
        Whole-user audit · {reply.audit.userId} in {reply.audit.company}
      </h3>
      <p className="cx-probe-summary" data-testid="ish-audit-summary">
        {reply.source === 'getUserPermissions' ? 'Effective rights from Intacct' : 'One-record reads'}: {summaryOf(reply.findings)}.
      </p>
      {reply.note && (
        <p className="cx-note" data-testid="ish-probe-note">
          {reply.note}
        </p>
      )}
      <ul className="cx-caveats" data-testid="ish-audit-caveats">
        {caveats.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p className={`cx-drift${reply.changes.length ? ' cx-drift-changed' : ''}`} data-testid="ish-drift" data-changes={reply.changes.length}>
        {reply.baseline
          ? reply.changes.length
            ? `Changed since your audit of ${since}: ${changesLine(reply.changes)}.`
            : `Same rights as your audit of ${since}.`
          : `The first audit of ${reply.audit.userId} kept in this browser for ${reply.audit.company}.`}
      </p>
      <ul className="cx-modules">
        {modules.map((g) => (
          <ModuleItem key={g.name} group={g} />
        ))}
      </ul>
      {reply.notChecked.length > 0 && <p className="cx-note">Not checked (no object we know to read): {reply.notChecked.join(', ')}.</p>}
      <div className="cx-audit-actions">
        <button type="button" className="cx-button" data-testid="ish-export-evidence" disabled={busy} onClick={() => void exportPack('audit')}>
          {busy ? 'Saving…' : 'Export evidence'}
        </button>
        {reply.baseline && (
          <button
            type="button"
            className="cx-button cx-secondary"
            data-testid="ish-compare"
            aria-expanded={comparing}
            aria-controls={`${ids}-changes`}
            onClick={() => setComparing(!comparing)}
          >
            {comparing ? 'Hide comparison' : 'Compare with last audit'}
          </button>
        )}
      </div>
      {comparing && reply.baseline && (
        <div className="cx-changes" id={`${ids}-changes`} data-testid="ish-changes">
          <p className="cx-note">
            Since your audit of {since}
            {reply.baseline.reviewer ? ` (reviewed by ${reply.baseline.reviewer})` : ''}: {changesLine(reply.changes).toLowerCase()}.
          </p>
          <ChangeList changes={reply.changes} />
          <button type="button" className="cx-button cx-secondary" data-testid="ish-export-comparison" disabled={busy} onClick={() => void exportPack('compare')}>
            Export comparison
          </button>
        </div>
      )}
      {saved && (
        <div className={saved.ok ? 'cx-ok-text' : 'cx-error'} role="status" data-testid="ish-export-result">
          {saved.ok ? (
            <>
              Saved {saved.files.join(', ')} to Downloads/{saved.folder}/.{' '}
              <button type="button" className="cx-link" data-testid="ish-open-report" onClick={openReport}>
                Open the report
              </button>
            </>
          ) : (
            saved.message
          )}
        </div>
      )}
    </div>
  );
}
