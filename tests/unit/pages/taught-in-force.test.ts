import { describe, expect, it } from 'vitest';
import { effectiveTaughtRules, taughtMatchPatterns } from '@/utils/background/taught-pages';
import type { TaughtPage } from '@/utils/pages/taught';
import { EMPTY_TAUGHT_RULES, organizationTaughtRules } from '@/utils/storage/taught-rules';

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
