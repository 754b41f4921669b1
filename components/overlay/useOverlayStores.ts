import { storage } from '#imports';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Finding } from '@/utils/audit/finding';
import { parseHistory, type AuditHistory } from '@/utils/audit/history';
import { parseChecklistStore, pageProvesItsSteps, recordPageFindings, type ChecklistStore } from '@/utils/checklist/progress';
import { resolveProfile } from '@/utils/guide/page-guide';
import { applyManagedSelection, withManagedProfiles } from '@/utils/managed/apply';
import type { ManagedState } from '@/utils/managed/config';
import { readManagedState, watchManagedState } from '@/utils/managed/read';
import type { PageKind } from '@/utils/pages/kinds';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { customProfilesItem, parseCustomProfiles } from '@/utils/storage/custom-profiles';
import { auditHistoryItem, parseReviewer, reviewerItem } from '@/utils/storage/evidence';
import { checklistItem, selectionItem } from '@/utils/storage/items';
import type { IntegrationSelection } from '@/utils/storage/selection';

/**
 * What the overlay shows from the browser's storage, kept current while it is on the page: the chosen
 * integration (with the organization's policy applied), imported profiles, the checklist, the audit
 * history and the reviewer. The overlay's entry only mounts it; the wiring lives here (issue #22).
 */
export interface OverlayStores {
  selection: IntegrationSelection;
  imported: IntegrationProfile[];
  checklist: ChecklistStore;
  history: AuditHistory;
  reviewer: string;
}

/** What storage holds, before the policy is applied: the policy may change on its own. */
interface Stored {
  selection: unknown;
  imports: IntegrationProfile[];
  managed: ManagedState;
  checklist: ChecklistStore;
  history: AuditHistory;
  reviewer: string;
}

function effective(stored: Stored): OverlayStores {
  return {
    selection: applyManagedSelection(stored.selection, stored.managed.config),
    imported: withManagedProfiles(stored.imports, stored.managed.config),
    checklist: stored.checklist,
    history: stored.history,
    reviewer: stored.reviewer,
  };
}

/** The stores, read once and then watched for as long as the overlay's script runs (also across remounts). */
export interface OverlayStoreSource {
  get(): OverlayStores;
  subscribe(onChange: () => void): () => void;
  stop(): void;
}

/** Reads everything once, so the first render is already the page's whole guide, then watches each item. */
export async function watchOverlayStores(): Promise<OverlayStoreSource> {
  const [managed, selection, imports, checklist, history, reviewer] = await Promise.all([
    readManagedState(),
    storage.getItem(selectionItem.key),
    customProfilesItem.getValue(),
    checklistItem.getValue(),
    auditHistoryItem.getValue(),
    reviewerItem.getValue(),
  ]);
  let stored: Stored = {
    selection,
    imports: parseCustomProfiles(imports),
    managed,
    checklist: parseChecklistStore(checklist),
    history: parseHistory(history),
    reviewer: parseReviewer(reviewer),
  };
  let current = effective(stored);
  const listeners = new Set<() => void>();
  const set = (patch: Partial<Stored>): void => {
    stored = { ...stored, ...patch };
    current = effective(stored);
    listeners.forEach((listener) => listener());
  };
  const unwatch = [
    selectionItem.watch((value) => set({ selection: value })),
    customProfilesItem.watch((value) => set({ imports: parseCustomProfiles(value) })),
    watchManagedState((state) => set({ managed: state })),
    checklistItem.watch((value) => set({ checklist: parseChecklistStore(value) })),
    auditHistoryItem.watch((value) => set({ history: parseHistory(value) })),
    reviewerItem.watch((value) => set({ reviewer: parseReviewer(value) })),
  ];
  return {
    get: () => current,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    stop() {
      unwatch.forEach((stop) => stop());
      listeners.clear();
    },
  };
}

/** The stores, current. */
export function useOverlayStores(source: OverlayStoreSource): OverlayStores {
  return useSyncExternalStore(source.subscribe, source.get);
}

// The findings of a live audit arrive on every click: the checklist is written once they settle.
const CHECKLIST_DELAY_MS = 300;

/**
 * Records the page's findings in the checklist (which steps this page proves), at most once per
 * CHECKLIST_DELAY_MS, and only when the checklist changes.
 */
export function useChecklistRecorder(stores: OverlayStores, companyId: string, kind: PageKind): (findings: Finding[]) => void {
  const latest = useRef({ stores, companyId, kind });
  latest.current = { stores, companyId, kind };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What this overlay wrote last, until storage reports it back: a second record must build on it.
  const written = useRef<ChecklistStore | null>(null);
  useEffect(() => {
    written.current = null;
  }, [stores.checklist]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback((findings: Finding[]) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const { stores: now, companyId: company, kind: pageKind } = latest.current;
      const profileId = resolveProfile(now.selection, now.imported).id;
      const base = written.current ?? now.checklist;
      const next = recordPageFindings(base, company, profileId, findings, Date.now(), pageProvesItsSteps(pageKind));
      if (next === base) return;
      written.current = next;
      void checklistItem.setValue(next);
    }, CHECKLIST_DELAY_MS);
  }, []);
}
