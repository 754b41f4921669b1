import type { IntegrationProfile } from '../schema';
import { PERMISSION_PAGES, PERMISSIONS_MENU, WS_USER_MENU, WS_USER_PAGES, unknownSenderStep } from './steps';

// Fyle publishes no setup list we hold; its code does. Connecting creates an attachments folder in Intacct
// (fyle-intacct-api's connect view), which only works with Add on Attachment Folders. That one right is all
// the profile claims.

export const FYLE_PROFILE: IntegrationProfile = {
  id: 'fyle',
  name: 'Fyle',
  vendor: 'Fyle',
  source: {
    title: 'Fyle’s Sage Intacct integration: the Connect to Sage Intacct page',
    citation: 'fylein/fyle-intacct-app, src/app/si/settings/connect-sage-intacct (connect-sage-intacct component)',
    url: 'https://github.com/fylein/fyle-intacct-app',
  },
  moreSources: [
    {
      title: 'Fyle’s Sage Intacct integration API: connecting creates the attachments folder',
      citation: 'fylein/fyle-intacct-api, tests/test_workspaces/test_views.py (connect view mocks Attachments.create_attachments_folder)',
      url: 'https://github.com/fylein/fyle-intacct-api',
    },
  ],
  summary:
    'Fyle signs in with a Sage Intacct user ID, company ID and password, and creates an attachments folder when it connects, so its user needs Add on Attachment Folders.',
  options: [],
  steps: [
    {
      id: 'ws-user',
      title: 'Create the user Fyle signs in as',
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: [
        'Fyle’s connect page asks for a User ID and its User Password: create the user it will sign in as.',
        'Fyle’s code prescribes no user ID, user type or admin privileges, nor whether it must be a web services user.',
      ],
    },
    {
      id: 'permissions',
      title: 'Let Fyle’s user create its attachments folder',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: [
        'Fyle creates an attachments folder in Intacct when it connects: in Company, tick Add on Attachment Folders.',
        'Fyle’s other rights are not published; ask Fyle which applications its user needs.',
      ],
    },
    unknownSenderStep('Fyle'),
    {
      id: 'connect',
      title: 'Connect Fyle to Intacct',
      pageKinds: [],
      menuPath: { older: 'In Fyle: the Sage Intacct integration’s Connect to Sage Intacct page' },
      instructions: ['Enter the User ID, Company ID, Company Name and User Password, then Save.'],
      manual: true,
    },
  ],
  senderIds: [],
  subscriptions: [],
  permissions: [
    {
      module: 'Company',
      aliases: [],
      access: 'custom',
      objects: [{ name: 'Attachment Folders', rights: ['Add'] }],
      why: 'Fyle creates an attachments folder in Intacct when it connects.',
    },
  ],
  // One right read from code, not a published list: whatever else is granted may be needed.
  permissionsComplete: false,
  wsUser: {
    note: 'Fyle signs in with a user ID and password; nothing in its code prescribes the ID, user type or admin privileges.',
  },
  knownGaps: [
    'The sender ID to authorize is not stated.',
    'The permission list is not published: only Add on Attachment Folders follows from Fyle’s code. Intacct also requires List wherever Add is granted.',
    'Whether the Web Services subscription must be switched on is not stated.',
    'User ID, user type and admin privileges are not stated, nor whether the user must be a web services user.',
  ],
};
