import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_CHART_PATH, FIXTURE_PAGES, POD_HOST, SHELL_PATH } from '../fixtures/intacct/catalog';
import { pageUrl, resolveFixture, shellUrl } from '../fixtures/intacct/router';

const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/intacct');
const HTML = 'text/html; charset=utf-8';

function fileOf(name: string): string {
  return readFileSync(join(FIXTURE_DIR, 'pages', `${name}.html`), 'utf8');
}

// happy-dom tries (and fails, noisily) to load every parsed iframe; renamed, the frames stay inert.
const INERT_IFRAME = 'inert-iframe';

function parse(body: string): Document {
  const inert = body.replace(/<(\/?)iframe\b/gi, `<$1${INERT_IFRAME}`);
  return new DOMParser().parseFromString(inert, 'text/html');
}

function iamainSrc(body: string): string | null {
  return parse(body).querySelector(`${INERT_IFRAME}#iamain`)?.getAttribute('src') ?? null;
}

function withSess(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}.sess=demo`;
}

describe('demo Intacct router', () => {
  for (const page of FIXTURE_PAGES) {
    it(`serves ${page.name} on its catalog path`, () => {
      const reply = resolveFixture(pageUrl(page.name));
      expect(reply.status).toBe(200);
      expect(reply.contentType).toBe(HTML);
      expect(reply.body).toBe(fileOf(page.name));
      expect(resolveFixture(`${POD_HOST}${page.path}`).body).toBe(reply.body);
    });
  }

  it('builds page and shell URLs on the pod host', () => {
    expect(pageUrl('ws-user-list')).toBe(`${POD_HOST}/ia/acct/lister.phtml?.op=3810&.it=webuser&.sess=demo`);
    expect(pageUrl('login')).toBe(`${POD_HOST}/ia/acct/login.phtml?.sess=demo`);
    expect(shellUrl('role-list')).toBe(`${POD_HOST}${SHELL_PATH}?.sess=demo&.cc=DEMOCO&ish_page=role-list`);
    expect(() => pageUrl('no-such-page')).toThrow();
  });

  it('ignores .sess and .cc and the order of query keys', () => {
    const expected = fileOf('role-subscriptions');
    const urls = [
      `${POD_HOST}/ia/acct/editor.phtml?.sess=abc123&.r=Expensify&.it=rolesubscription&.op=3822`,
      `${POD_HOST}/ia/acct/editor.phtml?.r=Expensify&.cc=DEMOCO&.op=3822&.sess=x..y&.it=rolesubscription`,
      `https://acme.intacct.com/ia/acct/editor.phtml?.it=rolesubscription&.op=3822&.r=Expensify`,
      `https://www.intacct.com/ia/acct/editor.phtml?.op=3822&.it=rolesubscription&.r=Expensify#top`,
    ];
    for (const url of urls) {
      const reply = resolveFixture(url);
      expect(reply.status, url).toBe(200);
      expect(reply.body).toBe(expected);
    }
  });

  it('matches the remaining query exactly', () => {
    const base = `${POD_HOST}/ia/acct/editor.phtml`;
    for (const query of [
      '?.op=3822&.it=rolesubscription',
      '?.op=3822&.it=rolesubscription&.r=Expensify&.extra=1',
      '?.op=3822&.it=rolesubscription&.r=expensify',
      '',
    ]) {
      expect(resolveFixture(base + query).status, query).toBe(404);
    }
  });

  it('serves the shell with the requested page in iframe#iamain', () => {
    for (const page of FIXTURE_PAGES) {
      const reply = resolveFixture(shellUrl(page.name));
      expect(reply.status).toBe(200);
      expect(reply.contentType).toBe(HTML);
      expect(reply.body).not.toContain('{{');
      expect(iamainSrc(reply.body)).toBe(withSess(page.path));
    }
  });

  it('falls back to the dashboard in the shell', () => {
    const dashboard = FIXTURE_PAGES.find((p) => p.name === 'dashboard');
    expect(dashboard).toBeDefined();
    const expected = withSess(dashboard?.path ?? '');
    expect(iamainSrc(resolveFixture(`${POD_HOST}${SHELL_PATH}?.sess=demo&.cc=DEMOCO`).body)).toBe(expected);
    expect(iamainSrc(resolveFixture(shellUrl('no-such-page')).body)).toBe(expected);
  });

  it('links every in-frame setup page from the shell menu into iamain', () => {
    const doc = parse(resolveFixture(shellUrl('dashboard')).body);
    expect(doc.title).toBe('Sage Intacct');
    expect(doc.querySelector('h1')).toBeNull();
    expect(doc.querySelectorAll('label, input, select, textarea')).toHaveLength(0);
    // As Intacct's real menu (docs/intacct.md#frames-and-the-menu): an element of class
    // qx-siamenu-main whose links are relative to /ia/acct/ and carry the session.
    const links = Array.from(doc.querySelectorAll('.qx-siamenu-main a[target="iamain"]'), (a) => a.getAttribute('href') ?? '');
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^[a-z_]+\.phtml\?.*\.sess=demo$/i);
    const paths = new Set(links.map((href) => new URL(href, `${POD_HOST}/ia/acct/frameset.phtml`)).map((u) => `${u.pathname}?${[...u.searchParams].filter(([k]) => k !== '.sess').map(([k, v]) => `${k}=${v}`).join('&')}`));
    for (const page of FIXTURE_PAGES.filter((p) => p.kind && !p.ownWindow)) {
      expect(paths.has(page.path), page.name).toBe(true);
    }
  });

  it('serves the dashboard chart frame the dashboard embeds', () => {
    const reply = resolveFixture(`${POD_HOST}${withSess(DASHBOARD_CHART_PATH)}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(fileOf('dashchart'));
    const frame = parse(fileOf('dashboard')).querySelector(INERT_IFRAME);
    expect(frame?.getAttribute('src')).toBe(withSess(DASHBOARD_CHART_PATH));
  });

  it('answers 404 for unknown paths, the XML gateway and other hosts', () => {
    for (const url of [
      `${POD_HOST}/ia/acct/unknown.phtml?.op=1`,
      `${POD_HOST}/ia/xml/xmlgw.phtml`,
      `${POD_HOST}/`,
      'https://example.com/ia/acct/login.phtml',
      'https://notintacct.com/ia/acct/login.phtml',
      'https://www.intacct.com.evil.example/ia/acct/login.phtml',
      'not a url',
    ]) {
      const reply = resolveFixture(url);
      expect(reply.status, url).toBe(404);
      expect(reply.contentType).toBe(HTML);
      expect(reply.body).toContain('Page not found (demo Intacct)');
    }
    expect(resolveFixture(`${POD_HOST}/ia/acct/<script>x</script>`).body).not.toContain('<script>');
  });
});

describe('demo Intacct pages', () => {
  const names = [...FIXTURE_PAGES.map((p) => p.name), 'dashchart'];

  for (const name of names) {
    it(`${name} is a page the demo serves whole, with consistent labels`, () => {
      const body = fileOf(name);
      const doc = parse(body);
      expect(doc.title.startsWith('Sage Intacct - ')).toBe(true);
      // Nothing from outside the demo Intacct: it runs on a closed network. Stylesheets are the demo's own.
      expect(body).not.toMatch(/<img\b|\bsrc="https?:|url\(|href="https?:/i);
      for (const link of Array.from(doc.querySelectorAll('link[rel="stylesheet"]'))) {
        expect(resolveFixture(`${POD_HOST}${link.getAttribute('href')}`).status, link.getAttribute('href') ?? '').toBe(200);
      }
      const ids = Array.from(doc.querySelectorAll('[id]'), (el) => el.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
        expect(doc.getElementById(label.getAttribute('for') ?? ''), label.textContent ?? '').not.toBeNull();
      }
    });
  }

  for (const page of FIXTURE_PAGES.filter((p) => p.kind)) {
    it(`${page.name} has one h1 that its title repeats`, () => {
      const doc = parse(fileOf(page.name));
      const h1 = doc.querySelectorAll('h1');
      expect(h1).toHaveLength(1);
      expect(doc.title).toBe(`Sage Intacct - ${h1[0]?.textContent?.trim()}`);
    });
  }
});
