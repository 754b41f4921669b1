import { useEffect, useState } from 'react';
import {
  UNKNOWN_COMPANY,
  checklistItems,
  parseChecklistStore,
  progressOf,
  setTicked,
  type ChecklistItem,
  type ChecklistStore,
} from '@/utils/checklist/progress';
import { optionValues, resolveProfile } from '@/utils/guide/page-guide';
import { checklistItem, companyIdItem } from '@/utils/storage/items';
import type { IntegrationSelection } from '@/utils/storage/selection';
import type { IntegrationProfile } from '@/utils/profiles/schema';

export interface ChecklistState {
  companyId: string | null;
  items: ChecklistItem[];
  tick: (stepId: string, ticked: boolean) => void;
}

/** The checklist of the chosen integration in the company last seen in Intacct, kept in step with storage. */
export function useChecklist(selection: IntegrationSelection, imported: readonly IntegrationProfile[] = []): ChecklistState {
  const [store, setStore] = useState<ChecklistStore>({});
  const [companyId, setCompanyId] = useState<string | null>(null);
  useEffect(() => {
    void checklistItem.getValue().then((v) => setStore(parseChecklistStore(v)));
    void companyIdItem.getValue().then((v) => setCompanyId(v));
    const unwatchList = checklistItem.watch((v) => setStore(parseChecklistStore(v)));
    const unwatchCompany = companyIdItem.watch((v) => setCompanyId(v));
    return () => {
      unwatchList();
      unwatchCompany();
    };
  }, []);
  const profile = resolveProfile(selection, imported);
  const company = companyId ?? UNKNOWN_COMPANY;
  const items = checklistItems(profile, optionValues(profile, selection), progressOf(store, company, profile.id));
  const tick = (stepId: string, ticked: boolean): void => {
    const next = setTicked(store, company, profile.id, stepId, ticked, Date.now());
    setStore(next);
    void checklistItem.setValue(next);
  };
  return { companyId, items, tick };
}
