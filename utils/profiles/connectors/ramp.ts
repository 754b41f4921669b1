import type { IntegrationProfile, When } from '../schema';
import { STATUS_ACTIVE, whenYes, yesNoOption } from '../common';
import { WS_USER_PAGES, PERMISSION_PAGES, WS_USER_MENU, PERMISSIONS_MENU, webServicesSubscriptionStep, senderStep } from './steps';

// Purchase orders are an add-on with an article of its own (support.ramp.com 41102139615251): only an admin
// who imports them needs Purchasing, so it hangs on an option rather than on every Ramp role.
const PURCHASE_ORDERS: When = whenYes('purchaseOrders');

export const RAMP_PROFILE: IntegrationProfile = {
  id: 'ramp',
  name: 'Ramp',
  vendor: 'Ramp',
  source: {
    title: 'Ramp: Sage Intacct sync errors',
    citation: 'support.ramp.com sync-error article',
    url: 'https://support.ramp.com/sage-intacct-sync-error-entity-access-or-console-setup-issue-in-sage-sync',
  },
  moreSources: [
    {
      title: 'Ramp: Sage Intacct overview',
      citation: 'support.ramp.com 4435940482707',
      url: 'https://support.ramp.com/hc/en-us/articles/4435940482707-Sage-Intacct-overview',
    },
    {
      title: 'Ramp: Importing and matching Sage Intacct purchase orders',
      citation: 'support.ramp.com 41102139615251',
      url: 'https://support.ramp.com/hc/en-us/articles/41102139615251-Sage-Intacct-PO-Importing',
    },
  ],
  summary:
    'Ramp signs in as an active web services user with full module permissions, authorized by the RampFinancialMPP sender ID; importing purchase orders also takes full Purchasing permissions.',
  options: [
    yesNoOption({
      id: 'purchaseOrders',
      label: 'Import purchase orders',
      help: 'Ramp can import purchase orders from Intacct’s Purchasing application and match bills to them; only then does its user need Purchasing.',
      default: 'no',
    }),
  ],
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
        'Importing purchase orders: on the Ramp role’s Subscriptions, tick Purchasing, then grant full Purchasing permissions in its Permissions.',
      ],
    },
    {
      id: 'purchase-order-documents',
      title: 'Check the purchasing documents Ramp imports',
      pageKinds: [],
      menuPath: { older: 'Purchasing > Configuration > Document Types' },
      instructions: [
        'Ramp imports only purchase order document types whose template type is Order.',
        'At least one vendor invoice document type must have the Invoice template type and list that purchase order under “Can be created from”.',
        'That vendor invoice type must post to Accounts Payable: Edit it and check that Transaction Posting is Accounts Payable, not Do Not Post.',
        'Ramp’s article introduces purchase order import as an alpha feature that your Ramp account manager enables; ask them if Ramp does not offer it.',
      ],
      when: PURCHASE_ORDERS,
      manual: true,
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
  permissions: [
    {
      module: 'Purchasing',
      aliases: [],
      access: 'all',
      when: PURCHASE_ORDERS,
      why: 'Ramp’s purchase order article asks for full Purchasing permissions to import purchase orders without sync issues.',
    },
  ],
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
    'Whether the company needs a Purchasing subscription of its own, beyond the role’s, is not stated.',
  ],
};
