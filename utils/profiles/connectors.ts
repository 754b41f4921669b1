import type { IntegrationProfile, ProfileStep } from './schema';
import { USER_TYPE_BUSINESS, ADMIN_PRIVILEGES_FULL, STATUS_ACTIVE } from './common';

// Published connector requirements from reference §4.1. Each profile holds only what that table states;
// whatever the vendor's article leaves out is in knownGaps, never filled in from another vendor.

const WS_USER_PAGES: ProfileStep['pageKinds'] = ['ws-user-list', 'ws-user-form'];
const PERMISSION_PAGES: ProfileStep['pageKinds'] = [
  'user-subscriptions',
  'user-permissions',
  'role-subscriptions',
  'role-permissions',
];
const WS_USER_MENU = {
  older: 'Company > Web Services Users > New',
  current: 'Company > Admin > Users, roles, and groups > Web Services users > Add',
};
const ROLE_MENU = { older: 'Company > Roles', current: 'Company > Admin > Users, roles, and groups > Roles' };
const PERMISSIONS_MENU = {
  older: 'User-based: the user’s Subscriptions link. Role-based: Company > Roles > Subscriptions',
  current:
    'User-based: Company > Admin > Users, roles, and groups > Web Services users > Subscriptions. Role-based: … > Roles > Subscriptions',
};
const SUBSCRIPTIONS_MENU = { older: 'Company > Subscriptions', current: 'Company > Admin > Subscriptions' };
const SENDER_MENU = {
  older: 'Company > Company Info > Security > Edit',
  current: 'Company > Setup > Configuration > Company > Security tab > Edit > Web Services authorizations > Add',
};

function webServicesSubscriptionStep(vendor: string): ProfileStep {
  return {
    id: 'web-services-subscription',
    title: 'Subscribe to Web Services',
    pageKinds: ['company-subscriptions'],
    menuPath: SUBSCRIPTIONS_MENU,
    instructions: [
      `${vendor} connects through Intacct’s web services, so the Web Services subscription must be on.`,
      'In the newer Subscriptions page it sits near the bottom of the Applications tab.',
    ],
  };
}

/** Sender authorization for a published sender ID; the exact match matters. */
function senderStep(vendor: string, senderId: string): ProfileStep {
  return {
    id: 'sender-authorization',
    title: `Authorize ${vendor}’s sender ID`,
    pageKinds: ['company-security', 'sender-form'],
    menuPath: SENDER_MENU,
    instructions: [
      'Open the company’s Security settings and choose Edit.',
      `In Web Services authorizations, add the sender ID ${senderId}, typed exactly like that.`,
      'Sender IDs are case-sensitive and cannot be edited once added; leave the status Active.',
    ],
    fields: [
      {
        id: 'sender-id',
        pageKind: 'sender-form',
        labels: ['Sender ID'],
        subject: 'Sender ID',
        expect: { kind: 'equals', value: senderId, caseSensitive: true },
        fix: `Enter ${senderId} exactly as the Sender ID.`,
      },
      {
        id: 'sender-status',
        pageKind: 'sender-form',
        labels: ['Status'],
        subject: 'Sender status',
        expect: { kind: 'equals', value: 'Active', caseSensitive: false },
        fix: 'Set the sender’s Status to Active.',
      },
    ],
  };
}

/** Intacct's help says every web services user needs an authorized sender, even when the vendor's article does not name it. */
function unknownSenderStep(vendor: string): ProfileStep {
  return {
    id: 'sender-authorization',
    title: `Authorize ${vendor}’s sender ID`,
    pageKinds: ['company-security', 'sender-form'],
    menuPath: SENDER_MENU,
    instructions: [
      `${vendor}’s published setup does not name its sender ID; ask ${vendor} for it.`,
      'Add it under Web Services authorizations exactly as given: sender IDs are case-sensitive and cannot be edited later.',
    ],
  };
}

