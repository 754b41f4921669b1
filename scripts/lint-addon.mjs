// Mozilla's addons-linter (what addons.mozilla.org runs on upload) on the Firefox build.
// Prints one line per message, then a summary. Exits 1 on any error, and on any warning that is not in
// ALLOWED below; every allowed warning says why it cannot be removed (also in README "Store readiness").
//
//   node scripts/lint-addon.mjs            lint .output/firefox-mv2 as built
//   node scripts/lint-addon.mjs --build    run `wxt build -b firefox` first
//   node scripts/lint-addon.mjs --dir D    lint another unpacked build
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const dirArg = process.argv.indexOf('--dir');
const DIR = dirArg > 0 && process.argv[dirArg + 1] ? path.resolve(process.argv[dirArg + 1]) : path.join(ROOT, '.output/firefox-mv2');
const BIN = path.join(ROOT, 'node_modules/addons-linter/bin/addons-linter');

/**
 * Warnings we accept, each with the reason. `file`, `before` and `at` pin it to the code it was accepted
 * for: `before` must match the built source just before the reported line and column, `at` the source
 * starting there, so the same warning code raised by new code of ours is not covered.
 */
const ALLOWED = [
  {
    id: 'react-dom-innerhtml',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(chunks\/popup-[\w-]+\.js|content-scripts\/overlay\.js)$/,
    // The reported assignment `e.innerHTML=n` sits inside React's `case "dangerouslySetInnerHTML":` branch.
    before: /case`dangerouslySetInnerHTML`:(?![^]*case`)/,
    at: /^[\w$]+\.innerHTML=/,
    reason:
      "React DOM's own support for the dangerouslySetInnerHTML prop (two sites in react-dom-client, bundled in the popup and the overlay). " +
      'Our code never passes that prop (tests/unit/manifest.test.ts checks the sources), so the assignment never runs.',
  },
  {
    id: 'data-collection-key-before-140',
    code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    description: /data_collection_permissions/,
    reason:
      'AMO requires browser_specific_settings.gecko.data_collection_permissions (we declare "none"); Firefox before 140 ' +
      'ignores the key. We keep strict_min_version 115 so ESR 115 and 128 users can install the add-on.',
  },
  {
    id: 'data-collection-key-before-142-android',
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    description: /data_collection_permissions/,
    reason: 'The same key on Firefox for Android before 142, which ignores it.',
  },
];

const CONTEXT = 300;

/** The built source before and from the reported position (addons-linter's columns start at 1). */
function sourceAround(file, line, column) {
  if (!line) return { before: '', at: '' };
  try {
    const text = readFileSync(path.join(DIR, file), 'utf8').split('\n')[line - 1] ?? '';
    const at = Math.max(0, (column ?? 1) - 1);
    return { before: text.slice(Math.max(0, at - CONTEXT), at), at: text.slice(at, at + CONTEXT) };
  } catch {
    return { before: '', at: '' };
  }
}

function sourceMatches(allowed, message) {
  if (!allowed.before && !allowed.at) return true;
  const source = sourceAround(message.file, message.line, message.column);
  return (!allowed.before || allowed.before.test(source.before)) && (!allowed.at || allowed.at.test(source.at));
}

function allowance(message) {
  return ALLOWED.find(
    (a) =>
      a.code === message.code &&
      a.file.test(message.file ?? '') &&
      (!a.description || a.description.test(`${message.message} ${message.description ?? ''}`)) &&
      sourceMatches(a, message),
  );
}

function where(m) {
  return [m.file, m.line, m.column].filter((x) => x !== undefined && x !== null && x !== '').join(':');
}

if (process.argv.includes('--build')) {
  const built = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('lint-addon: `wxt build -b firefox` failed');
    process.exit(1);
  }
}
if (!existsSync(path.join(DIR, 'manifest.json'))) {
  console.error(`lint-addon: no ${DIR.startsWith(ROOT) ? path.relative(ROOT, DIR) : DIR}/manifest.json: run \`npx wxt build -b firefox\` (or npm run build) first`);
  process.exit(1);
}

const run = spawnSync(process.execPath, [BIN, DIR, '--output', 'json', '--boring'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`lint-addon: addons-linter gave no JSON report (exit ${run.status})`);
  console.error((run.stderr || run.stdout || '').slice(0, 2000));
  process.exit(1);
}

let failures = 0;
const used = new Set();
for (const m of report.errors ?? []) {
  failures++;
  console.log(`ERROR   ${m.code}  ${where(m)}  ${m.message}`);
}
for (const m of report.warnings ?? []) {
  const allowed = allowance(m);
  if (allowed) {
    used.add(allowed.id);
    console.log(`allowed ${m.code}  ${where(m)}  [${allowed.id}]`);
  } else {
    failures++;
    console.log(`WARNING ${m.code}  ${where(m)}  ${m.message}`);
  }
}
for (const m of report.notices ?? []) console.log(`notice  ${m.code}  ${where(m)}  ${m.message}`);

for (const id of used) {
  const a = ALLOWED.find((x) => x.id === id);
  console.log(`  [${id}] ${a?.reason}`);
}
for (const a of ALLOWED) if (!used.has(a.id)) console.log(`  (allow-list entry [${a.id}] matched nothing; remove it if it stays unused)`);

const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
console.log(`addons-linter: ${errors} errors, ${warnings} warnings (${warnings - (failures - errors)} allowed), ${notices} notices`);
if (failures > 0) {
  console.log(`lint-addon: FAILED (${failures} error${failures === 1 ? '' : 's'} or unexplained warning${failures === 1 ? '' : 's'})`);
  process.exit(1);
}
console.log('lint-addon: OK');
