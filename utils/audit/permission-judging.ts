import { notFoundFinding, type Finding, type FindingStatus } from '@/utils/audit/finding';
import { nameSlug } from '@/utils/reading/text';
import type { PermissionObject, PermissionRule } from '@/utils/profiles/schema';
import { type ApplicationPermissions, type PermissionObjectRow, type PermissionSection, type PermissionsWindow } from '@/utils/page-data/permissions-window';
import { type SubscriptionRow, type SubscriptionsPage } from '@/utils/page-data/role-user-subscriptions';
import { type AuditContext, LEVEL_WORDS, accessAction, accessWords, excessFix, excessMessage, findRule, finding, isAre, list, objectKey, unneededIsExcess, who, whose } from './permission-words';

/**
 * The permissions audit's judging: what a role's or user's Subscriptions page and Permissions window grant
 * against what the chosen integration needs, one finding per application, object or section.
 */

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

