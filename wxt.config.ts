import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { INTACCT_MATCHES, INTACCT_SHELL } from './utils/hosts';

// Intacct serves the UI from www.intacct.com and pod hosts (www-p02…), the API from api.intacct.com,
// and a getAPISession reply may name another *.intacct.com endpoint (docs/intacct.md#api-sessions).
const intacctHosts = ['https://*.intacct.com/*'];

/**
 * The extension pages (popup, report, background) run only our own bundled scripts: no eval, no remote
 * script, no plugins, no <base> rewriting. WXT writes this object for MV3 and the same string for MV2.
 * tests/unit/manifest.test.ts checks the built manifests keep it.
 */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The add-on's id on addons.mozilla.org and in Firefox policies (3rdparty → Extensions → this id). An
 * email-like id with no domain: it needs no domain we would have to own, and it can never be someone
 * else's address. It is permanent once the add-on is listed.
 */
const GECKO_ID = 'intacct-setup-helper@ish-team';

/**
 * zod runs jitless (utils/zod.ts), so its code generator never runs, but its two `Function` sites (the
 * "may I eval?" probe in core/util.js and `Doc.compile` in core/doc.js) would still ship, and Mozilla's
 * linter reports them as DANGEROUS_EVAL. Swap `Function` there for a function that throws: the probe
 * then answers "no" and nothing able to compile a string is left in the bundles. The build fails if a
 * zod upgrade adds a `Function` use this does not cover.
 */
function noZodCodegen(): Plugin {
  const refuse = '(function () { throw new EvalError("Intacct Setup Helper does not compile code at run time"); })';
  const zodFile = /[\\/]node_modules[\\/]zod[\\/].*\.[cm]?js$/;
  const functionUse = /(?<![\w$.])Function\s*[(;,)]|new\s+Function\b/;
  return {
    name: 'ish-no-zod-codegen',
    enforce: 'pre',
    transform(code, id) {
      if (!zodFile.test(id.split('?')[0] ?? '')) return null;
      const patched = code.replace(/(?<![\w$.])const F = Function;/g, `const F = ${refuse};`);
      const left = functionUse.exec(patched.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''));
      if (left) this.error(`ish-no-zod-codegen: ${id} still uses the Function constructor ("${left[0]}")`);
      return patched === code ? null : { code: patched, map: null };
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  vite: () => ({ plugins: [noZodCodegen()] }),
  // The sources zip AMO asks for (`wxt zip -b firefox`): what rebuilds the add-on, not local artifacts.
  // The store screenshots are listing material, not source.
  zip: { excludeSources: ['demo-output/**', 'evidence-output/**', 'test-results/**', 'playwright-report/**', '**/*.log', 'docs/store/screenshots/**', '.reports/**'] },
  manifest: ({ browser }) => ({
    name: 'Intacct Setup Helper',
    description:
      'Guides a Sage Intacct admin through connecting Expensify, Certify and other expense tools, on the page where each step happens.',
    // downloads: the popup saves a built Customization Services package (issue #5).
    permissions: ['storage', 'scripting', 'downloads'],
    host_permissions: intacctHosts,
    // The all-frames detector is an unlisted script (entrypoints/detector.ts) declared here rather than a WXT
    // content script, so it carries neither the polyfill nor WXT's content-script context (issue #10).
    content_scripts: [
      {
        matches: INTACCT_MATCHES,
        exclude_matches: INTACCT_SHELL,
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
        js: ['detector.js'],
      },
    ],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Chrome and Edge hand policy to storage.managed only for keys this schema declares (README,
    // "Deploy to an organization"); Firefox takes it from policies.json and has no such key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
