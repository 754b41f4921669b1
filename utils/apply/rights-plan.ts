import { isControlChecked } from '@/utils/reading/controls';
import { isProblem, type Finding } from '@/utils/audit/finding';
import { auditApplication, auditSubscriptions } from '@/utils/audit/permission-judging';
import { auditContextFor, findRule, objectKey, unneededIsExcess, type AuditContext } from '@/utils/audit/permission-words';
import { requiredPermissions } from '@/utils/profiles/registry';
import { isShown } from '@/utils/reading/visibility';
import type { IntegrationProfile, OptionValues, PermissionObject, PermissionRule } from '@/utils/profiles/schema';
import { readPermissionsWindow, type ApplicationPermissions, type PermissionLevel, type PermissionObjectRow, type PermissionSection, type RightCell } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage, type SubscriptionRow, type SubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { unsettableWords, whyUnsettable, type Unsettable } from './controls';
import type { ApplyPlan, ControlChange } from './plan';

/**
 * Plans "Apply <integration>'s rights" on a Subscriptions page or a Permissions window: the state every
 * box must reach for the live audit to call each right OK, as the audit decides it — excess unticked
 * only where the vendor's list is complete — then which of those the helper can set (native boxes and
 * radios) and which the admin must set by hand. A section whose target is exactly what its All / Read
 * only radio means is one step: choose the radio, as a person would.
 *
 * The plan is checked against the audit itself: the targets are put into the read model and audited;
 * whatever would still not be OK is listed as "do this by hand", so a plan never claims more than it does.
 */

const LEVEL_WORDS: Record<PermissionLevel, string> = { all: 'All', 'read-only': 'Read only', custom: 'Custom' };
const READ_RIGHTS = new Set(['list', 'view']);
// View, Add, Edit and Delete each require List (docs/intacct.md#permission-verbs).
const NEEDS_LIST = new Set(['view', 'add', 'edit', 'delete']);

function emptyPlan(integration: string): ApplyPlan {
  return { title: `${integration}’s rights`, steps: [], byHand: [], leftAlone: [], then: '', scope: [] };
}

function who(ctx: AuditContext): string {
  return ctx.integration ?? 'The integration';
}

function verbList(ticks: string[], unticks: string[]): string {
  return [ticks.length ? `tick ${ticks.join(', ')}` : '', unticks.length ? `untick ${unticks.join(', ')}` : ''].filter(Boolean).join('; ');
}

