import type { IntegrationProfile } from '../schema';
import {
  PERMISSION_PAGES,
  PERMISSIONS_MENU,
  SUBSCRIPTIONS_MENU,
  WS_USER_MENU,
  WS_USER_PAGES,
  senderStep,
  webServicesSubscriptionStep,
} from './steps';

export const DATABASICS_SENDER_ID = 'DATABASICS';

export const DATABASICS_PROFILE: IntegrationProfile = {
  id: 'databasics',
  name: 'DATABASICS',
  vendor: 'DATABASICS',
  source: {
    title: 'Enabling Intacct DATABASICS Integrations',
    citation: 'databasics.atlassian.net PG7, page 1082621953',
    url: 'https://databasics.atlassian.net/wiki/spaces/PG7/pages/1082621953/Enabling+Intacct+DATABASICS+Integrations',
  },
  summary:
    'DATABASICS posts to Intacct through the DATABASICS sender ID (all capitals) and a web services user; the company needs Web Services, Platform Services and an active Web Services developer licence.',
  options: [],
  steps: [
    // Before the Platform Services step: a subscription's checklist step is the first on the page that names it.
    webServicesSubscriptionStep('DATABASICS'),
    {
      id: 'platform-services',
      title: 'Have a Web Services developer licence and Platform Services',
      pageKinds: ['company-subscriptions'],
      menuPath: SUBSCRIPTIONS_MENU,
      instructions: [
        'DATABASICS requires an active Sage Intacct Web Services developer licence, which its page ties to the Platform Services module.',
        'No such licence yet? Your Sage Intacct account representative provides it.',
        // Customization Services is only listed while Platform Services is off, and only Sage support enables
        // it (docs/intacct.md#subscriptions).
        'Platform Services must be on in the Subscriptions page; if only Customization Services is listed, Sage support enables Platform Services.',
      ],
    },
    senderStep('DATABASICS', DATABASICS_SENDER_ID),
    {
      id: 'ws-user',
      title: 'Create the DATABASICS web services user',
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: [
        'Add a web services user for DATABASICS: it exchanges data through the API only and cannot sign in to the Intacct screens.',
        'DATABASICS’s page says the steps differ slightly for role-based and user-based companies.',
      ],
    },
    {
      id: 'permissions',
      title: 'Give the DATABASICS users their access',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: [
        'DATABASICS also uses an ordinary (UI) user to install the DATABASICS menu option for its extract and to check the data it reads from Intacct.',
        'That UI user needs access to the Platform Services module.',
        'The web services user’s rights are not listed as text; ask DATABASICS which applications it needs.',
      ],
    },
  ],
  senderIds: [
    {
      id: DATABASICS_SENDER_ID,
      caseSensitive: true,
      note: 'All letters in capitals, exactly as DATABASICS’s page insists.',
    },
  ],
  subscriptions: [
    { name: 'Web Services', why: 'DATABASICS’s page has the administrator subscribe to Web Services.' },
    {
      name: 'Platform Services',
      why: 'DATABASICS requires an active Web Services developer licence (Platform Services module), and its UI user needs Platform Services.',
    },
  ],
  // The Platform Services access belongs to the UI user, not the web services user these pages audit.
  permissions: [],
  permissionsComplete: false,
  wsUser: {
    note: 'A web services user (API access only). The page prescribes no user ID, user type or admin privileges.',
  },
  knownGaps: [
    'The web services user’s permission list is not published.',
    'Which rights the UI user needs in Platform Services, and how the DATABASICS menu option is installed, are not stated.',
    'User ID, user type and admin privileges are not stated.',
    'How the role-based and user-based instructions differ is not in the text.',
  ],
};
