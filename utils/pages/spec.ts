import type { PageDetector } from './detector';
import type { PageKind } from './kinds';

/** A page's checks beyond the profile's fields for it (utils/audit/page-audit.ts runs them). */
export type PageCheck = 'sender-ids' | 'role-assignment' | 'company-subscriptions';

/**
 * Everything about one kind of setup page, in the page's own file (utils/pages/<kind>.ts), like a feature
 * registry: how it is recognized, what the admin calls it, what is checked there, what a clean page proves
 * and which Apply serves it. Recognition, the audit, the guide, the checklist, the evidence export and Apply
 * read these facts from the registry (utils/pages/registry.ts), never from a list of kinds of their own.
 * Adding a kind of page is one such file, its fixtures and its README line (README, "Adding a page kind").
 */
export interface PageKindSpec<K extends PageKind = PageKind> extends PageDetector {
  kind: K;
  /** The admin's name for the page, as Intacct's menus and headings say it ("Roles subscriptions"). */
  name: string;
  /**
   * Which audit runs there: `rights`, the live permissions audit (subscriptions and rights, re-read per
   * click); `fields`, the profile's field checks for the page and the page's `checks`.
   */
  audit: 'rights' | 'fields';
  checks?: readonly PageCheck[];
  /**
   * What a clean page proves of the checklist steps done on it: `whole`, every such step (its checks
   * cover the step, no field rule needed); `fields`, the steps whose fields it checks; `part`, nothing on
   * its own, because other pages hold the rest of the step (a role's Subscriptions without its Permissions).
   */
  proves: 'whole' | 'fields' | 'part';
  /** The Apply the page offers: the rights of a permissions page, or the settings of a configuration page. */
  apply?: 'rights' | 'settings';
  /** Where an exported audit says its rows came from ("a role’s Permissions window"). */
  evidenceSource?: string;
  /**
   * Why a wrong value of one of the page's fields matters, where Intacct's help says so: the field audit
   * says this instead of "the guide asks for X". `label` is the field's label as normalizeLabel gives it;
   * `expected`, when set, limits the note to that required value.
   */
  wrongValue?: readonly WrongValueNote[];
}

export interface WrongValueNote {
  label: string;
  expected?: string;
  /** `guide` is "The Expensify guide"; `expected` is quoted. */
  why(found: string, guide: string, expected: string): string;
}
