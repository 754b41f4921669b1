// The direction imports take between the folders of utils/ (issue #22), checked in CI by
// `npm run check:imports`. Each tier may import only from tiers below it; folders in one tier do not import
// each other. A folder that needs something from a higher tier has found something that belongs lower
// (move it down) or a handler that belongs in background/. Adding a folder means giving it a tier here;
// the README's Layout says what each folder holds.
const TIERS = [
  ['zod', 'hosts'], // root modules: the zod instance, Intacct's hosts
  ['reading'], // the one reading model: the only code that reads the DOM
  ['pages'], // page recognition
  ['page-data', 'profiles'], // what a setup page holds; integrations as data
  ['intacct', 'package'], // the XML gateway client; the integration package
  ['audit'], // audits as pure functions, the rights they saw and their history
  ['checklist', 'fill'], // checklist progress; Fill
  ['storage'], // what is kept in the browser's storage
  ['messages', 'managed', 'guide'], // the one message protocol; the organization's policy; the overlay's words
  ['export', 'frame-scripts', 'apply'], // evidence export; the loops of the scripts in Intacct's frames; Apply
  ['background'], // the background's handlers
];

/** A path pattern for a folder of utils/ or a module at its root (utils/zod.ts). */
const at = (name) => `^utils/${name}(/|\\.ts$)`;

const upward = TIERS.flatMap((tier, i) =>
  tier.map((from) => {
    const forbidden = TIERS.slice(i).flat().filter((to) => to !== from);
    return {
      name: `tier-${from}`,
      comment: `utils/${from} may import only from the tiers below it (.dependency-cruiser.cjs lists them)`,
      severity: 'error',
      from: { path: at(from) },
      to: { path: `^utils/(${forbidden.join('|')})(/|\\.ts$)` },
    };
  }),
);

const known = TIERS.flat();

// Folders that never touch the extension API (storage, runtime, downloads): everything below storage, and
// the message protocol, which both ends and the tests parse with.
const PURE = ['zod', 'hosts', 'reading', 'pages', 'page-data', 'profiles', 'intacct', 'audit', 'checklist', 'fill', 'messages', 'guide', 'export'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-untiered-folder',
      comment: 'every folder of utils/ has a tier in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^utils/', pathNot: `^utils/(${known.join('|')})(/|\\.ts$)` },
      to: {},
    },
    {
      name: 'pure-core',
      comment:
        'the core reads a Document, a string or data and never the extension API: it is unit-tested without a browser, and the browser suites load it in Node (where #imports does not exist)',
      severity: 'error',
      from: { path: `^utils/(${PURE.join('|')})(/|\\.ts$)` },
      to: { path: '^#imports$|node_modules/wxt/|^wxt/' },
    },
    {
      name: 'utils-not-to-ui',
      comment: 'utils/ is the pure core: it never imports the entry points or the React components',
      severity: 'error',
      from: { path: '^utils/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'no-circular',
      comment: 'no module imports itself through others',
      severity: 'error',
      from: { path: '^(utils|components|entrypoints)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt|tests|scripts)/' },
    // Type-only imports count: a cycle of types is still a cycle between folders.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.imports.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
