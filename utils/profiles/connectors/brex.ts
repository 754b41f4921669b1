import type { IntegrationProfile } from '../schema';
import { USER_TYPE_BUSINESS, ADMIN_PRIVILEGES_FULL } from '../common';
import { WS_USER_PAGES, PERMISSION_PAGES, WS_USER_MENU, PERMISSIONS_MENU, webServicesSubscriptionStep, senderStep } from './steps';

export const BREX_PROFILE: IntegrationProfile = {
  id: 'brex',
  name: 'Brex',
  vendor: 'Brex',
  source: {
    title: 'Brex: Sage Intacct integration',
    citation: 'brex.com/support sage-intacct-integration',
    url: 'https://www.brex.com/support/sage-intacct-integration',
  },
  summary:
    'Brex signs in as a Business, Full-admin web services user with full permissions on Company, Cash Management, General Ledger and Accounts Receivable, authorized by the BrexMPP sender ID.',
  options: [],
  steps: [
    webServicesSubscriptionStep('Brex'),
    {
      id: 'ws-user',
      title: 'Create the Brex web services user',
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: [
        'Add a web services user for Brex; any user ID will do.',
        'Choose User type Business and Admin privileges Full.',
        'Give it access to the top level as well as the entities Brex works with (User entities).',
      ],
      fields: [
        USER_TYPE_BUSINESS,
        ADMIN_PRIVILEGES_FULL,
      ],
    },
    {
      id: 'permissions',
      title: 'Give the Brex user its permissions',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: [
        'Grant full permissions on Company, Cash Management, General Ledger and Accounts Receivable.',
        'In a role-based company, Brex’s guide has you give the user the Admin role instead.',
      ],
    },
    senderStep('Brex', 'BrexMPP'),
  ],
  senderIds: [{ id: 'BrexMPP', caseSensitive: true, note: 'Its status must be Active.' }],
  subscriptions: [{ name: 'Web Services', why: 'Brex’s guide has you switch on Web Services.' }],
  permissions: [
    { module: 'Company', aliases: [], access: 'all', why: 'Brex asks for full permissions here.' },
    { module: 'Cash Management', aliases: [], access: 'all', why: 'Brex asks for full permissions here.' },
    { module: 'General Ledger', aliases: [], access: 'all', why: 'Brex asks for full permissions here.' },
    { module: 'Accounts Receivable', aliases: [], access: 'all', why: 'Brex asks for full permissions here.' },
  ],
  // The same guide gives role-based companies the Admin role (every module), and Brex also needs a credit
  // card account and URL custom fields: the four modules are a floor, not a ceiling.
  permissionsComplete: false,
  wsUser: {
    userIdPattern: 'Any user ID.',
    userType: 'Business',
    adminPrivileges: 'Full',
    note: 'Needs User entities access plus the top level.',
  },
  knownGaps: [
    'Brex also needs a credit card account and custom fields for URLs in Intacct; the reference records them without details.',
    'What the Admin role grants in a role-based company is not spelled out.',
  ],
};