export const RAMP_PROFILE: IntegrationProfile = {
  id: 'ramp',
  name: 'Ramp',
  vendor: 'Ramp',
  source: {
    title: 'Ramp: Sage Intacct sync errors',
    citation: 'support.ramp.com sync-error article',
    url: 'https://support.ramp.com/sage-intacct-sync-error-entity-access-or-console-setup-issue-in-sage-sync',
  },
  summary: 'Ramp signs in as an active web services user with full module permissions, authorized by the RampFinancialMPP sender ID.',
  options: [],
  steps: [
    webServicesSubscriptionStep('Ramp'),
    {
      id: 'ws-user',
      title: 'Create the Ramp web services user',
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: [
        'Ramp’s article calls it the “Ramp Web Services user”: a web services user Ramp signs in as.',
        'It must be active.',
      ],
      fields: [
        STATUS_ACTIVE,
      ],
    },
    {
      id: 'permissions',
      title: 'Give the Ramp user its permissions',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: [
        'Ramp asks for full module permissions and access to the entities it syncs.',
        'The article does not list the modules; check with Ramp which ones it uses.',
      ],
    },
    senderStep('Ramp', 'RampFinancialMPP'),
    {
      id: 'connect',
      title: 'Connect Ramp to Intacct',
      pageKinds: [],
      menuPath: { older: 'In Ramp' },
      instructions: ['When Ramp asks for the company, enter the Intacct Company ID, not the Console ID.'],
      manual: true,
    },
  ],
  senderIds: [{ id: 'RampFinancialMPP', caseSensitive: true, note: 'As Ramp’s article spells it.' }],
  subscriptions: [{ name: 'Web Services', why: 'Ramp’s article requires Web Services to be active.' }],
  permissions: [],
  // “Full module permissions” without naming the modules: nothing subscribed can be called excess.
  permissionsComplete: false,
  wsUser: {
    userIdPattern: 'Ramp calls it the “Ramp Web Services user”; no exact ID is prescribed.',
    note: 'Must be active and have access to the entities Ramp syncs.',
  },
  knownGaps: [
    'Which modules “full module permissions” covers is not stated.',
    'User type and admin privileges are not stated.',
    'Which entities the user needs, and whether top-level access is required, is not stated.',
  ],
};

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

export const EXPENSEIN_PROFILE: IntegrationProfile = {
  id: 'expensein',
  name: 'ExpenseIn',
  vendor: 'ExpenseIn',
  source: {
    title: 'ExpenseIn: Sage Intacct integration',
    citation: 'docs.expensein.com 6353783',
    url: 'https://docs.expensein.com/en/articles/6353783-authorise-expensein-to-connect-to-sage-intacct',
  },
  summary:
    'ExpenseIn signs in as a web services user whose role carries a short list of granular permissions across Company, General Ledger, Accounts Payable, Projects and Cash Management.',
  options: [],
  steps: [
    webServicesSubscriptionStep('ExpenseIn'),
    {
      id: 'role',
      title: 'Create a role for ExpenseIn',
      pageKinds: ['role-list', 'role-form'],
      menuPath: ROLE_MENU,
      instructions: [
        'ExpenseIn’s web services user gets its permissions through a role; add one for it.',
        'The article does not prescribe a role name.',
      ],
    },
    {
      id: 'ws-user',
      title: 'Create the ExpenseIn web services user',
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: ['Add a web services user for ExpenseIn and assign it the role.'],
    },
    {
      id: 'permissions',
      title: 'Give the role ExpenseIn’s permissions',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: [
        'Company: View on Departments, Locations, Class and Entities; View and Add on Attachment Folders; View and Delete on Attachments.',
        'General Ledger: View on Accounts; Add on Journal Entries.',
        'Accounts Payable: View on Vendors; Add on Bills; View on Tax Detail.',
        'Projects: View on Projects.',
        'Cash Management: View on Credit Card Accounts; Add on Credit Card Transactions.',
      ],
    },
    unknownSenderStep('ExpenseIn'),
  ],
  senderIds: [],
  subscriptions: [{ name: 'Web Services', why: 'ExpenseIn’s article requires the Web Services subscription.' }],
  permissions: [
    {
      module: 'Company',
      aliases: [],
      access: 'custom',
      objects: [
        { name: 'Departments', rights: ['View'] },
        { name: 'Locations', rights: ['View'] },
        { name: 'Class', rights: ['View'] },
        { name: 'Entities', rights: ['View'] },
        { name: 'Attachment Folders', rights: ['View', 'Add'] },
        { name: 'Attachments', rights: ['View', 'Delete'] },
      ],
      why: 'Granular rights listed by ExpenseIn.',
    },
    {
      module: 'General Ledger',
      aliases: [],
      access: 'custom',
      objects: [
        { name: 'Accounts', rights: ['View'] },
        { name: 'Journal Entries', rights: ['Add'] },
      ],
      why: 'Granular rights listed by ExpenseIn.',
    },
    {
      module: 'Accounts Payable',
      aliases: [],
      access: 'custom',
      objects: [
        { name: 'Vendors', rights: ['View'] },
        { name: 'Bills', rights: ['Add'] },
        { name: 'Tax Detail', rights: ['View'] },
      ],
      why: 'Granular rights listed by ExpenseIn.',
    },
    {
      module: 'Projects',
      aliases: [],
      access: 'custom',
      objects: [{ name: 'Projects', rights: ['View'] }],
      why: 'Granular rights listed by ExpenseIn.',
    },
    {
      module: 'Cash Management',
      aliases: [],
      access: 'custom',
      objects: [
        { name: 'Credit Card Accounts', rights: ['View'] },
        { name: 'Credit Card Transactions', rights: ['Add'] },
      ],
      why: 'Granular rights listed by ExpenseIn.',
    },
  ],
  wsUser: { note: 'A web services user with a role; the article gives no user ID, user type or admin level.' },
  knownGaps: [
    'The sender ID to authorize is not stated.',
    'User ID, user type and admin privileges are not stated, nor the role’s name.',
    'The rights are recorded as listed; Intacct also requires List wherever View, Add, Edit or Delete is granted.',
  ],
};

