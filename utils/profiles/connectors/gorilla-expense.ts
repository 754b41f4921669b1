import type { IntegrationProfile } from '../schema';
import { WS_USER_PAGES, ROLE_PAGES, PERMISSION_PAGES, WS_USER_MENU, ROLE_MENU, PERMISSIONS_MENU, webServicesSubscriptionStep, unknownSenderStep } from './steps';

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
      pageKinds: ROLE_PAGES,
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
