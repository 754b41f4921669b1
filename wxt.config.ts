import { defineConfig } from 'wxt';

// Intacct serves the UI from www.intacct.com and pod hosts (www-p02…), the API from api.intacct.com,
// and a getAPISession reply may name another *.intacct.com endpoint (reference §1.3).
const intacctHosts = ['https://*.intacct.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Intacct Setup Helper',
    description:
      'Guides a Sage Intacct admin through connecting Expensify, Certify and other expense tools, on the page where each step happens.',
    // downloads: the popup saves a built Customization Services package (issue #5).
    permissions: ['storage', 'scripting', 'downloads'],
    host_permissions: intacctHosts,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'intacct-setup-helper@ish.example',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
