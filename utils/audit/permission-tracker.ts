import { isControlChecked } from '@/utils/reading/controls';
import { notFoundFinding, type Finding } from '@/utils/audit/finding';
import { rightsOfSubscriptions, rightsOfWindow, type RightsRow } from '@/utils/audit/rights';
import { nameSlug } from '@/utils/reading/text';
import { requiredPermissions } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues, PermissionRule } from '@/utils/profiles/schema';
import { readPermissionsWindow, readShortcut, type PageSubject, type PermissionsWindow, type RightCell } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage, type SubscriptionRow, type SubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { auditApplication, auditSubscriptions } from './permission-judging';
import { type AuditContext, accessWords, auditContextFor, list, whose } from './permission-words';

/**
 * The permissions audit the overlay keeps live: it reads the page once, then after each click only what
 * the clicked control decides, and says which findings changed.
 */

// ---- the live overlay ------------------------------------------------------------------------------------

export interface AuditUpdate {
  /** New or changed findings (same id, different verdict or wording). */
  changed: Finding[];
  /** Ids of findings that no longer exist. */
  removed: string[];
}

export interface PermissionsAudit {
  /** Which page the audit understood; `none` when the page holds neither a grid nor a subscriptions list. */
  readonly kind: 'permissions-window' | 'subscriptions' | 'none';
  readonly subject: PageSubject | null;
  findings(): Finding[];
  /** After a click on `changed` (a right's checkbox, a shortcut radio, a Subscribed box): re-read only what it controls. */
  update(changed: Element): AuditUpdate;
  /** Re-read the whole page (after the page re-rendered). */
  refresh(): AuditUpdate;
  /** What the page grants now, row by row, for the audit history and "Compare with last audit". */
  rights(): RightsRow[];
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.status === b.status &&
    a.found === b.found &&
    a.expected === b.expected &&
    a.message === b.message &&
    a.fix === b.fix &&
    a.subject === b.subject &&
    a.target === b.target
  );
}

function diff(before: readonly Finding[], after: readonly Finding[]): AuditUpdate {
  const old = new Map(before.map((f) => [f.id, f]));
  const changed: Finding[] = [];
  for (const f of after) {
    const prev = old.get(f.id);
    if (!prev || !sameFinding(prev, f)) changed.push(f);
    old.delete(f.id);
  }
  return { changed, removed: [...old.keys()] };
}

const TOGGLES = 'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="switch"], [role="radio"]';

function isToggle(el: Element): boolean {
  return el.matches(TOGGLES);
}

interface SectionRef {
  app: number;
  section: number;
}

/**
 * The audit the overlay keeps while the admin works: the page is read once, and a click re-reads the one
 * checkbox (or, for a shortcut radio, its section) and re-audits only its application. Only grids and
 * radios are indexed — a few hundred entries, not one per checkbox — and a clicked checkbox is found by
 * climbing to its grid and scanning that section's rows.
 */
/** What the audit says when the page was recognized but nothing of what it checks could be read. */
function unreadPage(kind: PermissionPageKind, needs: readonly PermissionRule[], ctx: AuditContext): Finding[] {
  const stepId = ctx.stepId;
  if (kind === 'role-subscriptions' || kind === 'user-subscriptions') {
    return needs.map((rule) =>
      notFoundFinding({
        id: `sub:${nameSlug(rule.module)}`,
        subject: rule.module,
        expected: `subscribed, with ${accessWords(rule)}`,
        lookedFor: 'the list of applications with their Subscribed checkboxes',
        group: rule.module,
        stepId,
      }),
    );
  }
  return [
    notFoundFinding({
      id: 'perm:grid',
      subject: 'Permissions of this window',
      expected: 'the rights grid (List, View, Add, Edit, Delete…)',
      lookedFor: 'a grid of rights with List / View / Add / Edit / Delete columns',
      stepId,
      fix: 'Wait for the window to finish loading; if the rights are shown and this stays, use “Copy page structure” in the toolbar popup and send it to us.',
    }),
  ];
}

export type PermissionPageKind = 'role-subscriptions' | 'user-subscriptions' | 'role-permissions' | 'user-permissions';

