import { useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '@/utils/audit/finding';
import { applyFill, planFill } from '@/utils/fill/recommended-values';
import { applyKindOf } from '@/utils/apply/plan-for-page';
import { buildPageGuide, optionValues, resolveProfile } from '@/utils/guide/page-guide';
import { createPageAuditor, isPermissionPage } from '@/utils/guide/page-auditor';
import { modulesOf, rightsChanges, changesLine } from '@/utils/audit/drift';
import type { ShowComparison, ShowComparisonReply } from '@/utils/messages/protocol';
import { shortDate, isoWithOffset, localOffsetMinutes } from '@/utils/export/evidence';
import { toExportMessage, type ExportAudit } from '@/utils/messages/export-audit';
import { type ExportReply } from '@/utils/messages/protocol';
import { lastAuditOf, newAuditId, type AuditHistory } from '@/utils/audit/history';
import type { PageKind } from '@/utils/pages/kinds';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { fieldRulesFor, profileName } from '@/utils/profiles/registry';
import type { IntegrationSelection } from '@/utils/storage/selection';
import { taughtLocators } from '@/utils/audit/fields';
import { controlAt, pointedField, type PointedField } from '@/utils/pages/taught-field';
import type { DriftView } from './AuditEvidence';
import { Highlight } from './Highlight';
import { Overlay } from './Overlay';
import { useApply } from './useApply';

export interface OverlayAppProps {
  doc: Document;
  kind: PageKind;
  selection: IntegrationSelection;
  /** Profiles the admin imported; the selection may name one of them. */
  imported?: readonly IntegrationProfile[];
  /** Bumped by the content script when the page's DOM changed (rows added, a tab switched). */
  domVersion: number;
  next?: string;
  onFindings?: (findings: Finding[]) => void;
  /** Company ID for the exported evidence. */
  companyId?: string;
  /** Fields the admin pointed at on this kind of page. */
  taughtFields?: readonly PointedField[];
  /** The admin pointed at a field for a check that was not found: remember it. */
  onTeachField?: (field: PointedField) => void;
  /** Save the audit as evidence (the pack and the printable report); only offered on permissions pages. */
  onExport?: (message: ExportAudit) => Promise<ExportReply>;
  /** Shows the comparison with the last audit in the popup (the earlier rights never enter the page). */
  onCompare?: (message: ShowComparison) => Promise<ShowComparisonReply>;
  /** The audits kept so far, for "changed since your audit of 3 Nov". */
  history?: AuditHistory;
  /** The reviewer's name from the popup. */
  reviewer?: string;
  now?: () => number;
}

const NO_HISTORY: AuditHistory = {};

// Typing fires an input event per key; one audit per burst is plenty and keeps big pages smooth.
const AUDIT_DELAY_MS = 40;
const MANY_EDITS = 50;

const NO_FIELDS: readonly PointedField[] = [];

/** The overlay with its live audit: re-checks as the admin types or clicks, without a reload. */
export function OverlayApp({
  doc,
  kind,
  selection,
  imported = [],
  domVersion,
  next,
  onFindings,
  companyId = '',
  onExport,
  onCompare,
  taughtFields = NO_FIELDS,
  onTeachField,
  history = NO_HISTORY,
  reviewer = '',
  now = Date.now,
}: OverlayAppProps) {
  const profile = resolveProfile(selection, imported);
  const values = useMemo(() => optionValues(profile, selection), [profile, selection]);
  const guide = useMemo(() => buildPageGuide(selection, kind, imported), [selection, kind, imported]);
  const taught = useMemo(() => taughtLocators(taughtFields), [taughtFields]);
  const auditor = useMemo(() => createPageAuditor(doc, kind, profile, values, { taught }), [doc, kind, profile, values, taught]);
  const [picking, setPicking] = useState<{ finding: Finding; label: string; note: string } | null>(null);
  const [version, setVersion] = useState(0);
  const [pointed, setPointed] = useState<Finding | null>(null);
  const [lastFill, setLastFill] = useState('');
  const firstDom = useRef(domVersion);

  useEffect(() => {
    if (domVersion === firstDom.current) return;
    auditor.changed(null);
    setVersion((v) => v + 1);
  }, [domVersion, auditor]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const edited = new Set<Element>();
    const onEdit = (event: Event): void => {
      if (event.target instanceof Element) edited.add(event.target);
      clearTimeout(timer);
      // Read the page after its own handlers ran: Intacct's "All" / "Read only" radios tick the boxes in
      // their change handler, which runs after our capture listener.
      timer = setTimeout(() => {
        // Thousands of boxes at once (Apply on a big window) cost less as one re-read of the page.
        if (edited.size > MANY_EDITS) auditor.changed(null);
        else for (const target of edited) auditor.changed(target);
        edited.clear();
        setVersion((v) => v + 1);
      }, AUDIT_DELAY_MS);
    };
    doc.addEventListener('input', onEdit, true);
    doc.addEventListener('change', onEdit, true);
    return () => {
      clearTimeout(timer);
      doc.removeEventListener('input', onEdit, true);
      doc.removeEventListener('change', onEdit, true);
    };
  }, [doc, auditor]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the signal that the page changed
  const findings = useMemo(() => auditor.findings(), [auditor, version]);
  const rules = useMemo(() => fieldRulesFor(profile, values, kind), [profile, values, kind]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fillPlan = useMemo(() => planFill(doc, rules, taught), [doc, rules, taught, version]);

  // "Point at it": the admin's next click on the page names the field; the page never sees that click.
  useEffect(() => {
    if (!picking || !onTeachField) return;
    const onClick = (event: MouseEvent): void => {
      if (!event.isTrusted || !(event.target instanceof Element)) return;
      // Clicks in our own panel (its shadow host) are the admin using the panel.
      if (event.target.closest('ish-overlay-host')) return;
      event.preventDefault();
      event.stopPropagation();
      const control = controlAt(event.target);
      const field = control ? pointedField(control, kind, picking.label) : null;
      if (!field) {
        setPicking({
          ...picking,
          note: control
            ? 'That field has no name or stable id the helper could remember. Try its label, or check the field by hand.'
            : 'That is not a field. Click the box, list or checkbox itself.',
        });
        return;
      }
      onTeachField(field);
      setPicking(null);
      if (control) setPointed({ ...picking.finding, target: control });
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setPicking(null);
    };
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
    return () => {
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
    };
  }, [picking, onTeachField, doc, kind]);

  const pointAt = onTeachField
    ? (finding: Finding): void => {
        const rule = rules.find((r) => `field:${r.id}` === finding.id);
        if (rule) setPicking({ finding, label: rule.labels[0] ?? rule.subject, note: '' });
      }
    : undefined;

  // The integration's own role or user, if this page shows someone else's rights: the checks still
  // compare with what the integration needs, but they say nothing about its setup.
  const subject = useMemo(() => auditor.subject(), [auditor, version]);
  const own = subject?.kind === 'role' ? profile.role?.name : subject?.kind === 'user' ? profile.wsUser.userId : undefined;
  const someoneElse = subject !== null && own !== undefined && subject.name.trim().toLowerCase() !== own.trim().toLowerCase();
  const notes = someoneElse
    ? [
        `This is the ${subject.kind} “${subject.name}”, not ${profileName(profile)}’s ${subject.kind} “${own}”. The checks compare it with what ${profileName(profile)} needs; the checklist is not changed from this page.`,
      ]
    : [];

  useEffect(() => {
    if (!someoneElse) onFindings?.(findings);
  }, [findings, onFindings, someoneElse]);

  const apply = useApply({
    doc,
    kind,
    profile,
    values,
    taught,
    onPageChanged: () => {
      // Apply's clicks fire the page's events, but a shortcut radio's page script ticks boxes silently.
      auditor.changed(null);
      setVersion((v) => v + 1);
    },
  });

  // A page with Apply of its settings offers that (with its preview and Undo) instead of Fill.
  const fill = applyKindOf(kind) === 'settings' ? undefined : {
    count: fillPlan.length,
    lastResult: lastFill,
    onFill: () => {
      // Only ever on the admin's click, and never Save: the admin reviews and saves (product rule).
      const changed = applyFill(fillPlan);
      setLastFill(
        changed
          ? `Filled ${changed} field${changed === 1 ? '' : 's'}. Review them, then click Save yourself.`
          : 'Nothing to fill.',
      );
      setVersion((v) => v + 1);
    },
  };

  // What the page grants now, and the last audit of the same role or user to hold it against.
  const [exportState, setExportState] = useState<{ busy: boolean; result: string }>({ busy: false, result: '' });
  const permissionPage = isPermissionPage(kind);
  const view = permissionPage ? (auditor.view() ?? (kind.endsWith('-subscriptions') ? 'subscriptions' : 'permissions-window')) : null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rights = useMemo(() => (permissionPage ? auditor.rights() : []), [auditor, permissionPage, version]);
  const baseline = useMemo(
    () => (view && subject && companyId ? lastAuditOf(history, companyId, { subject, view, rights }) : undefined),
    [history, companyId, subject, view, rights],
  );

  const [compareResult, setCompareResult] = useState('');

  const messageOf = (mode: 'audit' | 'compare') =>
    toExportMessage(
      {
        mode,
        auditId: newAuditId(),
        ...(mode === 'compare' && baseline ? { baselineId: baseline.id } : {}),
        company: companyId,
        subject,
        profileId: profile.id,
        optionValues: values,
        view: view ?? 'permissions-window',
        pageKind: kind,
        auditedAt: now(),
        note: '',
      },
      findings,
      rights,
    );

  const send = (mode: 'audit' | 'compare'): void => {
    if (!onExport || !view) return;
    setExportState({ busy: true, result: '' });
    onExport(messageOf(mode))
      .then((reply) =>
        setExportState({
          busy: false,
          result: reply.ok ? `Saved ${reply.files.join(', ')} to Downloads/${reply.folder}/ and opened the report.` : reply.message,
        }),
      )
      .catch(() => setExportState({ busy: false, result: 'The export did not finish: reload the page and try again.' }));
  };

  const compare = (): void => {
    if (!onCompare || !baseline) return;
    setCompareResult('');
    const since = drift?.since ?? '';
    onCompare({ ...messageOf('compare'), type: 'ish/show-comparison', mode: 'compare', baselineId: baseline.id })
      .then((reply) =>
        setCompareResult(
          reply.ok
            ? `The comparison with your audit of ${since} is in the helper’s popup: click the helper’s toolbar button, then Audit.`
            : reply.message,
        ),
      )
      .catch(() => setCompareResult('The comparison did not reach the popup: reload the page and try again.'));
  };

  let drift: DriftView | null = null;
  if (baseline) {
    const changes = rightsChanges(baseline.rights, rights, modulesOf(rights));
    const today = isoWithOffset(now(), localOffsetMinutes(now()));
    drift = {
      since: shortDate(isoWithOffset(baseline.at, localOffsetMinutes(baseline.at)), today),
      count: changes.length,
      line: changesLine(changes),
      onCompare: compare,
      onExportComparison: () => send('compare'),
    };
  }

  const exportAudit = onExport && permissionPage ? (): void => send('audit') : undefined;

  return (
    <>
      <Overlay
        guide={notes.length ? { ...guide, cautions: [...guide.cautions, ...notes] } : guide}
        findings={findings}
        onPoint={setPointed}
        fill={fill}
        apply={apply}
        next={next}
        onExport={exportAudit}
        {...(pointAt ? { onPointAt: pointAt } : {})}
        picking={picking ? { subject: picking.finding.subject, note: picking.note, onCancel: () => setPicking(null) } : null}
        evidence={{ reviewer, result: exportState.result, compareResult, busy: exportState.busy, drift }}
      />
      <Highlight target={pointed?.target ?? null} />
    </>
  );
}
