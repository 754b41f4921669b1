import { CONTENT, NAME, URL_HINT, type PageDetector } from './detector';
import { anyMatch, countIn } from './signals';

// Applications that only the company-wide Subscriptions page toggles for this setup (reference §3.2).
const SETUP_APPLICATIONS = ['time & expenses', 'expenses', 'customization services', 'platform services', 'web services'];

const NAMED = /^(company )?subscriptions$|^manage subscriptions$/;

export const companySubscriptions: PageDetector = {
  kind: 'company-subscriptions',
  gate: (p) =>
    anyMatch(p.names, NAMED) ||
    (/subscri/.test(p.path) && !/(role|user)subscri/.test(p.path) && p.mentions(/time (?:&|and) expenses|expenses|customization services|platform services|web services|application/i)),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    // The applications' switches, or in view mode a list of applications with their state.
    ((countIn(s.fields, SETUP_APPLICATIONS) >= 2 || (s.columns.has('application') && (s.columns.has('status') || s.columns.has('subscribed')))) &&
    !s.actions.has('permissions')
      ? CONTENT
      : 0) +
    // Not the role's or user's subscriptions (`.it=rolesubscription`), whose URLs also say "subscri".
    (/subscri/.test(s.path) && !/(role|user)subscri/.test(s.path) ? URL_HINT : 0),
};
