import { normalizeName } from '@/utils/reading/text';
import type { RightsRow } from './rights';

/**
 * What changed between two audits of the same role or user, right by right: the "what changed since
 * setup?" an auditor asks a year later (NetSuite's "Show Role Differences" answers it for two roles).
 * Rows are matched by module and object name as every audit compares names (normalizeName: case, spacing,
 * "and" or "&"); a row that grants nothing
 * counts as absent, so a row the page shows unticked and a policy getUserPermissions leaves out agree.
 */

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface RightsChange {
  module: string;
  object: string;
  change: ChangeKind;
  /** Rights the earlier audit saw, in its order. */
  before: string[];
  /** Rights this audit sees, in its order. */
  after: string[];
  /** In `after` but not in `before`. */
  added: string[];
  /** In `before` but not in `after`. */
  removed: string[];
}

function rowKey(row: RightsRow): string {
  return `${normalizeName(row.module)}\u0000${normalizeName(row.object)}`;
}

function granted(rows: readonly RightsRow[], modules: ReadonlySet<string> | null): Map<string, RightsRow> {
  const out = new Map<string, RightsRow>();
  for (const row of rows) {
    if (row.rights.length === 0) continue;
    if (modules && !modules.has(normalizeName(row.module))) continue;
    const k = rowKey(row);
    const have = out.get(k);
    // The same object twice (a page listing it in two places) grants the union.
    if (have) out.set(k, { ...have, rights: [...have.rights, ...row.rights.filter((r) => !have.rights.some((h) => normalizeName(h) === normalizeName(r)))] });
    else out.set(k, row);
  }
  return out;
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  const keys = new Set(b.map(normalizeName));
  return a.filter((r) => !keys.has(normalizeName(r)));
}

/** The modules `rows` show (granted or not): a page audit compares only what the page shows. */
export function modulesOf(rows: readonly RightsRow[]): string[] {
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(normalizeName(row.module))) seen.set(normalizeName(row.module), row.module);
  return [...seen.values()];
}

/**
 * Rights added, removed and changed from `before` to `after`, sorted by module and object. With
 * `onlyModules`, rows of other modules are left out on both sides (a Permissions window shows one
 * application; the earlier audit may have seen more).
 */
export function rightsChanges(
  before: readonly RightsRow[],
  after: readonly RightsRow[],
  onlyModules?: readonly string[],
): RightsChange[] {
  const modules = onlyModules ? new Set(onlyModules.map(normalizeName)) : null;
  const then = granted(before, modules);
  const now = granted(after, modules);
  const changes: RightsChange[] = [];
  for (const [k, row] of now) {
    const was = then.get(k);
    if (!was) {
      changes.push({ module: row.module, object: row.object, change: 'added', before: [], after: row.rights, added: row.rights, removed: [] });
      continue;
    }
    const added = minus(row.rights, was.rights);
    const removed = minus(was.rights, row.rights);
    if (added.length || removed.length) {
      changes.push({ module: row.module, object: row.object, change: 'changed', before: was.rights, after: row.rights, added, removed });
    }
  }
  for (const [k, was] of then) {
    if (now.has(k)) continue;
    changes.push({ module: was.module, object: was.object, change: 'removed', before: was.rights, after: [], added: [], removed: was.rights });
  }
  return changes.sort((a, b) => normalizeName(a.module).localeCompare(normalizeName(b.module)) || normalizeName(a.object).localeCompare(normalizeName(b.object)));
}

/** "1 changed, 2 added" — or "No change". */
export function changesLine(changes: readonly RightsChange[]): string {
  const count = (kind: ChangeKind): number => changes.filter((c) => c.change === kind).length;
  const parts = (['changed', 'added', 'removed'] as const).filter((k) => count(k) > 0).map((k) => `${count(k)} ${k}`);
  return parts.length ? parts.join(', ') : 'No change';
}

/** One change in an admin's words: "Delete added", "newly granted: List, View", "no longer granted (had Add)". */
export function describeChange(change: RightsChange): string {
  if (change.change === 'added') return `newly granted: ${change.after.join(', ')}`;
  if (change.change === 'removed') return `no longer granted (had ${change.before.join(', ')})`;
  return [
    change.added.length ? `${change.added.join(', ')} added` : '',
    change.removed.length ? `${change.removed.join(', ')} removed` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
