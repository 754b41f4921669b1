import { storage } from '#imports';
import { parseHistory, type AuditHistory } from '@/utils/audit/history';
import { z } from '@/utils/zod';

/** The reviewer's name, typed once in the popup; every evidence pack carries it. Not a secret. */
export const reviewerItem = storage.defineItem<string>('local:reviewer', { fallback: '' });

export const REVIEWER_MAX = 200;

export function parseReviewer(value: unknown): string {
  const parsed = z.string().safeParse(value);
  return parsed.success ? parsed.data.trim().slice(0, REVIEWER_MAX) : '';
}

/** Company ID → its audits (utils/export/history.ts). */
export const auditHistoryItem = storage.defineItem<AuditHistory>('local:auditHistory', { fallback: {}, version: 1 });

// Audits are recorded from two places (the popup's check, an export): one read-modify-write at a time.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Applies `change` to the stored history. Should storage.local be full, the older half of every
 * company's audits goes and the write is tried once more: a new audit matters more than an old one.
 */
export function updateAuditHistory(change: (history: AuditHistory) => AuditHistory): Promise<AuditHistory> {
  const work = async (): Promise<AuditHistory> => {
    const next = change(parseHistory(await auditHistoryItem.getValue()));
    try {
      await auditHistoryItem.setValue(next);
      return next;
    } catch {
      const halved = Object.fromEntries(Object.entries(next).map(([c, records]) => [c, records.slice(Math.floor(records.length / 2))]));
      await auditHistoryItem.setValue(halved);
      return halved;
    }
  };
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}
