import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLook } from '@/utils/pages/first-look';
import { POD_HOST } from '../../fixtures/intacct/catalog';
import { loadAllRounds } from '../../fixtures/intacct/blind/cases';
import { ORDINARY_PAGES } from '../../fixtures/intacct/ordinary/catalog';
import { fixtureHtml, parseHtml } from './load-fixture';

/*
 * The pages an admin opens all day stop at the first look (issue #21): the recognizer is never injected
 * there. Held on the bench's ordinary pages (written from the reference at the real application's weight),
 * the demo's ordinary pages and every close-call ordinary page of the blind rounds. The other side — every
 * setup page passes the look — is tests/unit/pages/gates.test.ts, and every blind round in the browser.
 */
const ORDINARY_DIR = path.resolve(import.meta.dirname, '../../fixtures/intacct/ordinary');

describe('ordinary pages stop at the first look', () => {
  for (const page of ORDINARY_PAGES) {
    it(`${page.label}`, () => {
      const doc = parseHtml(readFileSync(path.join(ORDINARY_DIR, `${page.name}.html`), 'utf8'));
      expect(firstLook(doc, `${POD_HOST}${page.path}&.sess=x..`)).toBeNull();
    });
  }

  for (const name of ['dashboard', 'journal-entry']) {
    it(`the demo ${name}`, () => {
      expect(firstLook(parseHtml(fixtureHtml(name)), `${POD_HOST}/ia/acct/${name}.phtml`)).toBeNull();
    });
  }

  for (const c of loadAllRounds().filter((c) => c.kind === null)) {
    it(`blind round ${c.round}: ${c.id}`, () => {
      const doc = parseHtml(readFileSync(path.join(c.dir, c.files[c.frame] ?? ''), 'utf8'));
      expect(firstLook(doc, `${POD_HOST}${c.frame}`)).toBeNull();
    });
  }
});
