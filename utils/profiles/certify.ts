import type { IntegrationProfile } from './schema';
import { PERMISSION_MODEL_OPTION, SENDER_STATUS_ACTIVE } from './common';

// Source: Emburse Certify's "Installing the Sage Intacct Connector" (seed 003; help.certify.com articles
// cited in docs/intacct.md#requirements-by-connector). Its permission grid is mostly screenshots: only
// the rows the text names are recorded, and the rest is listed in knownGaps rather than guessed.

export const CERTIFY_SENDER_IDS = ['Ajax', 'Certify'] as const;

export const CERTIFY_PROFILE: IntegrationProfile = {
  id: 'certify',
  name: 'Emburse Certify',
  vendor: 'Emburse',
  source: {
    title: 'Installing the Sage Intacct Connector (Emburse Certify Help Center)',
    citation: 'help.certify.com articles 15460283859725 and 4422998956315',
    url: 'https://help.certify.com/hc/en-us/articles/15460283859725-Installing-the-Sage-Intacct-Connector',
  },
  summary:
    'Certify’s connector is a Platform Services application that syncs users, departments and entities into Certify and posts expense reports back to Intacct, signing in as a web services user through two authorized senders.',
  options: [
    PERMISSION_MODEL_OPTION,
  ],
  steps: [
    {
      id: 'earlier-processing-date',
      title: 'Ask Certify to disable earlier processing dates',
      pageKinds: [],
      menuPath: { older: 'Outside Intacct: your Certify representative' },
      instructions: [
        'Before installing, ask your Certify representative to turn on “Disable Earlier Processing Date” for your Certify account.',
        'It keeps expense reports from being posted with a date in the past.',
        'Ask them for the connector’s XML package at the same time; the install step needs it.',
        'In Certify, generate a Certify API key and secret: registering the connector asks for both.',
      ],
      manual: true,
    },
    {
      id: 'platform-services',
      title: 'Subscribe to Platform Services and Web Services',
      pageKinds: ['company-subscriptions'],
      menuPath: { older: 'Company > Subscriptions', current: 'Company > Admin > Subscriptions' },
      instructions: [
        'The connector needs both the Platform Services and the Web Services subscriptions.',
        'In the newer Subscriptions page, Web Services sits near the bottom of the Applications tab.',
        // Customization Services is only listed while Platform Services is off, and only Sage support enables
        // it (docs/intacct.md#subscriptions).
        'If the page offers Customization Services rather than Platform Services, Platform Services is not on yet; Sage support enables it.',
        'The connector reads and writes through Intacct’s API, and its calls grow with your data: check that your Intacct level of service covers its volume and that of your other web services integrations.',
      ],
    },
    {
      id: 'app-install',
      title: 'Install the Certify application from XML',
      pageKinds: ['platform-app-install'],
      menuPath: {
        older: 'Platform Services > Applications > Install From XML',
        current: 'Platform Services > Platform tools > Install application',
      },
      instructions: [
        'Get the connector’s XML package from your Certify representative.',
        'In Platform Services, open Applications, choose Install From XML and select the package; Intacct installs the application.',
        'Platform Services features need Admin privileges Full on your own login.',
        'To update it later, open the application in Platform Services, choose Edit, make the change and Save, then register again.',
      ],
    },
    {
      id: 'registration',
      title: 'Register the Emburse Certify application',
      pageKinds: [],
      menuPath: { older: 'Emburse Certify application menu > Registration' },
      instructions: [
        'Open the Emburse Certify application menu in Intacct, choose Registration, then click Register.',
        'Have the Certify API key and secret at hand: registration needs both.',
        'Skipping it can leave the connector partly working or make its scheduled runs fail.',
        'Register again after every update of the application.',
        'No Emburse Certify menu? Your login may lack the application’s permissions (see the permissions step); sign out and back in after granting them.',
      ],
      manual: true,
    },
    {
      id: 'ws-user',
      title: 'Create the web services user',
      pageKinds: ['ws-user-list', 'ws-user-form'],
      menuPath: {
        older: 'Company > Web Services users > Add',
        current: 'Company > Admin > Users, roles, and groups > Web Services users > Add',
      },
      instructions: [
        'Add a web services user for the connector, fill in its details and save.',
        'Use a real, monitored email address: Intacct sends the new user’s password there.',
      ],
      fields: [
        {
          id: 'ws-email',
          pageKind: 'ws-user-form',
          labels: ['Email address', 'Account email address'],
          subject: 'Email address',
          expect: { kind: 'email' },
          fix: 'Enter a valid email address that someone reads; the password is sent to it.',
        },
      ],
    },
    {
      id: 'permissions',
      title: 'Set the connector’s permissions',
      pageKinds: ['user-subscriptions', 'user-permissions', 'role-subscriptions', 'role-permissions'],
      menuPath: {
        older: 'User-based: Company > Admin tab > Users > Subscriptions. Role-based: Company > Admin tab > Roles',
        current:
          'User-based: Company > Admin > Users, roles, and groups > Web Services users > Subscriptions. Role-based: Company > Admin > Users, roles, and groups > Roles',
      },
      instructions: [
        'Permissions are granted per application as List, View, Add, Edit and Delete rights.',
        'User-based companies: open the user’s Subscriptions, find Emburse Certify and open its Permissions page. Role-based companies: open the role and its Emburse Certify permissions.',
        'Accounts Payable needs at least Vendor Types List and View, Tax Detail List and View, plus a row the guide shows with List, View and Edit.',
        'Cash Management needs at least Credit Card Transactions List, View, Add and Edit.',
        'The Emburse Certify application’s own rights and several other rows appear only in the guide’s screenshots; ask your Certify representative for the full grid.',
        'Save, then sign out and back in if the new menus do not appear.',
      ],
    },
    {
      id: 'sender-authorization',
      title: 'Authorize the Ajax and Certify sender IDs',
      pageKinds: ['company-security', 'sender-form'],
      menuPath: {
        older: 'Company > Setup > Company > Security tab',
        current: 'Company > Setup > Configuration > Company > Security tab > Edit > Web Services authorizations > Add',
      },
      instructions: [
        'Open the Security tab of the company setup.',
        'In Web Services authorizations, add the sender ID Ajax with the description Scripts and save. Certify’s configuration page makes its scripted calls through it.',
        'Add a second sender: ID Certify, description Certify Integration, and save.',
        'Type both IDs exactly as shown: sender IDs are case-sensitive and cannot be edited later.',
      ],
      fields: [
        {
          id: 'sender-id',
          pageKind: 'sender-form',
          labels: ['Sender ID'],
          subject: 'Sender ID',
          expect: { kind: 'oneOf', values: [...CERTIFY_SENDER_IDS], caseSensitive: true },
          fix: 'Enter Ajax or Certify exactly as the Certify guide writes them.',
        },
        SENDER_STATUS_ACTIVE,
      ],
    },
  ],
  senderIds: [
    {
      id: 'Ajax',
      description: 'Scripts',
      caseSensitive: true,
      note: 'Used by Certify’s configuration page for its scripted calls. The guide writes “Ajax”, while Intacct’s help names the AJAX gateway sender “ajax”.',
    },
    {
      id: 'Certify',
      description: 'Certify Integration',
      caseSensitive: true,
      note: 'The connector’s own sender ID.',
    },
  ],
  subscriptions: [
    { name: 'Platform Services', why: 'The connector is a Platform Services application installed from XML.' },
    {
      name: 'Web Services',
      why: 'The connector talks to Intacct through web services; your Intacct level of service must cover the volume of API calls it makes.',
    },
  ],
  permissions: [
    {
      module: 'Emburse Certify',
      aliases: [],
      access: 'custom',
      why: 'The guide has the installed application’s permissions set, but shows them only in a screenshot.',
    },
    {
      module: 'Accounts Payable',
      aliases: [],
      access: 'custom',
      objects: [
        // The text keeps this row's rights but its name is in the screenshot only.
        { name: 'Unnamed row (List, View, Edit)', rights: ['List', 'View', 'Edit'], nameKnown: false },
        { name: 'Vendor Types', rights: ['List', 'View'] },
        { name: 'Tax Detail', rights: ['List', 'View'] },
      ],
      why: 'Minimum the guide lists for the web services user.',
    },
    {
      module: 'Cash Management',
      aliases: [],
      access: 'custom',
      objects: [{ name: 'Credit Card Transactions', rights: ['List', 'View', 'Add', 'Edit'] }],
      why: 'Minimum the guide lists for the web services user.',
    },
  ],
  // The guide's grid survives only as screenshots (see knownGaps), and the connector syncs users,
  // departments and entities, so unlisted modules and rights may be needed: never call them excess.
  permissionsComplete: false,
  package: {
    kind: 'vendor-sends',
    note: 'The connector’s XML package comes from your Certify representative; it is installed with Install From XML, not as a custom package.',
  },
  wsUser: {
    note: 'The guide prescribes no user ID, user type or admin level; it requires a valid email address because the password is emailed.',
  },
  knownGaps: [
    'The Emburse Certify application’s own permission rights are only in a screenshot.',
    'In the permission grid, one Accounts Payable row (List, View, Edit) and one further row (List, View, Add, Edit) appear without an object name.',
    'After Credit Card Transactions the grid lists four more rows (three unnamed with List, View; one Tax Detail with List, View) whose application headings are missing; they are not recorded.',
    'No user ID, user type or admin privileges are prescribed for the web services user.',
    'How many API calls the connector makes, and which Intacct level of service is enough, is not stated: it depends on your data volume.',
    'Where in Certify the API key and secret are generated is not described in the guide.',
    'The guide writes the scripts sender as “Ajax”; Intacct’s help calls the AJAX gateway sender “ajax”. Sender IDs are case-sensitive, so confirm the spelling with Certify if authorization fails.',
    'A connector summary mentions a “Certify Integration” role, but the guide text uses that phrase only as the Certify sender’s description; no role name is prescribed.',
  ],
};
