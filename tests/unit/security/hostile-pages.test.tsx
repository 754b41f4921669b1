import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Overlay } from '@/components/overlay/Overlay';
import type { Finding } from '@/utils/audit/finding';
import { auditPage } from '@/utils/audit/page-audit';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { isPermissionPage } from '@/utils/guide/page-auditor';
import type { PageGuide } from '@/utils/guide/types';
import { detectPage } from '@/utils/pages/detect';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { POD_HOST } from '../../fixtures/intacct/catalog';
import { HOSTILE_PAGES, hostileHtml } from '../../fixtures/intacct/hostile/catalog';
import { IMG_PAYLOAD, JS_URL_PAYLOAD, LONG_TEXT, SVG_PAYLOAD } from '../../fixtures/intacct/hostile/payloads';
import { pageUrl, resolveFixture, shellUrl } from '../../fixtures/intacct/router';
import { parseHtml } from '../pages/load-fixture';

// The hostile demo pages (tests/fixtures/intacct/hostile) without a browser: they are served, recognized,
// read with their payloads intact, and the overlay renders those as text. tests/e2e/security.spec.ts runs
// the same pages in Chromium with the built extension.

function findingsOf(name: string): Finding[] {
  const page = HOSTILE_PAGES.find((p) => p.name === name)!;
  const doc = parseHtml(hostileHtml(name));
  const kind = detectPage(doc, `${POD_HOST}${page.path}`);
  expect(kind).toBe(page.kind);
  return isPermissionPage(kind!) ? createPermissionsAudit(doc, EXPENSIFY_PROFILE, {}).findings() : auditPage(doc, kind!, EXPENSIFY_PROFILE, {});
}

/** What each hostile page must bring to the overlay, exactly as the page shows it. */
const EXPECTED_TEXT: Record<string, string[]> = {
  'hostile-ws-user-form': [IMG_PAYLOAD, SVG_PAYLOAD, JS_URL_PAYLOAD, LONG_TEXT],
  'hostile-company-security': [`expensify, ${IMG_PAYLOAD}`],
  'hostile-role-subscriptions': [IMG_PAYLOAD, SVG_PAYLOAD, JS_URL_PAYLOAD, LONG_TEXT],
  'hostile-role-permissions': [`General Ledger › ${IMG_PAYLOAD}`, `General Ledger › ${SVG_PAYLOAD}`, `General Ledger › ${JS_URL_PAYLOAD}`, `General Ledger › ${LONG_TEXT}`, SVG_PAYLOAD, JS_URL_PAYLOAD],
};

describe('hostile demo pages', () => {
  it('cover the pages the brief names, and the router serves them on pod URLs', () => {
    expect(Object.keys(EXPECTED_TEXT).sort()).toEqual(HOSTILE_PAGES.map((p) => p.name).sort());
    for (const page of HOSTILE_PAGES) {
      const reply = resolveFixture(pageUrl(page.name));
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(hostileHtml(page.name));
      // The page escapes its payloads, as Intacct does: nothing in it runs by itself.
      expect(reply.body).not.toMatch(/<img|<svg/i);
      expect(parseHtml(reply.body).querySelectorAll('img, svg, [onerror], [onload]')).toHaveLength(0);
      expect(resolveFixture(shellUrl(page.name)).body).toContain(page.path.replace(/&/g, '&amp;'));
    }
  });

  it.each(Object.entries(EXPECTED_TEXT))('%s: the audit reads the payloads exactly', (name, texts) => {
    const findings = findingsOf(name);
    const said = findings.flatMap((f) => [f.subject, f.found, f.expected, f.message, f.fix, f.group]);
    for (const text of texts) expect(said.some((s) => s === text || s.includes(text)), text.slice(0, 60)).toBe(true);
  });

  it.each(Object.keys(EXPECTED_TEXT))('%s: the overlay renders them as text, creating no element from them', (name) => {
    const findings = findingsOf(name);
    const guide: PageGuide = {
      kind: HOSTILE_PAGES.find((p) => p.name === name)!.kind!,
      pageName: IMG_PAYLOAD,
      integrationName: SVG_PAYLOAD,
      steps: [{ id: 's', number: 1, title: IMG_PAYLOAD, menuPath: JS_URL_PAYLOAD, instructions: [SVG_PAYLOAD, LONG_TEXT] }],
      emptyNote: IMG_PAYLOAD,
      cautions: [IMG_PAYLOAD],
    };
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    act(() => root.render(<Overlay guide={guide} findings={findings} onExport={() => {}} />));
    try {
      expect(host.querySelectorAll('img, svg, script, iframe, object, embed')).toHaveLength(0);
      expect(host.querySelectorAll('a[href], [src], [srcdoc], [formaction]')).toHaveLength(0);
      for (const el of Array.from(host.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${el.localName}[${attr.name}]`).toBe(false);
      }
      const text = host.textContent ?? '';
      // Long page text is shortened in the panel; its full, verbatim value is the element's tooltip.
      const titles = Array.from(host.querySelectorAll('[title]'), (el) => el.getAttribute('title') ?? '');
      for (const expected of EXPECTED_TEXT[name]!) {
        expect(text.includes(expected) || titles.some((t) => t.includes(expected)), expected.slice(0, 60)).toBe(true);
      }
      // data-subject carries the subject as an attribute value, never as markup.
      const subjects = Array.from(host.querySelectorAll('[data-testid="ish-finding"]')).map((el) => el.getAttribute('data-subject'));
      expect(subjects).toEqual(expect.arrayContaining(findings.map((f) => f.subject)));
    } finally {
      act(() => root.unmount());
      host.remove();
    }
  });
});
