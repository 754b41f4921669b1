import { describe, expect, it } from 'vitest';
import { detectPage, scorePage } from '@/utils/pages/detect';
import { RECOGNIZED } from '@/utils/pages/detector';
import { PAGE_KINDS } from '@/utils/pages/kinds';
import { FIXTURE_PAGES, POD_HOST } from '../../fixtures/intacct/catalog';
import { MANGLERS, fixtureHtml, fixtureUrl, parseHtml } from './load-fixture';

const setupPages = FIXTURE_PAGES.filter((p) => p.kind);
const negatives = FIXTURE_PAGES.filter((p) => !p.kind);

describe('detectPage on the demo Intacct', () => {
  it('has a fixture for each of the 16 page kinds', () => {
    expect(new Set(setupPages.map((p) => p.kind))).toEqual(new Set(PAGE_KINDS));
  });

  for (const page of setupPages) {
    it(`recognizes ${page.label} as ${page.kind}`, () => {
      expect(detectPage(parseHtml(fixtureHtml(page.name)), fixtureUrl(page))).toBe(page.kind);
    });

    it(`recognizes ${page.label} without a single winner by chance`, () => {
      const scores = Object.values(scorePage(parseHtml(fixtureHtml(page.name)), fixtureUrl(page))).sort((a, b) => b - a);
      // The runner-up must be clearly behind, or a small change in the page would flip the answer.
      expect((scores[0] ?? 0) - (scores[1] ?? 0)).toBeGreaterThanOrEqual(1);
    });

    for (const [how, mangle] of Object.entries(MANGLERS)) {
      it(`still recognizes ${page.label} with ${how}`, () => {
        const doc = parseHtml(fixtureHtml(page.name));
        mangle(doc);
        expect(detectPage(doc, fixtureUrl(page))).toBe(page.kind);
      });
    }

    it(`recognizes ${page.label} on an unfamiliar URL (signals come from the page itself)`, () => {
      expect(detectPage(parseHtml(fixtureHtml(page.name)), `${POD_HOST}/ia/acct/unknown.phtml?.op=99999`)).toBe(page.kind);
    });
  }

  for (const page of negatives) {
    it(`ignores ${page.label}`, () => {
      expect(detectPage(parseHtml(fixtureHtml(page.name)), fixtureUrl(page))).toBeNull();
    });
    for (const [how, mangle] of Object.entries(MANGLERS)) {
      it(`ignores ${page.label} with ${how}`, () => {
        const doc = parseHtml(fixtureHtml(page.name));
        mangle(doc);
        expect(detectPage(doc, fixtureUrl(page))).toBeNull();
      });
    }
  }

  it('ignores the frameset shell although its menu names every setup page', () => {
    const shell = fixtureHtml('../shell').replace('{{IAMAIN_SRC}}', 'about:blank');
    expect(detectPage(parseHtml(shell), `${POD_HOST}/ia/acct/frameset.phtml?.sess=x`)).toBeNull();
  });

  it('tells a regular user form from a Web Services user form', () => {
    // The same fields; nothing on the page says "Web Services" (not its name, breadcrumb or notes).
    const html = fixtureHtml('ws-user-form').replace(/Web Services /gi, '');
    expect(detectPage(parseHtml(html), `${POD_HOST}/ia/acct/editor.phtml?.it=userinfo`)).toBeNull();
    // A section titled "User information" never vetoes a page that says it is a Web Services user's.
    const sectioned = fixtureHtml('ws-user-form').replace('<h1 class="pagetitle">', '<h1 class="pagetitle">Web Services user information</h1><h2>User information</h2><h3 hidden>');
    expect(detectPage(parseHtml(sectioned), `${POD_HOST}/ia/acct/editor.phtml?.it=userinfo`)).toBe('ws-user-form');
  });

  it('never throws, whatever the document or URL', () => {
    const odd = [
      parseHtml(''),
      parseHtml('<frameset><frame src="x"></frameset>'),
      parseHtml('<h1>' + 'Roles '.repeat(5000) + '</h1>'),
      parseHtml('<table><tr><th>List</th><th>View</th></tr></table>'.repeat(200)),
    ];
    for (const doc of odd) {
      for (const url of ['not a url', '', 'about:blank', `${POD_HOST}/ia/acct/lister.phtml`]) {
        expect(() => detectPage(doc, url)).not.toThrow();
        expect(detectPage(doc, url)).toBeNull();
      }
    }
    expect(detectPage(null as unknown as Document, 'x')).toBeNull();
  });

  it('needs two signals: a heading alone does not make a setup page', () => {
    expect(detectPage(parseHtml('<h1>Roles</h1>'), `${POD_HOST}/ia/acct/dashboard.phtml`)).toBeNull();
    expect(RECOGNIZED).toBeGreaterThan(2);
  });
});
