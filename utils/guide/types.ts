import type { PageKind } from '@/utils/pages/kinds';

/** One setup step as the overlay shows it on the page where it is done. */
export interface GuideStep {
  id: string;
  /** Position in the integration's checklist, from 1. */
  number: number;
  title: string;
  menuPath: string;
  instructions: string[];
}

/** What the overlay needs for one recognized page: pure data, built from the chosen profile. */
export interface PageGuide {
  kind: PageKind;
  pageName: string;
  integrationName: string;
  steps: GuideStep[];
  /** Said when no step of the chosen integration happens on this page. */
  emptyNote: string;
  /** Said before the admin saves, where a mistake cannot be undone (a sender ID is permanent). */
  cautions: string[];
}
