import type { PageKindSpec } from './spec';
import { CONTENT, NAME, URL_HINT, namedAs, underTrail } from './detector';
import { countIn } from './signals';

// Applications that only the company-wide Subscriptions page turns on for this setup (docs/intacct.md).
const SETUP_APPLICATIONS = ['time & expenses', 'time and expenses', 'expenses', 'customization services', 'platform services', 'web services'];

const NAMED = /^(company )?subscriptions$|^applications$/;

export const companySubscriptions: PageKindSpec<'company-subscriptions'> = {
  kind: 'company-subscriptions',
  name: 'Company subscriptions',
  audit: 'fields',
  checks: ['company-subscriptions'],
  proves: 'whole',
  score(s) {
    const setupApps = countIn(s.fields, SETUP_APPLICATIONS) >= 2 || (s.columns.has('application') && (s.columns.has('status') || s.columns.has('subscribed') || s.columns.has('subscription')));
    // A role's or user's Subscriptions page lists applications too: each with its Permissions link, under a
    // Role: / User: line, or under Roles or Users in the breadcrumb.
    const perRole =
      s.actions.has('permissions') ||
      s.qualifiers().some((q) => q.startsWith('role') || q.startsWith('user')) ||
      underTrail(s, /^(roles?|users?|web services users?)$/) ||
      namedAs(s, /\b(roles?|users?)\b/);
    return (
      (namedAs(s, NAMED) ? NAME : 0) +
      (setupApps && !perRole ? CONTENT : 0) +
      (/subscri/.test(s.path) && !/(role|user)subscri/.test(s.path) ? URL_HINT : 0) -
      (perRole ? NAME : 0)
    );
  },
};
