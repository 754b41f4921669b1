import type { IntegrationProfile } from '@/utils/profiles/schema';

/**
 * An admin's own integration whose package the extension builds (no built-in profile has one). Used by
 * the unit tests and imported as a file by tests/e2e/package.spec.ts.
 */
export function builtProfile(): IntegrationProfile {
  return {
    id: 'acme-expenses',
    name: 'Acme Expenses',
    vendor: 'Acme',
    source: { title: 'Acme’s Intacct setup notes', citation: 'written for the tests' },
    summary: 'A made-up expense tool that needs two custom fields on expense reports.',
    options: [],
    steps: [
      {
        id: 'ws-user',
        title: 'Create the web services user',
        pageKinds: ['ws-user-list', 'ws-user-form'],
        menuPath: { older: 'Company > Web Services Users > New' },
        instructions: ['Add a web services user for Acme.'],
      },
      {
        id: 'permissions',
        title: 'Give Acme its permissions',
        pageKinds: ['user-permissions', 'role-permissions'],
        menuPath: { older: 'Company > Roles > Subscriptions' },
        instructions: ['Grant General Ledger All.'],
      },
      {
        id: 'package-upload',
        title: 'Import the Acme package',
        pageKinds: ['custom-package'],
        menuPath: { older: 'Customization Services > Custom Packages > New Package' },
        instructions: ['Import the package the extension built.'],
      },
    ],
    senderIds: [{ id: 'AcmeMPP', caseSensitive: true, note: 'As Acme spells it.' }],
    subscriptions: [],
    permissions: [{ module: 'General Ledger', aliases: [], access: 'all', why: 'Acme posts journal entries.' }],
    package: {
      kind: 'built',
      name: 'Acme expense fields',
      description: 'Fields Acme fills on each expense report & its lines.',
      author: 'Acme <integrations@acme.example>',
      customFields: [
        {
          customFieldId: 'ACME_REPORT_URL',
          type: 'url',
          ownerObject: 'eexpenses',
          label: 'Acme report link',
          description: 'Opens the report in Acme.',
          dataDescription: { kind: 'url' },
        },
        {
          customFieldId: 'ACME_CATEGORY',
          type: 'picklist',
          ownerObject: 'eexpensesitem',
          label: 'Acme category',
          dataDescription: { kind: 'picklist', pickValues: ['Travel', 'Meals & drinks', 'Other'], defaultValue: 'Other', sort: true },
        },
      ],
    },
    wsUser: { userId: 'xml_acme', note: 'Any name; Acme asks for it when connecting.' },
    knownGaps: [],
  };
}
