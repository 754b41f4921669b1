import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const companySecurity: PageDetector = {
  kind: 'company-security',
  gate: (p) => anyMatch(p.names, /^(company information|company info|company)$/) || (p.hasColumnHeads() && p.mentions(/web services authori[sz]ations|sender id/i)),
  score: (s) => {
    const authorizations = anyMatch([...s.sections, ...s.names], /^web services authori[sz]ations$/);
    const senderTable = s.columns.has('sender id');
    // Only the Security tab lists the Web Services authorizations; the other tabs of Company
    // Information share its name but are not this step's page.
    if (!authorizations && !senderTable) return 0;
    return (
      (anyMatch(s.names, /^(company information|company info|company)$/) ? NAME : 0) +
      (authorizations ? CONTENT : 0) +
      (senderTable ? 1 : 0)
    );
  },
};