/** "A", "A and B", "A, B and C". */
function names(list: readonly string[]): string {
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list.join('');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- the Permissions window ----------------------------------------------------------------------------

/** The state each box of one application block must reach; only boxes that must change are listed. */
interface BlockTargets {
  cells: Map<RightCell, boolean>;
  /** Sections whose target is exactly what a shortcut radio means. */
  shortcuts: Map<PermissionSection, 'all' | 'read-only'>;
  /** Rights left ticked because the vendor's list is a minimum (the preview says so). */
  leftBeyond: boolean;
}

function rowTargets(obj: PermissionObjectRow, want: (right: string) => boolean | null, t: BlockTargets): void {
  for (const cell of obj.rights) {
    const to = want(cell.right.toLowerCase());
    if (to === null) {
      if (cell.granted) t.leftBeyond = true;
    } else if (to !== cell.granted) t.cells.set(cell, to);
  }
}

function blockTargets(block: ApplicationPermissions, rule: PermissionRule | undefined, ctx: AuditContext): BlockTargets {
  const t: BlockTargets = { cells: new Map(), shortcuts: new Map(), leftBeyond: false };
  const complete = ctx.permissionsComplete !== false;
  // Rights beyond reading: off where the vendor's list is complete, left alone (null) where it is a minimum.
  const readOnly = (right: string): boolean | null => (READ_RIGHTS.has(right) ? true : complete ? false : null);
  if (!rule) {
    for (const section of block.sections) for (const obj of section.objects) rowTargets(obj, () => false, t);
    return t;
  }
  if (!rule.objects?.length) {
    const access = rule.access === 'read-only' ? 'read-only' : 'all';
    for (const section of block.sections) {
      for (const obj of section.objects) rowTargets(obj, access === 'all' ? () => true : readOnly, t);
      if (access === 'all' || complete) t.shortcuts.set(section, access);
    }
    return t;
  }
  const wanted = new Map<string, PermissionObject>();
  for (const o of rule.objects) if (o.nameKnown !== false) for (const n of [o.name, ...(o.aliases ?? [])]) wanted.set(objectKey(n), o);
  const hasUnnamed = rule.objects.some((o) => o.nameKnown === false);
  for (const section of block.sections) {
    for (const obj of section.objects) {
      const want = wanted.get(objectKey(obj.name));
      if (want) {
        const keys = new Set(want.rights.map((r) => r.toLowerCase()));
        if ([...keys].some((k) => NEEDS_LIST.has(k))) keys.add('list');
        // List is never beyond a guide's rights (the audit's rule), so an unneeded List is left as it is.
        rowTargets(obj, (r) => (keys.has(r) ? true : r === 'list' ? null : complete ? false : null), t);
      } else if (rule.access === 'all') rowTargets(obj, () => true, t);
      else if (rule.access === 'read-only') rowTargets(obj, readOnly, t);
      // A row the guide does not name: nothing, unless it may be the row only its screenshot names.
      else rowTargets(obj, () => (complete && !hasUnnamed ? false : null), t);
    }
  }
  return t;
}

function ticked(block: ApplicationPermissions): number {
  let n = 0;
  for (const s of block.sections) for (const o of s.objects) for (const c of o.rights) if (c.granted) n++;
  return n;
}

/**
 * Puts the targets into the read model, audits it, and puts the model back: the problems that would
 * still be open after the apply. `state` reads and writes one entry's granted or subscribed flag.
 */
function stillOpen<K>(targets: ReadonlyMap<K, boolean>, state: (key: K, value?: boolean) => boolean, audit: () => Finding[]): Finding[] {
  const before = new Map<K, boolean>();
  for (const [key, to] of targets) {
    before.set(key, state(key));
    state(key, to);
  }
  try {
    return audit().filter((f) => isProblem(f.status));
  } finally {
    for (const [key, value] of before) state(key, value);
  }
}

function grantedFlag(cell: RightCell, value?: boolean): boolean {
  if (value !== undefined) cell.granted = value;
  return cell.granted;
}

function subscribedFlag(row: SubscriptionRow, value?: boolean): boolean {
  if (value !== undefined) row.subscribed = value;
  return row.subscribed;
}

function sectionSteps(app: string, section: PermissionSection, t: BlockTargets, unneeded: boolean, plan: ApplyPlan): void {
  const rows = section.objects
    .map((obj) => ({ obj, cells: obj.rights.filter((c) => t.cells.has(c)) }))
    .filter((r) => r.cells.length > 0);
  if (!rows.length) return;
  // One visibility check for the grid, then the cheap checks per box: a window may hold 6,000 boxes.
  const gridShown = isShown(section.grid);
  const reasons = new Map<RightCell, Unsettable | null>();
  for (const r of rows) for (const c of r.cells) reasons.set(c, gridShown ? whyUnsettable(c.control, section.grid) : 'hidden');
  const why = (cell: RightCell): Unsettable | null => reasons.get(cell) ?? null;
  const change = (obj: PermissionObjectRow, cell: RightCell): ControlChange => ({
    control: cell.control,
    subject: `${app} › ${obj.name} › ${cell.right}`,
    from: cell.granted,
    to: t.cells.get(cell) ?? cell.granted,
  });
  const blocked = rows.flatMap((r) => r.cells.map(why)).find((w) => w !== null) ?? null;

  if (unneeded) {
    // A module the integration does not use: its whole grid goes, one step per section.
    const all = rows.flatMap((r) => r.cells.map((c) => ({ obj: r.obj, cell: c })));
    const settable = all.filter(({ cell }) => why(cell) === null);
    const reason = all.map(({ cell }) => why(cell)).find((w) => w !== null);
    if (settable.length) {
      plan.steps.push({
        group: app,
        text: `Untick every right under ${section.title} (${settable.length} box${settable.length === 1 ? '' : 'es'})`,
        sets: settable.map(({ obj, cell }) => change(obj, cell)),
        follows: [],
      });
    }
    if (reason) plan.byHand.push({ subject: `${app} › ${section.title}`, text: `Untick the other rights under ${section.title} by hand: ${unsettableWords(reason)}.` });
    return;
  }
  const level = t.shortcuts.get(section);
  const radio = level ? section.shortcutRadios.find((r) => r.level === level) : undefined;
  if (level && radio && blocked === null && whyUnsettable(radio.control) === null && !isControlChecked(radio.control)) {
    const current = section.shortcutRadios.find((r) => isControlChecked(r.control));
    const offs: ControlChange[] = current
      ? [{ control: current.control, subject: `${app} › ${section.title} › ${LEVEL_WORDS[current.level]}`, from: true, to: false }]
      : [];
    plan.steps.push({
      group: app,
      text: `Choose ${LEVEL_WORDS[level]} under ${section.title}${current ? ` (now ${LEVEL_WORDS[current.level]})` : ''}`,
      sets: [{ control: radio.control, subject: `${app} › ${section.title} › ${LEVEL_WORDS[level]}`, from: false, to: true }],
      follows: [...offs, ...rows.flatMap((r) => r.cells.map((c) => change(r.obj, c)))],
    });
    return;
  }
  if (level && blocked !== null && rows.every((r) => r.cells.every((c) => why(c) !== null))) {
    plan.byHand.push({
      subject: `${app} › ${section.title}`,
      text: `Choose ${LEVEL_WORDS[level]} under ${section.title} (or set its ${rows.reduce((n, r) => n + r.cells.length, 0)} boxes) by hand: ${unsettableWords(blocked)}.`,
    });
    return;
  }
  for (const { obj, cells } of rows) {
    const settable = cells.filter((c) => why(c) === null);
    const manual = cells.filter((c) => why(c) !== null);
    const words = (list: RightCell[]) =>
      verbList(
        list.filter((c) => t.cells.get(c)).map((c) => c.right),
        list.filter((c) => !t.cells.get(c)).map((c) => c.right),
      );
    if (settable.length) {
      plan.steps.push({ group: app, text: `${obj.name}: ${words(settable)}`, sets: settable.map((c) => change(obj, c)), follows: [] });
    }
    const reason = manual[0] ? why(manual[0]) : null;
    if (reason) plan.byHand.push({ subject: `${app} › ${obj.name}`, text: `${capital(words(manual))} by hand: ${unsettableWords(reason)}.` });
  }
}

function planBlock(block: ApplicationPermissions, needs: readonly PermissionRule[], ctx: AuditContext, plan: ApplyPlan): void {
  if (block.name === null) {
    plan.byHand.push({
      subject: 'Application of this Permissions window',
      text: 'The window does not say which application it shows, so nothing is set: open it from the Permissions link of one application on the Subscriptions page.',
    });
    return;
  }
  const app = block.name;
  const rule = findRule(needs, app);
  if (!rule && !unneededIsExcess(app, ctx)) {
    if (ticked(block)) plan.leftAlone.push({ subject: app, text: `${who(ctx)}’s list of rights is a minimum and does not name ${app}: its rights are left as they are.` });
    return;
  }
  if (rule?.access === 'custom' && !rule.objects?.length) {
    // Published only as a screenshot: the helper cannot know which boxes, and the audit says so.
    if (!ticked(block)) plan.byHand.push({ subject: app, text: `Tick the rights ${who(ctx)}’s guide shows in its screenshot for ${app}: they are not published as text.` });
    return;
  }
  const t = blockTargets(block, rule, ctx);
  for (const section of block.sections) {
    for (const r of section.shortcutRadios) plan.scope.push({ control: r.control, subject: `${app} › ${section.title} › ${LEVEL_WORDS[r.level]}` });
    for (const obj of section.objects) for (const c of obj.rights) plan.scope.push({ control: c.control, subject: `${app} › ${obj.name} › ${c.right}` });
    sectionSteps(app, section, t, rule === undefined, plan);
  }
  if (t.leftBeyond) plan.leftAlone.push({ subject: app, text: `Rights in ${app} that ${who(ctx)}’s guide does not list are left as they are: its list is a minimum.` });
  for (const f of stillOpen(t.cells, grantedFlag, () => auditApplication(block, needs, ctx))) {
    if (!plan.byHand.some((n) => n.subject === f.subject)) plan.byHand.push({ subject: f.subject, text: f.fix || f.message });
  }
}

// ---- the Subscriptions pages ------------------------------------------------------------------------------

function planSubscriptionsPage(page: SubscriptionsPage, needs: readonly PermissionRule[], ctx: AuditContext, plan: ApplyPlan): void {
  const targets = new Map<SubscriptionRow, boolean>();
  const listed: string[] = [];
  const kept: string[] = [];
  for (const rule of needs) {
    const rows = page.applications.filter((r) => findRule([rule], r.name) !== undefined);
    const first = rows[0];
    if (!first) continue;
    listed.push(first.name);
    if (!rows.some((r) => r.subscribed)) targets.set(first, true);
  }
  for (const app of page.applications) {
    if (!app.subscribed || findRule(needs, app.name)) continue;
    if (unneededIsExcess(app.name, ctx)) targets.set(app, false);
    else kept.push(app.name);
  }
  if (kept.length) {
    const all = names(kept);
    plan.leftAlone.push({ subject: all, text: `${all} stay${kept.length === 1 ? 's' : ''} subscribed: ${who(ctx)}’s list is a minimum, so applications it does not name are left alone.` });
  }
  for (const app of page.applications) plan.scope.push({ control: app.control, subject: app.name });
  for (const [row, to] of targets) {
    const verb = to ? 'Tick' : 'Untick';
    const reason = whyUnsettable(row.control);
    if (reason) plan.byHand.push({ subject: row.name, text: `${verb} ${row.name} by hand: ${unsettableWords(reason)}.` });
    else plan.steps.push({ group: '', text: `${verb} ${row.name}`, sets: [{ control: row.control, subject: row.name, from: row.subscribed, to }], follows: [] });
  }
  for (const f of stillOpen(targets, subscribedFlag, () => auditSubscriptions(page, needs, ctx))) {
    if (!plan.byHand.some((n) => n.subject === f.subject)) plan.byHand.push({ subject: f.subject, text: f.fix || f.message });
  }
  if (listed.length) plan.then = `After you save, open the Permissions of ${names(listed)}, and apply ${who(ctx)}’s rights there.`;
}

// ---- the page ---------------------------------------------------------------------------------------------

/** The plan for this Subscriptions page or Permissions window; no steps when the page holds neither. */
export function planRights(doc: Document, profile: IntegrationProfile, values: OptionValues): ApplyPlan {
  const needs = requiredPermissions(profile, values);
  const base = auditContextFor(profile, values);
  const plan = emptyPlan(profile.name);
  const win = readPermissionsWindow(doc);
  if (win.applications.length) {
    const ctx: AuditContext = { ...base, ...(win.subject ? { subjectKind: win.subject.kind } : {}) };
    for (const block of win.applications) planBlock(block, needs, ctx, plan);
    return plan;
  }
  const subs = readSubscriptionsPage(doc);
  if (subs.applications.length) {
    const ctx: AuditContext = { ...base, ...(subs.subject ? { subjectKind: subs.subject.kind } : {}) };
    planSubscriptionsPage(subs, needs, ctx, plan);
  }
  return plan;
}

