import { describe, expect, it } from 'vitest';
import { dataUrl } from '@/utils/export/download-url';
import { detectPage } from '@/utils/pages/detect';
import { POD_HOST } from '../../fixtures/intacct/catalog';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

// What the page fuzz (pages.test.ts) found, pinned down as plain cases.

const ROLE_PERMISSIONS_URL = `${POD_HOST}/ia/acct/editor.phtml?.op=3823&.it=rolepolicy&.r=Expensify&.app=gl&.sess=x`;
const USER_PERMISSIONS_URL = `${POD_HOST}/ia/acct/editor.phtml?.op=3831&.it=userpolicy&.r=xmlgateway_expensify&.app=cm&.sess=x`;

/** A Permissions window whose "Role:"/"User:" line lost its name: nothing in the page says whose it is. */
function windowWithoutWhose(name: 'role-permissions' | 'user-permissions'): Document {
  const doc = parseHtml(fixtureHtml(name));
  const line = Array.from(doc.querySelectorAll('.context > div')).find((d) => /^(Role|User):/.test(d.textContent ?? ''));
  if (!line) throw new Error('the demo window has no Role:/User: line');
  line.querySelector('b')!.textContent = '';
  return doc;
}

describe('a Permissions window that does not say whose rights it shows', () => {
  it('is the user’s on a user URL and the role’s on a role URL (it used to go to whichever detector came first)', () => {
    expect(detectPage(windowWithoutWhose('user-permissions'), USER_PERMISSIONS_URL)).toBe('user-permissions');
    expect(detectPage(windowWithoutWhose('role-permissions'), ROLE_PERMISSIONS_URL)).toBe('role-permissions');
  });

  it('still goes by what the page says when it says it, whatever the URL', () => {
    expect(detectPage(parseHtml(fixtureHtml('user-permissions')), ROLE_PERMISSIONS_URL)).toBe('user-permissions');
    expect(detectPage(parseHtml(fixtureHtml('role-permissions')), USER_PERMISSIONS_URL)).toBe('role-permissions');
  });

  it('is never recognized on the URL plus one signal', () => {
    // Only the heading "Permissions" is left: one signal, which the URL must not lift to a recognition.
    const doc = windowWithoutWhose('user-permissions');
    for (const grid of Array.from(doc.querySelectorAll('table'))) grid.remove();
    expect(detectPage(doc, USER_PERMISSIONS_URL)).toBeNull();
  });
});

describe('a role’s or user’s Subscriptions page without its heading and its Permissions links', () => {
  it('is not taken for the company Subscriptions page on the strength of ".it=usersubscription"', () => {
    for (const [name, it] of [
      ['user-subscriptions', 'usersubscription'],
      ['role-subscriptions', 'rolesubscription'],
    ] as const) {
      const doc = parseHtml(fixtureHtml(name));
      doc.querySelector('title')?.remove();
      for (const el of Array.from(doc.querySelectorAll('h1, h2'))) el.remove();
      for (const a of Array.from(doc.querySelectorAll('a'))) if (/permissions/i.test(a.textContent ?? '')) a.remove();
      expect(detectPage(doc, `${POD_HOST}/ia/acct/editor.phtml?.op=3830&.it=${it}&.sess=x`), name).not.toBe('company-subscriptions');
    }
  });

  it('leaves the company Subscriptions page recognized on its own URL', () => {
    const doc = parseHtml(fixtureHtml('company-subscriptions'));
    doc.querySelector('title')?.remove();
    for (const el of Array.from(doc.querySelectorAll('h1, h2'))) el.remove();
    expect(detectPage(doc, `${POD_HOST}/ia/acct/subscriptions.phtml?.op=3840&.sess=x`)).toBe('company-subscriptions');
  });
});

describe('an audit file holding half a surrogate pair (page scripts can leave one in a text node)', () => {
  it('still becomes a data: URL, the half replaced by U+FFFD', () => {
    const url = dataUrl('application/json', '{"subject":"a\ud800b","ok":"😀","end":"\udc00"}');
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe('{"subject":"a\ufffdb","ok":"😀","end":"\ufffd"}');
  });
});
