import { storage } from '#imports';
import type { ChecklistStore } from '@/utils/checklist/progress';
import { DEFAULT_SELECTION, type IntegrationSelection } from './selection';

export const selectionItem = storage.defineItem<IntegrationSelection>('local:selection', {
  fallback: DEFAULT_SELECTION,
  version: 1,
});

export const checklistItem = storage.defineItem<ChecklistStore>('local:checklist', {
  fallback: {},
  version: 1,
});

/** The company ID last seen in an Intacct tab (ASSUMED sources: see utils/checklist/company-id.ts); one item for the checklist and the connection test. */
export { lastCompanyItem as companyIdItem } from './connection';
