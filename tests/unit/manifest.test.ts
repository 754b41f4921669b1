import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Store readiness: what the BUILT extension asks for and ships (README "Store readiness").
 * Reads .output/chrome-mv3 and .output/firefox-mv2; `npm run build` writes both.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILDS = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv2' } as const;
type Build = keyof typeof BUILDS;

const INTACCT = 'https://*.intacct.com/*';
/** Content scripts run on Intacct's application pages only, not its help or marketing pages. */
const INTACCT_APP_PAGES = 'https://*.intacct.com/ia/acct/*';
const API_PERMISSIONS = new Set(['storage', 'downloads', 'scripting']);
/** Never, anywhere in the manifest (also not as optional permissions). */
const FORBIDDEN = ['<all_urls>', 'tabs', 'webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'nativeMessaging', 'debugger', 'cookies', 'history', 'management', 'proxy', 'clipboardRead'];

/**
 * Every absolute URL a built script may contain, by host, and why it is there. None is loaded as code:
 * a new host fails the test until someone looks at it and adds it here.
 */
const URL_HOSTS: Record<string, string> = {
  'www.w3.org': 'XML, SVG, MathML and XLink namespace names (React DOM, the XML builder)',
  'react.dev': "links in React's production error messages",
  'json-schema.org': "$schema ids in zod's JSON Schema export (never fetched)",
  'github.com': "a link in WXT storage's error message; Fyle's profile sources (its public repositories), written in exported audits",
  'wxt.dev': "a link in WXT storage's error message",
  'developer.mozilla.org': "a link in WXT's shadow-root error message",
  '*.intacct.com': 'the host match pattern of the detector and the overlay',
  '….intacct.com': 'text of the error shown when a gateway URL is not on intacct.com',
  'api.intacct.com': 'the XML gateway endpoint the connection test POSTs to (data, not code)',
  'www.expensify.com': "the link the popup shows to Expensify's package download page (opened by the admin)",
  // Text in exported evidence: where each vendor publishes its requirements, where Intacct corroborates an audit.
  'help.expensify.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'help.certify.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'support.ramp.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'www.brex.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'help.getdivvy.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'docs.expensein.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'gorillaexpense.freshdesk.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'help.spend.emburse.com': "the profile's source URLs, written in exported audits (text, never fetched)",
  'databasics.atlassian.net': "the profile's source URL, written in exported audits (text, never fetched)",
  'help.tallie.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'support.abacus.com': "the profile's source URL, written in exported audits (text, never fetched)",
  'www.intacct.com': "Intacct help pages (API Usage Detail, Audit Trail) named in exported audits (text, never fetched)",
  '[${e}]': "zod's IPv6 check builds a URL from the address it validates",
};

function buildDir(build: Build): string {
  const dir = path.join(ROOT, BUILDS[build]);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${BUILDS[build]}/manifest.json is missing: run npm run build first (it builds both browsers)`);
  }
  return dir;
}

function manifestOf(build: Build): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(buildDir(build), 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

function filesOf(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && ext.test(entry.name)) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isHostPattern(permission: string): boolean {
  return permission.includes('://') || permission === '<all_urls>';
}

/** Each directive's sources, e.g. { 'script-src': ["'self'"] }. */
function parseCsp(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

function expectStrictCsp(csp: unknown): void {
  expect(typeof csp, 'an explicit extension-page CSP (wxt.config.ts EXTENSION_PAGES_CSP)').toBe('string');
  const directives = parseCsp(csp as string);
  expect(directives['script-src'], 'script-src').toEqual(["'self'"]);
  const object = directives['object-src'] ?? directives['default-src'];
  expect(object, 'object-src').toBeDefined();
  for (const source of object ?? []) expect(["'self'", "'none'"]).toContain(source);
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/);
}

function expectIntacctContentScripts(manifest: Record<string, unknown>): void {
  const scripts = (manifest.content_scripts ?? []) as Array<{ matches?: unknown; exclude_matches?: unknown }>;
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(strings(script.matches)).toEqual([INTACCT_APP_PAGES]);
}

function expectNothingForbidden(manifest: Record<string, unknown>): void {
  const everyPermission = [
    ...strings(manifest.permissions),
    ...strings(manifest.optional_permissions),
    ...strings(manifest.host_permissions),
    ...strings(manifest.optional_host_permissions),
  ];
  for (const word of FORBIDDEN) expect(everyPermission, word).not.toContain(word);
  const text = JSON.stringify(manifest);
  expect(text).not.toContain('<all_urls>');
  expect(text).not.toMatch(/"(\*|https?):\/\/\*\/\*"/);
  // Nothing of ours is exposed to web pages or other extensions.
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.optional_host_permissions).toBeUndefined();
}

describe('the built Chrome manifest (MV3)', () => {
  it('asks only for storage, downloads and scripting, on Intacct only', () => {
    const manifest = manifestOf('chrome');
    expect(manifest.manifest_version).toBe(3);
    for (const p of strings(manifest.permissions)) expect(API_PERMISSIONS, p).toContain(p);
    expect(manifest.host_permissions).toEqual([INTACCT]);
    expectIntacctContentScripts(manifest);
    expectNothingForbidden(manifest);
  });

  it('sets a strict CSP for its pages', () => {
    const csp = manifestOf('chrome').content_security_policy as { extension_pages?: unknown; sandbox?: unknown } | undefined;
    expectStrictCsp(csp?.extension_pages);
    expect(csp?.sandbox).toBeUndefined();
  });
});

describe('the built Firefox manifest (MV2)', () => {
  it('asks only for storage, downloads and scripting, on Intacct only', () => {
    const manifest = manifestOf('firefox');
    expect(manifest.manifest_version).toBe(2);
    const permissions = strings(manifest.permissions);
    for (const p of permissions.filter((x) => !isHostPattern(x))) expect(API_PERMISSIONS, p).toContain(p);
    expect(permissions.filter(isHostPattern)).toEqual([INTACCT]);
    expectIntacctContentScripts(manifest);
    expectNothingForbidden(manifest);
  });

  it('sets a strict CSP for its pages, in the MV2 string form', () => {
    expectStrictCsp(manifestOf('firefox').content_security_policy);
  });

  it('names its add-on id and declares it collects no data', () => {
    const gecko = (manifestOf('firefox').browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    // A placeholder id would be permanent once listed on AMO, and policies name the add-on by it.
    expect(gecko?.id).not.toMatch(/\.(example|invalid|test|localhost)$/);
    expect(gecko?.id).toBe('intacct-setup-helper@ish-team');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe.each(Object.keys(BUILDS) as Build[])('the built %s extension runs no remote or generated code', (build) => {
  const read = (file: string): string => readFileSync(file, 'utf8');
  const where = (file: string): string => path.relative(ROOT, file);

  it('has no eval, Function constructor or string timer in any script', () => {
    const dir = buildDir(build);
    const found: string[] = [];
    const patterns: Array<[string, RegExp]> = [
      ['eval(', /(?<![\w$])eval\s*\(/],
      ['new Function', /new\s+Function\s*\(/],
      ['Function(…)', /(?<![\w$.])Function\s*\(/],
      ['Function alias', /[=(,:]\s*Function\s*[,;)}]/],
      ['string timer', /\bset(?:Timeout|Interval)\(\s*[`'"]/],
    ];
    for (const file of filesOf(dir, /\.m?js$/)) {
      const text = read(file);
      for (const [name, pattern] of patterns) {
        const m = pattern.exec(text);
        if (m) found.push(`${where(file)}: ${name} near "${text.slice(Math.max(0, m.index - 60), m.index + 60)}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('loads scripts only from the package', () => {
    const dir = buildDir(build);
    const problems: string[] = [];
    for (const file of filesOf(dir, /\.html$/)) {
      for (const m of read(file).matchAll(/<script\b([^>]*)>/gi)) {
        const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[1] ?? '')?.[1];
        if (!src) problems.push(`${where(file)}: inline <script>`);
        else if (!/^\.?\/(?!\/)/.test(src)) problems.push(`${where(file)}: <script src="${src}">`);
      }
    }
    for (const file of filesOf(dir, /\.m?js$/)) {
      const text = read(file);
      if (/\bimportScripts\s*\(/.test(text)) problems.push(`${where(file)}: importScripts`);
      if (/\bimport\s*\(\s*[`'"](?:https?:)?\/\//.test(text)) problems.push(`${where(file)}: import() of a URL`);
      for (const m of text.matchAll(/https?:\/\/([^/`"'\s<>)\\]*)/g)) {
        const host = m[1] ?? '';
        if (!(host in URL_HOSTS)) problems.push(`${where(file)}: unexplained URL host "${host}" in "${text.slice(Math.max(0, m.index - 60), m.index + 80)}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('our sources', () => {
  const sources = ['entrypoints', 'components', 'utils'].flatMap((d) => filesOf(path.join(ROOT, d), /\.(ts|tsx|html)$/));

  it('never write HTML from strings or evaluate code', () => {
    const problems: string[] = [];
    const patterns: Array<[string, RegExp]> = [
      ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
      ['innerHTML/outerHTML assignment', /\.(?:inner|outer)HTML\s*\+?=/],
      ['insertAdjacentHTML', /insertAdjacentHTML/],
      ['document.write', /document\.write(?:ln)?\s*\(/],
      ['eval(', /(?<![\w$.])eval\s*\(/],
      ['new Function', /new\s+Function\s*\(/],
    ];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [name, pattern] of patterns) if (pattern.test(text)) problems.push(`${path.relative(ROOT, file)}: ${name}`);
    }
    expect(problems).toEqual([]);
  });

  it('show the exported report only in a frame that runs no script', () => {
    const html = readFileSync(path.join(ROOT, 'entrypoints/report/index.html'), 'utf8');
    const sandbox = /<iframe\b[^>]*\bsandbox="([^"]*)"/.exec(html)?.[1];
    expect(sandbox).toBeDefined();
    expect(sandbox).not.toMatch(/allow-scripts/);
  });

  it('use zod only through utils/zod.ts, which turns its code generator off', () => {
    expect(readFileSync(path.join(ROOT, 'utils/zod.ts'), 'utf8')).toMatch(/z\.config\(\{\s*jitless:\s*true\s*\}\)/);
    const direct = sources.filter((f) => !f.endsWith(path.join('utils', 'zod.ts')) && /from\s+['"]zod(?:\/[^'"]*)?['"]/.test(readFileSync(f, 'utf8')));
    expect(direct.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
