import { accessibleName, isGenericName } from '@/utils/reading/accessible';
import { isCheckControl, isControlChecked } from '@/utils/reading/controls';
import { readContextLines } from '@/utils/reading/context';
import { readPageNames } from '@/utils/reading/page-name';
import { readStateRecords } from '@/utils/reading/records';
import { cellColumns, nameOfBoxInRow, readTable, rowOfControl, type LogicalRow } from '@/utils/reading/rows';
import { contentRoots, queryAllDeep } from '@/utils/reading/tree';
import { shortText, squash } from '@/utils/reading/text';
import { isKnownApplication } from '@/utils/pages/applications';
import type { PageSubject } from './permissions-window';

/**
 * A role's or user's Subscriptions page (docs/intacct.md, "Pages"): one row per application with a
 * subscribe box (or, in view mode, a state word or tick) and a Permissions link, in whatever structure
 * lists them. Everything is found by what the admin reads — the row's name, the column heads, the
 * "Role: …" line — never by id.
 */

export interface SubscriptionRow {
  /** The application as the page names it ("Time & Expenses"). */
  name: string;
  subscribed: boolean;
  /** The subscribe box (or switch), or in view mode the element showing the state. */
  control: Element;
  permissionsLink?: Element;
}

export interface SubscriptionsPage {
  subject: PageSubject | null;
  applications: SubscriptionRow[];
}

const SUBJECT_NAME = /\bsubscriptions (?:for|of) (role|user)\s+(.+)$/i;

function findSubject(doc: Document): PageSubject | null {
  for (const entry of readContextLines(doc, 12)) {
    if ((entry.key === 'role' || entry.key === 'user') && entry.value.trim()) return { kind: entry.key, name: entry.value.trim() };
  }
  for (const name of readPageNames(doc, contentRoots(doc)).names) {
    const m = SUBJECT_NAME.exec(name);
    if (m?.[1] && m[2]?.trim()) return { kind: m[1].toLowerCase() === 'role' ? 'role' : 'user', name: m[2].trim() };
  }
  return null;
}

const CHECKS = 'input[type="checkbox"], [role~="checkbox"], [role~="switch"], [aria-pressed]';

function isPermissionsAction(el: Element): boolean {
  const n = el.localName;
  const actionable = n === 'a' || n === 'button' || el.getAttribute('role') === 'link' || el.getAttribute('role') === 'button';
  if (!actionable) return false;
  const text = squash(el.textContent) || el.getAttribute('aria-label') || el.getAttribute('title') || '';
  return /^(permissions|view permissions|edit permissions|set permissions)$/i.test(text.trim()) || /\bpermissions$/i.test(el.getAttribute('aria-label') ?? '');
}

function permissionsLinkIn(row: LogicalRow): Element | undefined {
  const roots = row.cells.length && row.el !== row.cells[0] ? [row.el] : row.cells;
  for (const root of roots) {
    if (isPermissionsAction(root)) return root;
    const found = Array.from(root.querySelectorAll('a, button, [role="link"], [role="button"]')).find(isPermissionsAction);
    if (found) return found;
  }
  return undefined;
}

const NOT_A_NAME = /^(permissions|view permissions|subscribed|not subscribed|yes|no|on|off|configure|subscribe|unsubscribe|edit|view)$/i;
const noName = (text: string): boolean => NOT_A_NAME.test(text.trim());

function applicationColumn(columns: readonly string[]): number {
  return columns.findIndex((c) => /\b(application|module|name)\b/.test(c));
}

/** The application a box subscribes to: the row's Application column, the box's own name, the row's name. */
function applicationOf(control: Element, row: LogicalRow, columns: readonly string[], header: LogicalRow | null): string {
  const nameAt = applicationColumn(columns);
  if (nameAt >= 0 && header) {
    const col = cellColumns(header.cells)[nameAt];
    const i = cellColumns(row.cells).indexOf(col ?? -1);
    const cell = i >= 0 ? row.cells[i] : undefined;
    const text = cell && !cell.contains(control) ? (shortText(cell, 120) ?? '') : '';
    if (text && !noName(text)) return text;
  }
  const own = accessibleName(control);
  if (own && !isGenericName(own) && !noName(own)) return own;
  return nameOfBoxInRow(control, row, noName);
}

/** A view-mode page: an Application column and a Subscribed column that says Yes/No or shows a tick. */
function readOnlySubscriptions(doc: Document): SubscriptionRow[] {
  return readStateRecords(doc).map((r) => {
    const link = permissionsLinkIn({ el: r.record.el, cells: [] });
    return { name: r.name, subscribed: r.on, control: r.stateEl, ...(link ? { permissionsLink: link } : {}) };
  });
}

/**
 * Reads a role's or user's Subscriptions page: one entry per application row that has a subscribe box, in
 * whatever structure the page lists them (table, list, ARIA grid, div rows, CSS grid, cards). Lists of
 * other boxes (filters, preferences) are left out: they have no Application column, no Permissions links
 * and no application names.
 */
export function readSubscriptionsPage(doc: Document): SubscriptionsPage {
  const groups = new Map<Element, { rows: SubscriptionRow[]; links: number; known: number; named: boolean }>();
  const headerOf = new Map<Element, { columns: string[]; header: LogicalRow | null }>();
  for (const control of queryAllDeep(doc, CHECKS)) {
    if (!isCheckControl(control)) continue;
    // A "select all" box in the header row is not an application.
    if (control.closest('thead, [role="columnheader"]')) continue;
    const located = rowOfControl(control);
    if (!located) continue;
    const { container, row } = located;
    let head = headerOf.get(container);
    if (!head) {
      const table = readTable(container);
      head = { columns: table?.columns ?? [], header: table?.header ?? null };
      headerOf.set(container, head);
    }
    if (head.header && (head.header.el === row.el || head.header.cells.some((c) => c.contains(control)))) continue;
    const name = applicationOf(control, row, head.columns, head.header);
    if (!name) continue;
    const link = permissionsLinkIn(row);
    const group = groups.get(container) ?? { rows: [], links: 0, known: 0, named: applicationColumn(head.columns) >= 0 };
    group.rows.push({ name, subscribed: isControlChecked(control), control, ...(link ? { permissionsLink: link } : {}) });
    if (link) group.links++;
    if (isKnownApplication(name)) group.known++;
    groups.set(container, group);
  }
  const applications: SubscriptionRow[] = [];
  for (const group of groups.values()) if (group.named || group.links > 0 || group.known >= 2) applications.push(...group.rows);
  if (applications.length === 0) applications.push(...readOnlySubscriptions(doc));
  return { subject: findSubject(doc), applications };
}