export const GORILLA_EXPENSE_PROFILE: IntegrationProfile = {
  id: 'gorilla-expense',
  name: 'Gorilla Expense',
  vendor: 'Gorilla Expense',
  source: {
    title: 'Gorilla Expense: Sage Intacct integration',
    citation: 'gorillaexpense.freshdesk.com 11000119073',
    url: 'https://gorillaexpense.freshdesk.com/support/solutions/articles/11000119073-gorilla-expense-sage-intacct-integration-configuration',
  },
  summary: 'Gorilla Expense signs in as a web services user whose role has All on Time & Expenses.',
  options: [],
  steps: [
    webServicesSubscriptionStep('Gorilla Expense'),
    {
      id: 'role',
      title: 'Create a role for Gorilla Expense',
      pageKinds: ['role-list', 'role-form'],
      menuPath: ROLE_MENU,
      instructions: ['Add a role for Gorilla Expense’s web services user; the article does not prescribe a name.'],
    },
    {
      id: 'ws-user',
      title: 'Create the Gorilla Expense web services user',
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: ['Add a web services user for Gorilla Expense and assign it the role.'],
    },
    {
      id: 'permissions',
      title: 'Give the role Time & Expenses access',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: ['In the role’s subscriptions, tick Time & Expenses (Expenses in newer screens) and give it All.'],
    },
    unknownSenderStep('Gorilla Expense'),
  ],
  senderIds: [],
  subscriptions: [{ name: 'Web Services', why: 'Gorilla Expense’s article requires the Web Services subscription.' }],
  permissions: [
    {
      module: 'Time & Expenses',
      // Not "Time": the current product lists Time (timesheets) as an application of its own.
      aliases: ['Time & Expense', 'Expenses'],
      access: 'all',
      why: 'The role needs All on Time & Expenses.',
    },
  ],
  wsUser: { note: 'A web services user with the role; the article gives no user ID, user type or admin level.' },
  knownGaps: [
    'Gorilla Expense uses its own sender ID, but the value is not stated.',
    'User ID, user type and admin privileges are not stated, nor the role’s name.',
    'Whether the Time & Expenses subscription itself must be on is not stated.',
  ],
};

export const CONNECTOR_PROFILES: readonly IntegrationProfile[] = [
  RAMP_PROFILE,
  BREX_PROFILE,
  BILL_SPEND_PROFILE,
  EXPENSEIN_PROFILE,
  GORILLA_EXPENSE_PROFILE,
];
