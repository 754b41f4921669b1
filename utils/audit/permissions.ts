import { isControlChecked } from '@/utils/reading/controls';
import { notFoundFinding, type Finding, type FindingStatus } from '@/utils/audit/finding';
import { rightsOfSubscriptions, rightsOfWindow, type RightsRow } from '@/utils/audit/rights';
import { nameSlug, normalizeName } from '@/utils/reading/text';
import { appliesTo, profileName, requiredPermissions, resolveOptionValues } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues, PermissionObject, PermissionRule } from '@/utils/profiles/schema';
import { readPermissionsWindow, readShortcut, type ApplicationPermissions, type PageSubject, type PermissionLevel, type PermissionObjectRow, type PermissionSection, type PermissionsWindow, type RightCell } from '@/utils/page-data/permissions-window';
import { readSubscriptionsPage, type SubscriptionRow, type SubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';

/**
 * Compares what a role's or user's Subscriptions page and Permissions window grant with what the chosen
 * integration needs. Least privilege is part of "right": a right the integration does not use is reported
 * as `excess`, because a web services user's password sits in a third party's system.
 */

export interface AuditContext {
  /** The integration's name, for messages ("Expensify"). */
  integration?: string;
  /** Whose rights these are, for "this role" / "this user" in fixes; read from the page when absent. */
  subjectKind?: 'role' | 'user';
  /** The profile step the findings belong to. */
  stepId?: string;
  /**
   * Modules the profile needs only under other options, keyed by module name, with the condition in words
   * ("“Out-of-pocket expenses exported as” is Expense reports"): an admin who picked the wrong option then
   * learns why the module shows up as excess.
   */
  onlyWhen?: ReadonlyMap<string, string>;
  /**
   * The profile's `permissionsComplete`; absent means true. When false the vendor's list is not
   * exhaustive, so a module or right it does not name is never called excess.
   */
  permissionsComplete?: boolean;
}

const PERMISSION_KINDS: ReadonlySet<string> = new Set(['role-subscriptions', 'role-permissions', 'user-subscriptions', 'user-permissions']);

// ---- wording ------------------------------------------------------------------------------------------

const LEVEL_WORDS: Record<PermissionLevel, string> = { all: 'All', 'read-only': 'Read only', custom: 'Custom' };

function list(items: readonly string[]): string {
  return items.join(', ');
}

function isAre(items: readonly string[]): string {
  return items.length === 1 ? 'is' : 'are';
}

function whose(ctx: AuditContext): string {
  return ctx.subjectKind ? `this ${ctx.subjectKind}` : 'this user or role';
}

function who(ctx: AuditContext): string {
  return ctx.integration ?? 'The integration';
}

// Guides and pages disagree on plurals ("Tax Detail" vs "Tax details").
export function objectKey(name: string): string {
  return normalizeName(name)
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

function ruleNames(rule: PermissionRule): string[] {
  return [rule.module, ...rule.aliases].map(normalizeName);
}

export function findRule(needs: readonly PermissionRule[], moduleName: string): PermissionRule | undefined {
  const key = normalizeName(moduleName);
  return needs.find((rule) => ruleNames(rule).includes(key));
}

function accessAction(rule: PermissionRule): string {
  if (rule.access === 'all') return 'choose All';
  if (rule.access === 'read-only') return 'choose Read only';
  const named = (rule.objects ?? []).filter((o) => o.nameKnown !== false);
  const unnamed = (rule.objects ?? []).length - named.length;
  if (named.length === 0) return 'set the rights the vendor’s guide shows';
  const ticks = named.map((o) => `${o.name} ${list(o.rights)}`).join('; ');
  return `tick ${ticks}${unnamed ? ', plus the rows the vendor’s screenshot shows' : ''}`;
}

function accessWords(rule: PermissionRule): string {
  if (rule.access !== 'custom') return LEVEL_WORDS[rule.access];
  return rule.objects?.length ? 'the rights the guide lists' : 'the rights the vendor’s guide shows';
}

/**
 * Whether a module the current needs leave out counts as excess. With an incomplete list only a module
 * the profile names under other options does: the profile's author scoped it, the vendor did not.
 */
export function unneededIsExcess(app: string, ctx: AuditContext): boolean {
  return ctx.permissionsComplete !== false || (ctx.onlyWhen?.has(normalizeName(app)) ?? false);
}

function excessMessage(app: string, ctx: AuditContext): string {
  const condition = ctx.onlyWhen?.get(normalizeName(app));
  const because = condition
    ? `${who(ctx)} needs ${app} only when ${condition}, which is not what you chose`
    : `${who(ctx)} doesn’t use ${app}`;
  return `${because}; least privilege keeps ${whose(ctx)} to what it needs.`;
}

function excessFix(action: string, app: string, ctx: AuditContext): string {
  const condition = ctx.onlyWhen?.get(normalizeName(app));
  return condition
    ? `${action}, unless another integration ${whose(ctx)} serves needs it; if ${who(ctx)} is set up that way, change the option instead.`
    : `${action}, unless another integration ${whose(ctx)} serves needs it.`;
}

/** Integration name, step and the option conditions, for the audit functions' wording. */
export function auditContextFor(profile: IntegrationProfile, values: OptionValues): AuditContext {
  const resolved = resolveOptionValues(profile, values);
  const step = profile.steps.find((s) => s.pageKinds.some((k) => PERMISSION_KINDS.has(k)));
  const onlyWhen = new Map<string, string>();
  for (const rule of profile.permissions) {
    if (!rule.when || appliesTo(rule.when, resolved)) continue;
    const words = rule.when.map((c) => {
      const option = profile.options.find((o) => o.id === c.option);
      const choices = c.in.map((v) => option?.choices.find((ch) => ch.value === v)?.label ?? v);
      return `“${option?.label ?? c.option}” is ${choices.join(' or ')}`;
    });
    for (const name of [rule.module, ...rule.aliases]) onlyWhen.set(normalizeName(name), words.join(' and '));
  }
  return {
    integration: profileName(profile),
    ...(step ? { stepId: step.id } : {}),
    onlyWhen,
    permissionsComplete: profile.permissionsComplete ?? true,
  };
}

function finding(fields: Omit<Finding, 'stepId'>, ctx: AuditContext): Finding {
  return ctx.stepId ? { ...fields, stepId: ctx.stepId } : fields;
}

// ---- Subscriptions pages --------------------------------------------------------------------------------

/**
 * One finding per application the integration needs (subscribed → ok, else missing) and one per
 * application subscribed without need (excess; nothing when the profile's list is not exhaustive).
 * Access levels are the Permissions window's business.
 */
export function auditSubscriptions(
  page: SubscriptionsPage,
  needs: readonly PermissionRule[],
  context: AuditContext = {},
): Finding[] {
  const ctx: AuditContext = { ...context, subjectKind: context.subjectKind ?? page.subject?.kind };
  // Two rows may answer to one rule ("Expenses" and "Time & Expense"): one finding, satisfied by either.
  const rowsOf = new Map<PermissionRule, SubscriptionRow[]>();
  for (const app of page.applications) {
    const rule = findRule(needs, app.name);
    if (rule) rowsOf.set(rule, [...(rowsOf.get(rule) ?? []), app]);
  }
  const out: Finding[] = [];
  const seen = new Set<PermissionRule>();
  for (const app of page.applications) {
    const rule = findRule(needs, app.name);
    if (rule) {
      if (seen.has(rule)) continue;
      seen.add(rule);
      const rows = rowsOf.get(rule) ?? [app];
      out.push(subscriptionFinding(rows.find((r) => r.subscribed) ?? app, rule, ctx));
    } else if (app.subscribed && unneededIsExcess(app.name, ctx)) {
      out.push(
        finding(
          {
            id: `sub:${nameSlug(app.name)}`,
            subject: app.name,
            status: 'excess',
            found: 'subscribed',
            expected: 'not subscribed',
            message: excessMessage(app.name, ctx),
            fix: excessFix(`Untick ${app.name}`, app.name, ctx),
            group: app.name,
            target: app.control,
          },
          ctx,
        ),
      );
    }
  }
  for (const rule of needs) {
    if (seen.has(rule)) continue;
    out.push(
      finding(
        {
          id: `sub:${nameSlug(rule.module)}`,
          subject: rule.module,
          status: 'missing',
          found: 'not listed on this page',
          expected: `subscribed, with ${accessWords(rule)}`,
          message: `${rule.module} is not among this page’s applications, so the company may not have it yet.`,
          fix: `Make ${rule.module} available to the company first (Company › Subscriptions, or install the application), then tick it here and ${accessAction(rule)} in its Permissions.`,
          group: rule.module,
        },
        ctx,
      ),
    );
  }
  return out;
}

function subscriptionFinding(app: SubscriptionRow, rule: PermissionRule, ctx: AuditContext): Finding {
  const base = { id: `sub:${nameSlug(rule.module)}`, subject: app.name, group: app.name, target: app.control };
  if (app.subscribed) {
    return finding(
      {
        ...base,
        status: 'ok',
        found: 'subscribed',
        expected: `subscribed (its access, ${accessWords(rule)}, is checked in its Permissions window)`,
        message: '',
        fix: '',
      },
      ctx,
    );
  }
  return finding(
    {
      ...base,
      status: 'missing',
      found: 'not subscribed',
      expected: `subscribed, with ${accessWords(rule)}`,
      message: `${who(ctx)} needs ${app.name} (${accessWords(rule)}); ${whose(ctx)} is not subscribed to it.`,
      fix: `Tick the checkbox next to ${app.name}, then open its Permissions and ${accessAction(rule)}.`,
    },
    ctx,
  );
}

// ---- the Permissions window ----------------------------------------------------------------------------

const READ_RIGHTS = new Set(['list', 'view']);

type ObjectNeed =
  | { kind: 'all' }
  | { kind: 'read-only' }
  | { kind: 'rights'; rights: readonly string[] }
  | { kind: 'none'; unnamed: readonly PermissionObject[] };

interface RowState {
  available: string[];
  granted: string[];
  grantedKeys: Set<string>;
}

function rowState(obj: PermissionObjectRow): RowState {
  const available: string[] = [];
  const granted: string[] = [];
  const grantedKeys = new Set<string>();
  for (const cell of obj.rights) {
    available.push(cell.right);
    if (cell.granted) {
      granted.push(cell.right);
      grantedKeys.add(cell.right.toLowerCase());
    }
  }
  return { available, granted, grantedKeys };
}

/** The row of an unnamed (screenshot-only) object could be this one: nothing ticked beyond its rights. */
function fitsUnnamed(state: RowState, unnamed: readonly PermissionObject[]): PermissionObject | undefined {
  if (state.granted.length === 0) return undefined;
  return unnamed.find((u) => {
    const allowed = new Set(u.rights.map((r) => r.toLowerCase()));
    return state.granted.every((g) => allowed.has(g.toLowerCase()));
  });
}

function controlFor(obj: PermissionObjectRow, right: string | undefined): Element {
  if (right === undefined) return obj.row;
  const key = right.toLowerCase();
  return obj.rights.find((c) => c.right.toLowerCase() === key)?.control ?? obj.row;
}

function objectFinding(
  app: string,
  section: PermissionSection,
  obj: PermissionObjectRow,
  need: ObjectNeed,
  id: string,
  ctx: AuditContext,
): Finding {
  const state = rowState(obj);
  const subject = `${app} › ${obj.name}`;
  const found = state.granted.length ? list(state.granted) : 'no rights';
  const base = { id, subject, group: app, found };

  if (need.kind === 'all') {
    const missing = state.available.filter((r) => !state.grantedKeys.has(r.toLowerCase()));
    if (!missing.length) return finding({ ...base, status: 'ok', expected: 'all rights', message: '', fix: '', target: obj.row }, ctx);
    return finding(
      {
        ...base,
        // Rights lacking and nothing beyond them: missing, as for any other need (wrong is lacking and beyond).
        status: 'missing',
        expected: `all rights (${list(missing)} missing)`,
        message: state.granted.length
          ? `${who(ctx)} needs every right in ${app}; ${list(missing)} ${isAre(missing)} off for ${obj.name}.`
          : `${who(ctx)} needs every right in ${app}; nothing is ticked for ${obj.name}.`,
        fix: `Choose All under ${section.title}, or tick ${list(missing)} for ${obj.name}.`,
        target: controlFor(obj, missing[0]),
      },
      ctx,
    );
  }

  // An incomplete list names a floor: rights beyond it may be needed, so they are never excess.
  const complete = ctx.permissionsComplete !== false;
  let expectedKeys: Set<string>;
  let expectedText: string;
  let unavailable: string[] = [];
  if (need.kind === 'read-only') {
    expectedKeys = new Set(state.available.map((r) => r.toLowerCase()).filter((r) => READ_RIGHTS.has(r)));
    const shown = state.available.filter((r) => expectedKeys.has(r.toLowerCase()));
    expectedText = shown.length ? `${list(shown)}${complete ? ' only' : ''}` : 'no rights (read only)';
  } else if (need.kind === 'rights') {
    expectedKeys = new Set(need.rights.map((r) => r.toLowerCase()));
    const availableKeys = new Set(state.available.map((r) => r.toLowerCase()));
    unavailable = need.rights.filter((r) => !availableKeys.has(r.toLowerCase()));
    expectedText = list(need.rights);
  } else {
    expectedKeys = new Set();
    expectedText = complete ? 'no rights' : 'none listed (the vendor’s list is not complete: confirm with the vendor before removing)';
    const maybe = fitsUnnamed(state, need.unnamed);
    if (maybe) {
      // Its name is only in the vendor's screenshot, so this row may be the one the guide means: no verdict.
      return finding(
        {
          ...base,
          status: 'ok',
          expected: `no rights, unless this is the row the vendor’s screenshot shows with ${list(maybe.rights)}`,
          message: '',
          fix: '',
          target: obj.row,
        },
        ctx,
      );
    }
  }

  const missing = [...expectedKeys]
    .map((k) => state.available.find((r) => r.toLowerCase() === k))
    .filter((r): r is string => r !== undefined && !state.grantedKeys.has(r.toLowerCase()));
  // View, Add, Edit and Delete each require List (docs/intacct.md#permission-verbs): List is never beyond a
  // guide's rights.
  const impliedList = need.kind === 'rights' && expectedKeys.size > 0;
  const extra = complete ? state.granted.filter((r) => !expectedKeys.has(r.toLowerCase()) && !(impliedList && r.toLowerCase() === 'list')) : [];
  const lacking = [...missing, ...unavailable];
  const status: FindingStatus = lacking.length && extra.length ? 'wrong' : lacking.length ? 'missing' : extra.length ? 'excess' : 'ok';
  if (status === 'ok') return finding({ ...base, status, expected: expectedText, message: '', fix: '', target: obj.row }, ctx);

  const noBox = unavailable.length
    ? ` This row has no ${list(unavailable)} box; the user type may not allow it (Business allows the most).`
    : '';
  let message: string;
  let fix: string;
  if (need.kind === 'read-only') {
    message =
      status === 'missing'
        ? `${who(ctx)} needs to read ${app}; ${list(missing)} ${isAre(missing)} off for ${obj.name}.`
        : status === 'excess'
          ? `${who(ctx)} only reads ${app}; ${list(extra)} on ${obj.name} go${extra.length === 1 ? 'es' : ''} beyond that.`
          : `${who(ctx)} needs List and View only in ${app}: ${list(missing)} off and ${list(extra)} beyond that for ${obj.name}.`;
    fix =
      status === 'missing'
        ? complete
          ? `Choose Read only under ${section.title}, or tick ${list(missing)} for ${obj.name}.`
          : `Tick ${list(missing)} for ${obj.name}.`
        : status === 'excess'
          ? `Choose Read only under ${section.title}, or untick ${list(extra)} for ${obj.name}.`
          : `Choose Read only under ${section.title}.`;
  } else if (need.kind === 'rights') {
    message =
      status === 'excess'
        ? `${who(ctx)} needs only ${list(need.rights)} on ${obj.name}; ${list(extra)} go${extra.length === 1 ? 'es' : ''} beyond that.`
        : `${who(ctx)} needs ${list(need.rights)} on ${obj.name}; ${list(lacking)} ${isAre(lacking)} off.${noBox}`;
    const ticks = missing.length ? `tick ${list(missing)}` : '';
    const unticks = extra.length ? `untick ${list(extra)}` : '';
    const action = [ticks, unticks].filter(Boolean).join(' and ');
    fix = action
      ? `${action.charAt(0).toUpperCase()}${action.slice(1)} for ${obj.name}.`
      : `Check the user type: ${obj.name} shows no ${list(unavailable)} box.`;
  } else {
    message = `${who(ctx)} doesn’t use ${obj.name} in ${app}; least privilege keeps ${whose(ctx)} to what it needs.`;
    fix = `Untick ${list(extra)} for ${obj.name}, unless another integration ${whose(ctx)} serves needs it.`;
  }
  const firstProblem = missing[0] ?? extra[0];
  return finding({ ...base, status, expected: expectedText, message, fix, target: controlFor(obj, firstProblem) }, ctx);
}

/** Section-level verdict for All / Read only modules: the shortcut radio is usually the one-click fix. */
function sectionFinding(
  app: string,
  appSlug: string,
  section: PermissionSection,
  access: 'all' | 'read-only',
  ctx: AuditContext,
): Finding {
  let total = 0;
  let ticked = 0;
  let lacking = 0;
  let beyond = 0;
  for (const obj of section.objects) {
    for (const cell of obj.rights) {
      total++;
      if (cell.granted) ticked++;
      const wanted = access === 'all' || READ_RIGHTS.has(cell.right.toLowerCase());
      if (wanted && !cell.granted) lacking++;
      // An incomplete list names a floor: rights beyond it are not excess.
      if (!wanted && cell.granted && ctx.permissionsComplete !== false) beyond++;
    }
  }
  const status: FindingStatus =
    access === 'all'
      ? lacking === 0
        ? 'ok'
        : ticked === 0
          ? 'missing'
          : 'wrong'
      : lacking && beyond
        ? 'wrong'
        : lacking
          ? 'missing'
          : beyond
            ? 'excess'
            : 'ok';
  const shortcut = section.shortcut ? LEVEL_WORDS[section.shortcut] : 'no shortcut chosen';
  const want = LEVEL_WORDS[access];
  const radio = section.shortcutRadios.find((r) => r.level === access)?.control ?? section.grid;
  const base = {
    id: `perm:${appSlug}:section:${nameSlug(section.title)}`,
    subject: `${app} › ${section.title}`,
    group: app,
    status,
    found: `${shortcut} (${ticked} of ${total} rights ticked)`,
    expected: want,
    target: radio,
  };
  if (status === 'ok') return finding({ ...base, message: '', fix: '' }, ctx);
  const complete = ctx.permissionsComplete !== false;
  const message =
    access === 'all'
      ? `${who(ctx)} needs all of ${app}; ${lacking} of ${total} rights under ${section.title} are off.`
      : `${who(ctx)} needs read access ${complete ? 'only ' : ''}to ${app}; under ${section.title} ${[
          lacking ? `${lacking} List/View rights are off` : '',
          beyond ? `${beyond} rights go beyond reading` : '',
        ]
          .filter(Boolean)
          .join(' and ')}.`;
  // Read only would untick rights an incomplete list may still need.
  const fix = complete || access === 'all' ? `Choose ${want} under ${section.title}.` : `Tick List and View under ${section.title}.`;
  return finding({ ...base, message, fix }, ctx);
}

function countRights(block: ApplicationPermissions): { ticked: number; total: number } {
  let ticked = 0;
  let total = 0;
  for (const section of block.sections) {
    for (const obj of section.objects) {
      for (const cell of obj.rights) {
        total++;
        if (cell.granted) ticked++;
      }
    }
  }
  return { ticked, total };
}

/** Ids of object findings: the object's name, qualified by its section only when a name repeats. */
function objectIds(block: ApplicationPermissions, appSlug: string): string[][] {
  const counts = new Map<string, number>();
  for (const section of block.sections) for (const obj of section.objects) counts.set(nameSlug(obj.name), (counts.get(nameSlug(obj.name)) ?? 0) + 1);
  const used = new Set<string>();
  return block.sections.map((section) =>
    section.objects.map((obj) => {
      const s = nameSlug(obj.name);
      let id = (counts.get(s) ?? 0) > 1 ? `perm:${appSlug}:${nameSlug(section.title)}:${s}` : `perm:${appSlug}:${s}`;
      for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      used.add(id);
      return id;
    }),
  );
}

/**
 * Findings for one application block of a Permissions window. Exported for the incremental audit, which
 * re-runs it for the one application a click touched.
 */
export function auditApplication(
  block: ApplicationPermissions,
  needs: readonly PermissionRule[],
  ctx: AuditContext,
): Finding[] {
  if (block.name === null) {
    // Rights without the application they belong to cannot be compared with anything: say so.
    return [
      notFoundFinding({
        id: 'perm:application',
        subject: 'Application of this Permissions window',
        expected: needs.map((r) => r.module).join(', ') || 'the application the window is for',
        lookedFor: 'the line that names the application (“Application: …”)',
        fix: 'Open the window from the Permissions link of one application on the Subscriptions page; if it still says nothing, use “Copy page structure” in the toolbar popup and send it to us.',
        ...(ctx.stepId ? { stepId: ctx.stepId } : {}),
      }),
    ];
  }
  const app = block.name;
  const appSlug = nameSlug(app);
  const rule = findRule(needs, app);

  if (!rule) {
    // A module an incomplete list does not name may be needed after all: no verdict, no finding.
    if (!unneededIsExcess(app, ctx)) return [];
    const { ticked } = countRights(block);
    return [
      finding(
        {
          id: `perm:${appSlug}`,
          subject: app,
          status: ticked ? 'excess' : 'ok',
          found: ticked ? `${ticked} right${ticked === 1 ? '' : 's'} ticked` : 'no rights',
          expected: 'no access',
          message: ticked ? excessMessage(app, ctx) : '',
          fix: ticked ? excessFix(`Untick ${app} on ${whose(ctx)}’s Subscriptions page (or clear its rights here)`, app, ctx) : '',
          group: app,
          target: block.sections[0]?.grid,
        },
        ctx,
      ),
    ];
  }

  if (rule.access === 'custom' && !rule.objects?.length) {
    // The vendor publishes this grid only as a screenshot: anything ticked may be right, nothing is not.
    const { ticked } = countRights(block);
    return [
      finding(
        {
          id: `perm:${appSlug}`,
          subject: app,
          status: ticked ? 'ok' : 'missing',
          found: ticked ? `${ticked} right${ticked === 1 ? '' : 's'} ticked` : 'no rights',
          expected: `the rights ${who(ctx)}’s guide shows in its screenshot (not published as text)`,
          message: ticked ? '' : `${who(ctx)} needs rights in ${app}, and none is ticked.`,
          fix: ticked ? '' : `Tick the rights the guide’s screenshot shows for ${app}; your ${who(ctx)} representative can send the grid.`,
          group: app,
          target: block.sections[0]?.grid,
        },
        ctx,
      ),
    ];
  }

  const out: Finding[] = [];
  const ids = objectIds(block, appSlug);
  const wanted = (rule.objects ?? []).filter((o) => o.nameKnown !== false);
  const unnamed = (rule.objects ?? []).filter((o) => o.nameKnown === false);
  const wantedByKey = new Map<string, PermissionObject>();
  for (const o of wanted) for (const n of [o.name, ...(o.aliases ?? [])]) wantedByKey.set(objectKey(n), o);
  const matched = new Set<PermissionObject>();
  const unmatchedRows: { obj: PermissionObjectRow; state: RowState }[] = [];
  const byAccess = rule.objects?.length ? null : rule.access;

  block.sections.forEach((section, si) => {
    if (byAccess === 'all' || byAccess === 'read-only') out.push(sectionFinding(app, appSlug, section, byAccess, ctx));
    section.objects.forEach((obj, oi) => {
      const id = ids[si]?.[oi] ?? `perm:${appSlug}:${nameSlug(obj.name)}`;
      let need: ObjectNeed;
      if (byAccess === 'all') need = { kind: 'all' };
      else if (byAccess === 'read-only') need = { kind: 'read-only' };
      else {
        const want = wantedByKey.get(objectKey(obj.name));
        if (want) {
          matched.add(want);
          need = { kind: 'rights', rights: want.rights };
        } else {
          // Rows the guide does not name follow the module's access; with Custom they need nothing.
          need = rule.access === 'all' ? { kind: 'all' } : rule.access === 'read-only' ? { kind: 'read-only' } : { kind: 'none', unnamed };
          if (unnamed.length) unmatchedRows.push({ obj, state: rowState(obj) });
        }
      }
      out.push(objectFinding(app, section, obj, need, id, ctx));
    });
  });

  for (const want of wanted) {
    if (matched.has(want)) continue;
    out.push(
      finding(
        {
          id: `perm:${appSlug}:${nameSlug(want.name)}`,
          subject: `${app} › ${want.name}`,
          status: 'missing',
          found: 'no row by that name in this window',
          expected: list(want.rights),
          message: `${who(ctx)} needs ${list(want.rights)} on ${want.name}, but this window shows no row by that name.`,
          fix: `Look for ${want.name} under a similar name (or in another application’s Permissions) and tick ${list(want.rights)}.`,
          group: app,
        },
        ctx,
      ),
    );
  }

  unnamed.forEach((u, i) => {
    const rights = u.rights.map((r) => r.toLowerCase());
    const candidates = unmatchedRows.filter(({ state }) => rights.every((r) => state.grantedKeys.has(r))).map(({ obj }) => obj);
    const names = candidates.slice(0, 3).map((c) => c.name);
    const more = candidates.length > 3 ? ` and ${candidates.length - 3} more` : '';
    out.push(
      finding(
        {
          id: `perm:${appSlug}:unnamed-${i + 1}`,
          subject: `${app} › ${u.name}`,
          status: candidates.length ? 'ok' : 'missing',
          found: candidates.length ? `possible rows: ${list(names)}${more}` : `no other row has ${list(u.rights)}`,
          expected: `${list(u.rights)} on a row named only in the vendor’s screenshot`,
          message: candidates.length
            ? ''
            : `The guide shows a row with ${list(u.rights)} whose name is only in its screenshot; no row here has those rights ticked.`,
          fix: candidates.length ? '' : `Compare with the vendor’s screenshot and tick ${list(u.rights)} on that row.`,
          group: app,
          target: candidates[0]?.row ?? block.sections[0]?.grid,
        },
        ctx,
      ),
    );
  });
  return out;
}

/**
 * Checks every application block of a Permissions window against the needs. An application the
 * integration does not need gets one finding for the module; a needed one gets one per object (and one
 * per section for All / Read only modules, since the shortcut radio is the one-click fix).
 */
export function auditPermissionsWindow(
  page: PermissionsWindow,
  needs: readonly PermissionRule[],
  context: AuditContext = {},
): Finding[] {
  const ctx: AuditContext = { ...context, subjectKind: context.subjectKind ?? page.subject?.kind };
  return page.applications.flatMap((block) => auditApplication(block, needs, ctx));
}

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