export function createPermissionsAudit(
  doc: Document,
  profile: IntegrationProfile,
  values: OptionValues,
  /** The page kind detection gave; with it, a page whose grid or list cannot be read says so. */
  pageKind?: PermissionPageKind,
): PermissionsAudit {
  const needs = requiredPermissions(profile, values);
  const base = auditContextFor(profile, values);

  let kind: PermissionsAudit['kind'] = 'none';
  let subject: PageSubject | null = null;
  let win: PermissionsWindow | null = null;
  let subs: SubscriptionsPage | null = null;
  let ctx: AuditContext = base;
  let perApp: Finding[][] = [];
  let flat: Finding[] | null = null;
  const grids = new Map<Element, SectionRef>();
  const radios = new Map<Element, SectionRef>();
  const subControls = new Map<Element, SubscriptionRow>();

  const build = (): void => {
    grids.clear();
    radios.clear();
    subControls.clear();
    flat = null;
    win = readPermissionsWindow(doc);
    if (win.applications.length) {
      kind = 'permissions-window';
      subject = win.subject;
      subs = null;
      ctx = { ...base, ...(subject ? { subjectKind: subject.kind } : {}) };
      win.applications.forEach((block, a) =>
        block.sections.forEach((section, s) => {
          grids.set(section.grid, { app: a, section: s });
          for (const r of section.shortcutRadios) radios.set(r.control, { app: a, section: s });
        }),
      );
      const w = win;
      perApp = w.applications.map((block) => auditApplication(block, needs, ctx));
      return;
    }
    win = null;
    subs = readSubscriptionsPage(doc);
    subject = subs.subject;
    ctx = { ...base, ...(subject ? { subjectKind: subject.kind } : {}) };
    kind = subs.applications.length ? 'subscriptions' : 'none';
    for (const app of subs.applications) subControls.set(app.control, app);
    perApp = kind === 'subscriptions' ? [auditSubscriptions(subs, needs, ctx)] : pageKind ? [unreadPage(pageKind, needs, ctx)] : [];
  };

  const all = (): Finding[] => (flat ??= perApp.flat());

  const reaudit = (app: number): AuditUpdate => {
    const before = perApp[app] ?? [];
    let after: Finding[];
    if (win) {
      const block = win.applications[app];
      after = block ? auditApplication(block, needs, ctx) : [];
    } else if (subs) {
      after = auditSubscriptions(subs, needs, ctx);
    } else after = [];
    perApp[app] = after;
    flat = null;
    return diff(before, after);
  };

  const refresh = (): AuditUpdate => {
    const before = all();
    build();
    return diff(before, all());
  };

  const locateCell = (control: Element): { app: number; cell: RightCell } | null => {
    if (!win) return null;
    for (let up = control.parentElement, depth = 0; up && depth < 8; up = up.parentElement, depth++) {
      const ref = grids.get(up);
      if (!ref) continue;
      const section = win.applications[ref.app]?.sections[ref.section];
      for (const obj of section?.objects ?? []) {
        for (const cell of obj.rights) if (cell.control === control) return { app: ref.app, cell };
      }
      return null;
    }
    return null;
  };

  const isKnown = (el: Element): boolean => radios.has(el) || subControls.has(el) || locateCell(el) !== null;

  const update = (changed: Element): AuditUpdate => {
    const located = locateCell(changed);
    if (located) {
      located.cell.granted = isControlChecked(changed);
      return reaudit(located.app);
    }
    const radio = radios.get(changed);
    if (radio && win) {
      const section = win.applications[radio.app]?.sections[radio.section];
      if (section) {
        section.shortcut = readShortcut(section);
        // The page's own script ticks the boxes for All / Read only without firing change events.
        for (const obj of section.objects) for (const c of obj.rights) c.granted = isControlChecked(c.control);
      }
      return reaudit(radio.app);
    }
    const row = subControls.get(changed);
    if (row) {
      row.subscribed = isControlChecked(changed);
      return reaudit(0);
    }
    // A label or cell around a known control stands for it.
    const inner = isToggle(changed) ? null : changed.querySelector?.(TOGGLES);
    if (inner && isKnown(inner)) return update(inner);
    const forId = changed.localName === 'label' ? changed.getAttribute('for') : null;
    const labelled = forId ? doc.getElementById(forId) : null;
    if (labelled && isKnown(labelled)) return update(labelled);
    // An unknown checkbox or radio means the page re-rendered; a text field or a select changes nothing read here.
    if (isToggle(changed) || inner || (labelled && isToggle(labelled))) return refresh();
    return { changed: [], removed: [] };
  };

  build();
  return {
    get kind() {
      return kind;
    },
    get subject() {
      return subject;
    },
    findings: () => all().slice(),
    update,
    refresh,
    // The live cells: update() keeps them in step with the page.
    rights: () => (win ? rightsOfWindow(win) : subs ? rightsOfSubscriptions(subs) : []),
  };
}

