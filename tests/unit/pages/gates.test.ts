import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllRounds } from '../../fixtures/intacct/blind/cases';
import { detectPage } from '@/utils/pages/detect';
import { mightBeSetupPage } from '@/utils/pages/first-look';
import { snapshotPage } from '@/utils/pages/structure-snapshot';
import { FIXTURE_PAGES, POD_HOST } from '../../fixtures/intacct/catalog';
import { HOSTILE_PAGES, hostileHtml } from '../../fixtures/intacct/hostile/catalog';
import { snapshotToHtml, snapshotUrl } from '../../fixtures/intacct/snapshot-fixture';
import { ORDINARY_CONTENTS, PAGE_CONTENTS } from '../../fixtures/intacct/variants/pages';
import { STYLES, renderVariant } from '../../fixtures/intacct/variants/render';
import { MANGLERS, fixtureHtml, fixtureUrl, parseHtml } from './load-fixture';

/*
 * The first look (issue #10) may only rule a page out where the full read could not recognize it: it must
 * say yes wherever a detector recognizes the page. Checked on every demo page, its mangled copies, every
 * markup style, every snapshot rebuild and the hostile pages, on their own URL and on one that says nothing.
 */
function gateMisses(html: string, url: string): string[] {
  const misses: string[] = [];
  for (const u of [url, `${POD_HOST}/ia/acct/unknown.phtml?.op=1`]) {
    const kind = detectPage(parseHtml(html), u);
    if (kind && !mightBeSetupPage(parseHtml(html), u)) misses.push(`${kind} on ${u}: the first look`);
  }
  return misses;
}

describe('the cheap first read never rules out a page the full read recognizes', () => {
  const urlOf = (name: string): string => {
    const page = FIXTURE_PAGES.find((p) => p.name === name);
    return page ? fixtureUrl(page) : `${POD_HOST}/ia/acct/editor.phtml?.op=1`;
  };

  it('on every demo page and its mangled copies', { timeout: 120_000 }, () => {
    for (const page of FIXTURE_PAGES) {
      const html = fixtureHtml(page.name);
      expect(gateMisses(html, fixtureUrl(page)), page.name).toEqual([]);
      for (const [how, mangle] of Object.entries(MANGLERS)) {
        const doc = parseHtml(html);
        mangle(doc);
        expect(gateMisses(doc.documentElement.outerHTML, fixtureUrl(page)), `${page.name} ${how}`).toEqual([]);
      }
    }
  });

  it('in every markup style, and rebuilt from its structure snapshot', { timeout: 120_000 }, () => {
    for (const content of [...PAGE_CONTENTS, ...ORDINARY_CONTENTS]) {
      for (const style of STYLES) {
        const html = renderVariant(content, style);
        expect(gateMisses(html, urlOf(content.name)), `${content.name} ${style}`).toEqual([]);
        const snapshot = snapshotPage(parseHtml(html), urlOf(content.name));
        expect(gateMisses(snapshotToHtml(snapshot), snapshotUrl(snapshot)), `${content.name} ${style} snapshot`).toEqual([]);
      }
    }
  });

  it('on every page of every blind round (as written; the browser run checks them drawn by their scripts)', { timeout: 120_000 }, () => {
    for (const c of loadAllRounds()) {
      const html = readFileSync(path.join(c.dir, c.files[c.frame] ?? ''), 'utf8');
      expect(gateMisses(html, `${POD_HOST}${c.frame}`), `round ${c.round} ${c.id}`).toEqual([]);
    }
  });

  it('on the hostile pages', () => {
    for (const page of HOSTILE_PAGES) expect(gateMisses(hostileHtml(page.name), `${POD_HOST}${page.path}`), page.name).toEqual([]);
  });

  it('rules out the dashboard, the most opened page of all, at the first look', () => {
    const dashboard = FIXTURE_PAGES.find((p) => p.name === 'dashboard');
    if (dashboard) expect(mightBeSetupPage(parseHtml(fixtureHtml('dashboard')), fixtureUrl(dashboard))).toBe(false);
  });
});
