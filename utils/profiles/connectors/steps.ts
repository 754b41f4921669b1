import type { ProfileOption, ProfileStep, When, WsUser } from '../schema';
import { SENDER_STATUS_ACTIVE, whenYes, yesNoOption } from '../common';

// Steps and menu paths that several published connector guides share
// (docs/intacct.md#navigation-paths, docs/intacct.md#requirements-by-connector). A profile module
// holds its vendor's facts; the wording Intacct's own pages dictate lives here once.

export const WS_USER_PAGES: ProfileStep['pageKinds'] = ['ws-user-list', 'ws-user-form'];
export const ROLE_PAGES: ProfileStep['pageKinds'] = ['role-list', 'role-form'];
export const PERMISSION_PAGES: ProfileStep['pageKinds'] = [
  'user-subscriptions',
  'user-permissions',
  'role-subscriptions',
  'role-permissions',
];
export const WS_USER_MENU = {
  older: 'Company > Web Services Users > New',
  current: 'Company > Admin > Users, roles, and groups > Web Services users > Add',
};
export const ROLE_MENU = { older: 'Company > Roles', current: 'Company > Admin > Users, roles, and groups > Roles' };
export const PERMISSIONS_MENU = {
  older: 'User-based: the user’s Subscriptions link. Role-based: Company > Roles > Subscriptions',
  current:
    'User-based: Company > Admin > Users, roles, and groups > Web Services users > Subscriptions. Role-based: … > Roles > Subscriptions',
};
export const SUBSCRIPTIONS_MENU = { older: 'Company > Subscriptions', current: 'Company > Admin > Subscriptions' };
export const SENDER_MENU = {
  older: 'Company > Company Info > Security > Edit',
  current: 'Company > Setup > Configuration > Company > Security tab > Edit > Web Services authorizations > Add',
};

/** For profiles that offer PERMISSION_MODEL_OPTION: what only a role-based company does. */
export const ROLE_BASED: When = [{ option: 'permissionModel', in: ['role-based'] }];

export function webServicesSubscriptionStep(vendor: string): ProfileStep {
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

/** The same step whether or not the vendor names its sender, so checklists and diagnoses find it by id. */
function senderAuthorization(vendor: string): Pick<ProfileStep, 'id' | 'title' | 'pageKinds' | 'menuPath'> {
  return {
    id: 'sender-authorization',
    title: `Authorize ${vendor}’s sender ID`,
    pageKinds: ['company-security', 'sender-form'],
    menuPath: SENDER_MENU,
  };
}

/** Sender authorization for a published sender ID; the exact match matters. */
export function senderStep(vendor: string, senderId: string): ProfileStep {
  return {
    ...senderAuthorization(vendor),
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
      SENDER_STATUS_ACTIVE,
    ],
  };
}

/** Intacct's help says every web services user needs an authorized sender, even when the vendor's article does not name it. */
export function unknownSenderStep(vendor: string): ProfileStep {
  return {
    ...senderAuthorization(vendor),
    instructions: [
      `${vendor}’s published setup does not name its sender ID; ask ${vendor} for it.`,
      'Add it under Web Services authorizations exactly as given: sender IDs are case-sensitive and cannot be edited later.',
    ],
  };
}

// ---- the XML_Gateway guide --------------------------------------------------------------------------
// Emburse Spend's classic article (help.spend.emburse.com 4424760178573) and Abacus's (support.abacus.com
// 12511003141261) are one text with the product name swapped, so their profiles share these steps.

/** Card transactions are the only part of these guides that needs a charge card account. */
export const CARD_TRANSACTIONS_OPTION: ProfileOption = yesNoOption({
  id: 'cardTransactions',
  label: 'Sync corporate card transactions',
  help: 'Only then does the guide need the Charge Card module and a charge card account in Intacct.',
  default: 'yes',
});

export const XML_GATEWAY_WS_USER: WsUser = {
  userIdPattern: 'Any ID; the guide suggests starting it with XML_Gateway to mark a web services user.',
  note: 'Its only purpose is to authenticate the integration. With more than one entity, the user (or its role) must be given access to the entity.',
};

const CARD_TRANSACTIONS: When = whenYes(CARD_TRANSACTIONS_OPTION.id);

export function xmlGatewayGuideSteps(vendor: string): ProfileStep[] {
  return [
    {
      id: 'role',
      title: `Create a role for ${vendor}’s user`,
      pageKinds: ROLE_PAGES,
      menuPath: ROLE_MENU,
      instructions: [
        `Role-based companies give ${vendor}’s user its permissions through a role; the guide prescribes no role name.`,
        'Not sure which you have? Company > Company info > Global settings shows the permission type.',
      ],
      when: ROLE_BASED,
    },
    {
      id: 'ws-user',
      title: `Create the user ${vendor} signs in as`,
      pageKinds: WS_USER_PAGES,
      menuPath: WS_USER_MENU,
      instructions: [
        `Add a new user whose only purpose is to authenticate ${vendor}.`,
        'The guide suggests starting its user ID with XML_Gateway to mark it as a web services user, which also avoids paying for another user licence.',
        'With more than one entity, give the user (or its role) access to the entity it works in.',
      ],
    },
    {
      id: 'permissions',
      title: `Give ${vendor}’s user its permissions`,
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: [
        'User-based companies: open the user’s Subscriptions. Role-based companies: open the role’s Subscriptions.',
        `The guide does not publish the rights as text; ask ${vendor} which applications and rights the user needs.`,
      ],
    },
    {
      id: 'charge-card-account',
      title: 'Set up a charge card account',
      pageKinds: [],
      menuPath: { older: 'Cash Management > Charge Card Accounts' },
      instructions: [
        'Syncing corporate card transactions needs the Charge Card module in your Intacct account.',
        'In Cash Management, open Charge Card Accounts: pick an existing account or add a new one.',
      ],
      when: CARD_TRANSACTIONS,
      manual: true,
    },
  ];
}
