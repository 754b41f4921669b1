import type { IntegrationProfile } from '../schema';
import { USER_TYPE_BUSINESS, ADMIN_PRIVILEGES_FULL } from '../common';
import { WS_USER_PAGES, PERMISSION_PAGES, WS_USER_MENU, PERMISSIONS_MENU, senderStep } from './steps';

export const BILL_SPEND_PROFILE: IntegrationProfile = {
  id: 'bill-spend-expense',
  name: 'BILL Spend & Expense',
  vendor: 'BILL (formerly Divvy)',
  source: {
    title: 'BILL Spend & Expense: Sage Intacct integration',
    citation: 'help.getdivvy.com 6005057',
    url: 'https://help.getdivvy.com/en/articles/6005057-how-do-i-set-up-the-sage-intacct-integration-for-my-account',
  },
  summary:
    'BILL Spend & Expense signs in as the Divvy web services user (Business, Full admin) set up at the top level, authorized by the bill.com sender ID.',
  options: [],
  steps: [
    {
      id: 'ws-user',
      title: 'Create the Divvy web services user',
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: [
        'Work at the top (root) level of the company, not inside an entity.',
        'Add a web services user with the User ID Divvy.',
        'Choose User type Business and Admin privileges Full.',
      ],
      fields: [
        {
          id: 'ws-user-id',
          pageKind: 'ws-user-form',
          labels: ['User ID'],
          subject: 'User ID',
          expect: { kind: 'equals', value: 'Divvy', caseSensitive: false },
          fix: 'Enter Divvy as the User ID.',
        },
        USER_TYPE_BUSINESS,
        ADMIN_PRIVILEGES_FULL,
      ],
    },
    {
      id: 'permissions',
      title: 'Give the Divvy user its permissions',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: ['Enable all permissions within each module the user is subscribed to.'],
    },
    senderStep('BILL', 'bill.com'),
    {
      id: 'connect',
      title: 'Connect BILL Spend & Expense to Intacct',
      pageKinds: [],
      menuPath: { older: 'In BILL Spend & Expense' },
      instructions: ['If you connect at entity level, enter the Entity ID along with the sign-in details.'],
      manual: true,
    },
  ],
  senderIds: [{ id: 'bill.com', caseSensitive: true, note: 'All in lowercase, as BILL writes it.' }],
  subscriptions: [],
  permissions: [],
  // “All permissions enabled within each module” the user is subscribed to, without naming the modules.
  permissionsComplete: false,
  wsUser: {
    userId: 'Divvy',
    userType: 'Business',
    adminPrivileges: 'Full',
    note: 'Set up at the root (top) level. BILL’s separate AP sync uses XML_Bill.com instead.',
  },
  knownGaps: [
    'Which modules need “all permissions” is not listed.',
    'Whether the Web Services subscription must be switched on is not stated.',
  ],
};
