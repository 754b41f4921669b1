import type { IntegrationProfile } from '../schema';
import { PERMISSION_PAGES, PERMISSIONS_MENU, SUBSCRIPTIONS_MENU, unknownSenderStep } from './steps';

// Tallie signs in with the admin's Intacct Console credentials rather than a web services user, and reaches
// into Intacct through a package of Smart Links and Smart Events that its own app builds and offers for
// download once connected.

export const TALLIE_PROFILE: IntegrationProfile = {
  id: 'tallie',
  name: 'Tallie',
  vendor: 'Tallie',
  source: {
    title: 'Integrating Intacct Multi-Entity and Tallie (Tallie Help Center)',
    citation: 'help.tallie.com 360052761632',
    url: 'https://help.tallie.com/hc/en-us/articles/360052761632-Integrating-Intacct-Multi-Entity-and-Tallie',
  },
  summary:
    'Tallie connects with your Intacct Console credentials and installs a package of Smart Links and Smart Events, so the company needs Platform Services or Customization Services.',
  options: [],
  steps: [
    {
      id: 'customization-services',
      title: 'Have Platform Services or Customization Services',
      pageKinds: ['company-subscriptions'],
      menuPath: SUBSCRIPTIONS_MENU,
      instructions: [
        'Tallie’s package needs a subscription to Platform Services or Customization Services; either will do.',
        'Tallie also lists an Enterprise package among its requirements, without saying more.',
      ],
    },
    {
      id: 'permissions',
      title: 'Give the connecting user Platform Services access',
      pageKinds: PERMISSION_PAGES,
      menuPath: PERMISSIONS_MENU,
      instructions: [
        'The user Tallie connects as must be allowed to access and edit Platform Services, and to edit all fields.',
        'Tallie names no rights beyond that; ask Tallie if the sync reports a permission error.',
      ],
    },
    unknownSenderStep('Tallie'),
    {
      id: 'connect',
      title: 'Connect Tallie with your Console credentials',
      pageKinds: [],
      menuPath: { older: 'In Tallie: Settings > Integration & Sync > Sync Settings' },
      instructions: [
        'In Tallie, open Settings > Integration & Sync > Sync Settings and choose Intacct as the accounting software.',
        'Enter your Intacct Console sign-in credentials and click Connect.',
        'With a distributed account, pick the entity or client from the list and click Connect again.',
        'Click Start Sync; a full sync can take 20 minutes.',
      ],
      manual: true,
    },
    {
      id: 'package-download',
      title: 'Download the Tallie package',
      pageKinds: [],
      menuPath: { older: 'In Tallie: Settings > Integration & Sync > Sync Settings > Download Intacct Package' },
      instructions: [
        'While Tallie syncs, refresh its Sync Settings page and click Download Intacct Package.',
        'Only save the file for now; it is uploaded to Intacct in the next step.',
      ],
      manual: true,
    },
    {
      id: 'package-upload',
      title: 'Upload the package to Intacct',
      pageKinds: ['custom-package'],
      menuPath: { older: 'Platform Services (or Customization Services) > Packages > New Package' },
      instructions: [
        'In Intacct, open Platform Services (or Customization Services) and select Packages.',
        'Click New Package, then Choose File and select the package Tallie gave you.',
      ],
    },
  ],
  senderIds: [],
  subscriptions: [
    {
      name: 'Customization Services',
      alternatives: ['Platform Services'],
      why: 'Tallie’s package of Smart Links and Smart Events needs Platform Services or Customization Services.',
    },
  ],
  permissions: [
    {
      module: 'Platform Services',
      aliases: [],
      access: 'custom',
      why: 'Tallie’s article: the user must have permission to access and edit Platform Services; it names no rights.',
    },
  ],
  // Access to Platform Services is the only right Tallie names, and “edit all fields” is not a list.
  permissionsComplete: false,
  package: {
    kind: 'vendor-sends',
    note: 'Tallie offers its Intacct package on its Sync Settings page (Download Intacct Package) once it is connected; import it under Platform Services (or Customization Services) > Packages > New Package.',
  },
  wsUser: {
    note: 'Tallie connects with your Intacct Console sign-in credentials; its article asks for no web services user.',
  },
  knownGaps: [
    'The sender ID, if Tallie needs one authorized, is not stated.',
    'Which rights “access and edit Platform Services” and “edit all fields” mean is not stated.',
    'Whether “Enterprise package” is a Tallie plan or an Intacct edition is not stated.',
    'What “All necessary Users must be added in Intacct Sync” asks of Intacct is not explained.',
    'Whether the Web Services subscription must be switched on is not stated.',
  ],
};
