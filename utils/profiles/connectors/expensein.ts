import type { IntegrationProfile } from '../schema';
import { WS_USER_PAGES, ROLE_PAGES, PERMISSION_PAGES, WS_USER_MENU, ROLE_MENU, PERMISSIONS_MENU, webServicesSubscriptionStep, unknownSenderStep } from './steps';

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
      pageKinds: ROLE_PAGES,
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
