import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';
import { anyMatch } from './signals';

const AUTHORIZATIONS = /^web services authori[sz]ations?$/;
const SENDER = new Set(['sender id', 'sender', 'web services sender id']);

export const companySecurity: PageKindSpec<'company-security'> = {
  kind: 'company-security',
  name: 'Company information › Security',
  audit: 'fields',
  checks: ['sender-ids'],
  proves: 'whole',
  score: (s) => {
    // The list of sender IDs with their status: a table's columns or one card per sender.
    const senderList = s.columns.has('sender id') || s.hasList((keys) => keys.some((k) => SENDER.has(k)) && keys.includes('status'));
    // A section so titled; or the page's own name, where the list is there too (the sender pop-up is
    // reached through "… › Web Services authorizations" and holds one Sender ID field, not a list).
    const authorizations = anyMatch(s.sections, AUTHORIZATIONS) || (senderList && namedAs(s, AUTHORIZATIONS));
    // Only the Security tab lists the Web Services authorizations; the other tabs of Company
    // Information share its name but are not this step's page.
    if (!authorizations && !senderList) return 0;
    return (namedAs(s, /^(company information|company info|company|security)$/) ? NAME : 0) + (authorizations ? CONTENT : 0) + (senderList ? 1 : 0);
  },
};
