import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { auditPage } from '@/utils/audit/page-audit';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { isPermissionPage } from '@/utils/guide/page-auditor';
import { detectPage } from '@/utils/pages/detect';
import type { PageKind } from '@/utils/pages/kinds';
import { BUILT_IN_PROFILES, defaultOptionValues } from '@/utils/profiles/registry';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import { FIXTURE_PAGES, POD_HOST } from '../../fixtures/intacct/catalog';
import { ORDINARY_CONTENTS, PAGE_CONTENTS } from '../../fixtures/intacct/variants/pages';
import { STYLES, renderVariant } from '../../fixtures/intacct/variants/render';
import { fixtureHtml, fixtureUrl, parseHtml } from './load-fixture';

/*
 * The markup-variant property (issue #9): every demo page's content drawn in five other markup styles must
 * be recognized as the same kind and give the same findings — status and subject — as the hand-written
 * demo page, for every integration and option set below. A reader that silently loses a field, a row or a
 * context line on some markup shows up here as a finding that changed or vanished.
 */

const CONFIGS: Array<[string, IntegrationProfile, OptionValues]> = [
  ...BUILT_IN_PROFILES.map((p): [string, IntegrationProfile, OptionValues] => [p.id, p, defaultOptionValues(p)]),
  ['expensify expense reports, projects, role-based', EXPENSIFY_PROFILE, { export: 'expense-reports', dimensions: 'projects', permissionModel: 'role-based' }],
  ['expensify expense reports, user-based', EXPENSIFY_PROFILE, { export: 'expense-reports', dimensions: 'customers', permissionModel: 'user-based' }],
];

function audit(doc: Document, kind: PageKind, profile: IntegrationProfile, values: OptionValues): Finding[] {
  return isPermissionPage(kind) ? createPermissionsAudit(doc, profile, values, kind).findings() : auditPage(doc, kind, profile, values);
}

/** What an admin would compare: each check's subject and verdict, in a stable order. */
function verdicts(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.subject} — ${f.status}`).sort();
}

describe('every demo page, in every markup style', () => {
  it('describes every setup page kind of the demo Intacct', () => {
    const described = new Set(PAGE_CONTENTS.map((c) => FIXTURE_PAGES.find((p) => p.name === c.name)?.kind));
    expect(described).toEqual(new Set(FIXTURE_PAGES.map((p) => p.kind).filter((k) => k !== null)));
  });

  for (const content of PAGE_CONTENTS) {
    const page = FIXTURE_PAGES.find((p) => p.name === content.name);
    if (!page?.kind) throw new Error(`no setup fixture named ${content.name}`);
    const kind = page.kind;
    const url = fixtureUrl(page);
    const original = parseHtml(fixtureHtml(page.name));

    it(`${page.name}: the hand-written page is the reference (recognized, with findings to compare)`, () => {
      expect(detectPage(original, url)).toBe(kind);
    });

    for (const style of STYLES) {
      describe(`${page.name} drawn as ${style}`, () => {
        const doc = parseHtml(renderVariant(content, style));

        it('is recognized as the same kind of page', () => {
          expect(detectPage(doc, url)).toBe(kind);
        });

        it('is recognized from the page alone, on a URL that says nothing', () => {
          expect(detectPage(doc, `${POD_HOST}/ia/acct/unknown.phtml?.op=1`)).toBe(kind);
        });

        for (const [name, profile, values] of CONFIGS) {
          it(`gives the same findings for ${name}`, () => {
            expect(verdicts(audit(doc, kind, profile, values))).toEqual(verdicts(audit(original, kind, profile, values)));
          });
        }
      });
    }
  }

  for (const content of ORDINARY_CONTENTS) {
    const page = FIXTURE_PAGES.find((p) => p.name === content.name);
    if (!page) throw new Error(`no fixture named ${content.name}`);
    for (const style of STYLES) {
      it(`${page.name} drawn as ${style} stays an ordinary page`, () => {
        const doc = parseHtml(renderVariant(content, style));
        expect(detectPage(doc, fixtureUrl(page))).toBeNull();
        expect(detectPage(doc, `${POD_HOST}/ia/acct/editor.phtml?.op=1`)).toBeNull();
      });
    }
  }
});
