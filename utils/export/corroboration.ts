import { profileName } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';

/**
 * Where Intacct itself corroborates an audit, for the auditor who will not take the extension's word
 * (docs/intacct.md#evidence-that-a-connection-is-live): the API Usage Detail report shows which
 * sender IDs made requests, and the Audit Trail marks changes made through the API.
 */
export interface Corroboration {
  name: string;
  /** What to look for there, for this integration. */
  what: string;
  /** Where it is in Intacct's menus. */
  menuPath: string;
  /** Intacct's help page about it. */
  help: string;
}

function senderWords(profile: IntegrationProfile): string {
  const ids = profile.senderIds.map((s) => `“${s.id}”`);
  const name = profileName(profile);
  return ids.length ? `${name}’s sender ID ${ids.join(' or ')}` : `${name}’s sender ID`;
}

export function corroborationFor(profile: IntegrationProfile): Corroboration[] {
  return [
    {
      name: 'API Usage Detail report',
      what: `Every Web Services request made to the company in the last 63 days, with its sender ID: ${senderWords(profile)} should be there, and no sender ID you do not recognize.`,
      menuPath:
        'Customization Services › All › Custom reports (or Platform Services › All › Reports, or Reports › All › Advanced › Custom reports) › Add, with the primary data source “API usage detail”',
      help: 'https://www.intacct.com/ia/docs/en_ZA/help_action/Reporting/Custom_reports/Custom_report_examples/example-api-usage-detail-report.htm',
    },
    {
      name: 'Audit Trail',
      what: 'Changes made through the API carry Source = API (recorded since 15 March 2017): on the web services user and its roles, who changed a permission and when; on the records the integration writes, that it was the API.',
      menuPath: 'Open the record › More actions › View audit trail (Intacct help: Administration › Audit trail › Standard)',
      help: 'https://www.intacct.com/ia/docs/en_US/help_action/Administration/Audit_trail/Standard/audit-trail.htm',
    },
  ];
}
