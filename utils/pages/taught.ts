import { isApplicationPagePath } from '@/utils/hosts';
import { PAGE_KINDS, type PageKind } from './kinds';
import { detectPage } from './detect';
import { readPageSignals, type PageSignals } from './signals';

/**
 * Pages the admin taught ("This is the … page" in the popup, issue #9): where the built-in detectors do not
 * recognize an Intacct frame, a local rule does. A rule holds only structure — the path without query
 * values, the page's own names and the labels of its fields and columns — never a value or the session,
 * and it matches on any pod host.
 *
 * This module is in the all-frames scripts, so it holds no zod (the detector's size budget, issue #10):
 * rules are written only by the extension, after the zod schema in utils/storage/taught-rules.ts accepted
 * them, and the detector reads them through `asTaughtPages`, which drops anything of another shape (a unit
 * test holds it to the schema).
 */
export interface TaughtPage {
  kind: PageKind;
  /** Lower-case path, e.g. `/ia/acct/editor.phtml`. */
  path: string;
  /** Names of the query keys the page's URL carries (`.op`, `.it`), never their values. */
  queryKeys: string[];
  /** The page's names (title, headings), normalized, without any record they name. */
  names: string[];
  /** Field, column and section labels, normalized. */
  labels: string[];
  taughtAt: number;
}

/** The storage.local key of the taught rules the admin made (the popup and the guide edit these). */
export const TAUGHT_RULES_KEY = 'taughtRules';

/**
 * The storage.local key of the rules in force: the admin's and the organization's, validated and merged by
 * the background (utils/background/taught-pages.ts). The light readers (taught detector, frame probe) read
 * this one without WXT's storage wrapper.
 */
export const EFFECTIVE_TAUGHT_RULES_KEY = 'effectiveTaughtRules';

export const MAX_SIGNATURE_NAMES = 6;
export const MAX_SIGNATURE_LABELS = 40;

// Query keys that carry the UI session or the company, which a rule never needs.
const SESSION_KEYS = new Set(['.sess', '.cc', 'sess']);
// A name or label that holds a record or a person's data rather than the page's own words.
const LOOKS_LIKE_DATA = /[:@]|--|\d{3,}/;

export interface PageSignature {
  path: string;
  queryKeys: string[];
  names: string[];
  labels: string[];
}

/** What a taught rule keeps of a page: structure only (see the module comment). */
export function pageSignature(signals: PageSignals, url: string): PageSignature {
  let path = '';
  let queryKeys: string[] = [];
  try {
    const u = new URL(url);
    path = u.pathname.toLowerCase();
    queryKeys = [...new Set([...u.searchParams.keys()].map((k) => k.toLowerCase()).filter((k) => !SESSION_KEYS.has(k)))].sort();
  } catch {
    // No URL: the signature has no path and can match nothing.
  }
  const names = [...new Set(signals.names.filter((n) => n && !LOOKS_LIKE_DATA.test(n)))].slice(0, MAX_SIGNATURE_NAMES);
  const labels = [...new Set([...signals.fields, ...signals.columns, ...signals.sections])]
    .filter((l) => l && l.length <= 80 && !LOOKS_LIKE_DATA.test(l))
    .slice(0, MAX_SIGNATURE_LABELS);
  return { path, queryKeys: queryKeys.slice(0, 20), names, labels };
}

function overlap(a: readonly string[], b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * The kind a taught rule gives this page, or null. A rule matches on its path (any host) and its query
 * keys, and then on one of its names or most of its labels: a page the admin taught keeps its name and
 * fields when its record or its pod changes.
 */
export function matchTaughtPage(signals: PageSignals, url: string, rules: readonly TaughtPage[]): PageKind | null {
  if (!rules.length) return null;
  let path = '';
  let keys: Set<string>;
  try {
    const u = new URL(url);
    path = u.pathname.toLowerCase();
    keys = new Set([...u.searchParams.keys()].map((k) => k.toLowerCase()));
  } catch {
    return null;
  }
  let best: PageKind | null = null;
  let bestScore = 0;
  let labels: Set<string> | undefined;
  const names = new Set(signals.names);
  for (const rule of rules) {
    if (rule.path !== path || !rule.queryKeys.every((k) => keys.has(k))) continue;
    labels ??= new Set([...signals.fields, ...signals.columns, ...signals.sections]);
    const named = overlap(rule.names, names);
    const shared = overlap(rule.labels, labels);
    const enough = Math.max(2, Math.ceil(rule.labels.length * 0.6));
    if (named === 0 && shared < enough) continue;
    const score = named * 10 + shared;
    if (score > bestScore) {
      best = rule.kind;
      bestScore = score;
    }
  }
  return best;
}

const KINDS: ReadonlySet<string> = new Set(PAGE_KINDS);

function strings(value: unknown, max: number, maxLength: number): string[] | null {
  if (!Array.isArray(value) || value.length > max) return null;
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string' || v.length > maxLength) return null;
    out.push(v);
  }
  return out;
}

/** The taught pages in a stored value, keeping only well-formed rules (the detector's light check). */
export function asTaughtPages(stored: unknown): TaughtPage[] {
  const pages = (stored as { pages?: unknown } | null | undefined)?.pages;
  if (!Array.isArray(pages)) return [];
  const out: TaughtPage[] = [];
  for (const raw of pages.slice(0, 200)) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    const queryKeys = strings(r.queryKeys, 20, 40);
    const names = strings(r.names, MAX_SIGNATURE_NAMES, 120);
    const labels = strings(r.labels, MAX_SIGNATURE_LABELS, 120);
    if (typeof r.kind !== 'string' || !KINDS.has(r.kind) || typeof r.path !== 'string' || !isApplicationPagePath(r.path) || r.path.length > 300) continue;
    if (!queryKeys || !names || !labels || typeof r.taughtAt !== 'number') continue;
    out.push({ kind: r.kind as PageKind, path: r.path, queryKeys, names, labels, taughtAt: r.taughtAt });
  }
  return out;
}

/** The page's kind by the built-in detectors, else by a page the admin or the organization taught. Never throws. */
export function detectTaughtPage(doc: Document, url: string, taught: readonly TaughtPage[]): PageKind | null {
  const builtIn = detectPage(doc, url);
  if (builtIn || !taught.length) return builtIn;
  try {
    return matchTaughtPage(readPageSignals(doc, url), url, taught);
  } catch {
    return null;
  }
}
