import { describe, expect, it } from 'vitest';
import { effectiveTaughtRules, taughtMatchPatterns } from '@/utils/background/taught-pages';
import { asTaughtPages, type TaughtPage } from '@/utils/pages/taught';
import { EMPTY_TAUGHT_RULES, importTaughtRules, organizationTaughtRules } from '@/utils/storage/taught-rules';

const page = (path: string, kind: TaughtPage['kind'] = 'sender-form'): TaughtPage => ({ kind, path, queryKeys: [], names: ['partner credentials'], labels: [], taughtAt: 1 });

describe('taught pages in force', () => {
  it('registers the taught detector for each taught path on any Intacct host, never for the frameset shell', () => {
    expect(taughtMatchPatterns([page('/ia/acct/editor.phtml'), page('/ia/acct/editor.phtml', 'employee-form'), page('/ia/acct/frameset.phtml'), page('/ia/acct/x y.phtml')])).toEqual([
      'https://*.intacct.com/ia/acct/editor.phtml*',
    ]);
    expect(taughtMatchPatterns([])).toEqual([]);
  });

  it('puts the organization’s rules in force beside the admin’s, the organization’s winning for the same page', () => {
    const { rules: org, problems } = organizationTaughtRules([
      page('/ia/acct/editor.phtml', 'company-security'),
      { kind: 'sender-form', label: 'sender id', name: 'partner code', taughtAt: 2 },
      { kind: 'nowhere', path: '/a' },
      'not a rule',
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^taughtRules\.2\.kind/);
    const local = { ...EMPTY_TAUGHT_RULES, pages: [page('/ia/acct/editor.phtml'), page('/ia/acct/other.phtml')] };
    const effective = effectiveTaughtRules(local, org);
    expect(effective.pages.map((p) => `${p.path} ${p.kind}`).sort()).toEqual(['/ia/acct/editor.phtml company-security', '/ia/acct/other.phtml sender-form']);
    expect(effective.fields.map((f) => f.name)).toEqual(['partner code']);
  });
});

describe('taught paths are Intacct’s application pages only (issue 23)', () => {
  const OUTSIDE = ['/', '/ia/', '/ia/acct/', '/ia/acct/frameset.phtml', '/IA/ACCT/FrameSet.phtml', '/developer/docs', '/community/x.phtml', '/ia/acct/../../help', '/ia/xml/xmlgw.phtml'];

  it.each(OUTSIDE)('a rule for %s registers no script anywhere', (path) => {
    expect(taughtMatchPatterns([page(path)])).toEqual([]);
  });

  it.each(OUTSIDE)('an imported or deployed rule for %s is refused with the reason', (path) => {
    const file = JSON.stringify({ ...EMPTY_TAUGHT_RULES, pages: [page(path)] });
    const imported = importTaughtRules(file);
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(/pages\.0\.path: (Only Intacct’s application pages can be taught|A path such as)/);
    expect(organizationTaughtRules([page(path)]).rules.pages).toEqual([]);
  });

  it.each(OUTSIDE)('the light reader of the taught detector drops a stored rule for %s', (path) => {
    expect(asTaughtPages({ pages: [page(path), page('/ia/acct/editor.phtml')] }).map((p) => p.path)).toEqual(['/ia/acct/editor.phtml']);
  });

  it('keeps rules for application pages', () => {
    expect(importTaughtRules(JSON.stringify({ ...EMPTY_TAUGHT_RULES, pages: [page('/ia/acct/editor.phtml'), page('/ia/acct/lister.phtml')] })).ok).toBe(true);
  });
});
