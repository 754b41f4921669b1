import { describe, expect, it } from 'vitest';
import { detectPage } from '@/utils/pages/detect';
import { readPageSignals } from '@/utils/pages/signals';
import { asTaughtPages, detectTaughtPage, pageSignature, type TaughtPage } from '@/utils/pages/taught';
import { controlAt, pointedField } from '@/utils/pages/taught-field';
import {
  EMPTY_TAUGHT_RULES,
  TaughtRulesSchema,
  importTaughtRules,
  mergeTaughtRules,
  taughtRulesFile,
  withTaughtField,
  withTaughtPage,
  withoutTaughtPage,
} from '@/utils/storage/taught-rules';
import { parseHtml } from './load-fixture';

// A sender window whose words no detector knows: the admin teaches it.
const PARTNER = `<title>Partner credentials</title><h1>Partner credentials: jdoe--Jane Doe</h1>
<table><tr><td>Partner code</td><td><input name="PARTNERCODE" value="expensify-secret-value"></td></tr>
<tr><td>Notes</td><td><input value="jane@acme-example.com"></td></tr><tr><td>Enabled</td><td><input type="checkbox" checked></td></tr></table>`;
const URL_P02 = 'https://www-p02.intacct.com/ia/acct/editor.phtml?.op=7001&.it=xmlpartner&.sess=SECRET..&.cc=ACME';
const URL_P07 = 'https://www-p07.intacct.com/ia/acct/editor.phtml?.it=xmlpartner&.op=7002&.sess=OTHER..';

function taught(html: string, url: string, kind: TaughtPage['kind'] = 'sender-form'): TaughtPage {
  const signals = readPageSignals(parseHtml(html), url);
  return { kind, ...pageSignature(signals, url), taughtAt: 1 };
}

describe('a page the admin taught', () => {
  it('is not recognized before it is taught', () => {
    expect(detectPage(parseHtml(PARTNER), URL_P02)).toBeNull();
  });

  it('keeps the path, query key names, page names and labels — never a value, the session or a record', () => {
    const rule = taught(PARTNER, URL_P02);
    expect(rule.path).toBe('/ia/acct/editor.phtml');
    expect(rule.queryKeys).toEqual(['.it', '.op']);
    expect(rule.names).toEqual(['partner credentials']);
    expect(rule.labels).toEqual(expect.arrayContaining(['partner code', 'notes', 'enabled']));
    const text = JSON.stringify(rule);
    for (const secret of ['SECRET', 'ACME', 'expensify-secret-value', 'jane@', 'jdoe', 'Jane Doe', '7001', 'xmlpartner']) expect(text).not.toContain(secret);
  });

  it('recognizes the page from then on, on any pod host and with other query values', () => {
    const rules = [taught(PARTNER, URL_P02)];
    expect(detectTaughtPage(parseHtml(PARTNER), URL_P07, rules)).toBe('sender-form');
    expect(detectTaughtPage(parseHtml(PARTNER.replace('jdoe--Jane Doe', 'x--Other')), URL_P02, rules)).toBe('sender-form');
  });

  it('matches neither another path nor a page of the same path with other names and fields', () => {
    const rules = [taught(PARTNER, URL_P02)];
    expect(detectTaughtPage(parseHtml(PARTNER), 'https://www.intacct.com/ia/acct/lister.phtml?.op=1&.it=x', rules)).toBeNull();
    const other = '<title>Journal Entry</title><table><tr><td>Journal</td><td><select></select></td></tr><tr><td>Date</td><td><input></td></tr></table>';
    expect(detectTaughtPage(parseHtml(other), URL_P02, rules)).toBeNull();
  });

  it('never overrides a page a built-in detector recognizes', () => {
    const rules = [{ ...taught(PARTNER, URL_P02), names: ['web services sender information'], kind: 'employee-form' as const }];
    const sender = '<title>Web Services Sender Information</title><label>Sender ID <input></label><label>Status <select></select></label>';
    expect(detectTaughtPage(parseHtml(sender), URL_P02, rules)).toBe('sender-form');
  });

  it('is read by the detector only in the shape the schema accepts', () => {
    const good = withTaughtPage(EMPTY_TAUGHT_RULES, 'sender-form', pageSignature(readPageSignals(parseHtml(PARTNER), URL_P02), URL_P02), 5);
    expect(asTaughtPages(good)).toEqual(good.pages);
    const hostile: unknown[] = [
      null,
      'x',
      { pages: 'x' },
      { pages: [{ kind: 'not-a-kind', path: '/a', queryKeys: [], names: [], labels: [], taughtAt: 1 }] },
      { pages: [{ kind: 'sender-form', path: 'no-slash', queryKeys: [], names: [], labels: [], taughtAt: 1 }] },
      { pages: [{ kind: 'sender-form', path: '/a', queryKeys: [1], names: [], labels: [], taughtAt: 1 }] },
      { pages: [{ kind: 'sender-form', path: '/a', queryKeys: [], names: Array(50).fill('x'), labels: [], taughtAt: 1 }] },
      { pages: [{ kind: 'sender-form', path: '/a', queryKeys: [], names: [], labels: ['x'.repeat(500)], taughtAt: 1 }] },
      { pages: [{ kind: 'sender-form', path: '/a', queryKeys: [], names: [], labels: [] }] },
    ];
    for (const value of hostile) {
      const light = asTaughtPages(value);
      const strict = TaughtRulesSchema.safeParse({ ...EMPTY_TAUGHT_RULES, pages: (value as { pages?: unknown } | null)?.pages ?? [] });
      expect(light.length, JSON.stringify(value)).toBe(0);
      if (Array.isArray((value as { pages?: unknown } | null)?.pages)) expect(strict.success).toBe(false);
    }
  });
});

describe('a field the admin pointed at', () => {
  it('is remembered by its accessible name, else by a stable id or name attribute, never its value', () => {
    const doc = parseHtml(PARTNER);
    const input = doc.querySelector('input[name="PARTNERCODE"]') as Element;
    expect(pointedField(input, 'sender-form', 'Sender ID')).toEqual({ kind: 'sender-form', label: 'sender id', name: 'partner code' });
    const bare = parseHtml('<div><input name="SENDER_ID"></div><div><input id="ext-gen1234"></div>');
    expect(pointedField(bare.querySelector('[name]') as Element, 'sender-form', 'Sender ID')).toEqual({
      kind: 'sender-form',
      label: 'sender id',
      attribute: { key: 'name', value: 'SENDER_ID' },
    });
    expect(pointedField(bare.querySelector('#ext-gen1234') as Element, 'sender-form', 'Sender ID')).toBeNull();
  });

  it('is the control the admin meant: the one clicked, the one a label names, or the one in a cell', () => {
    const doc = parseHtml('<table><tr><td id="l"><label for="x">Code</label></td><td id="c"><span><input id="x"></span></td></tr></table>');
    const input = doc.getElementById('x');
    expect(controlAt(doc.querySelector('label') as Element)).toBe(input);
    expect(controlAt(doc.getElementById('c') as Element)).toBe(input);
    expect(controlAt(input as Element)).toBe(input);
  });
});

describe('the taught-rules file', () => {
  const page = pageSignature(readPageSignals(parseHtml(PARTNER), URL_P02), URL_P02);
  const rules = withTaughtField(withTaughtPage(EMPTY_TAUGHT_RULES, 'sender-form', page, 1), {
    kind: 'sender-form',
    label: 'sender id',
    name: 'partner code',
    taughtAt: 2,
  });

  it('exports and imports as one file, unchanged', () => {
    const back = importTaughtRules(taughtRulesFile(rules));
    expect(back).toEqual({ ok: true, rules });
  });

  it('refuses a bad file with each problem’s place and message', () => {
    const bad = { ...rules, pages: [{ ...rules.pages[0], kind: 'nowhere', path: 'relative' }], fields: [{ kind: 'sender-form', label: 'x', taughtAt: 1 }] };
    const result = importTaughtRules(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['pages.0.kind', 'pages.0.path', 'fields.0']));
    expect(importTaughtRules('{ nope')).toMatchObject({ ok: false, problems: [{ path: '' }] });
    expect(importTaughtRules(JSON.stringify({ ...rules, format: 'something-else' }))).toMatchObject({ ok: false, problems: [{ path: 'format' }] });
  });

  it('merges an import into what is taught: the same page is replaced, others are kept', () => {
    const other = withTaughtPage(EMPTY_TAUGHT_RULES, 'employee-form', { ...page, path: '/ia/acct/other.phtml' }, 3);
    const merged = mergeTaughtRules(rules, other);
    expect(merged.pages.map((p) => p.path).sort()).toEqual(['/ia/acct/editor.phtml', '/ia/acct/other.phtml']);
    const retaught = mergeTaughtRules(merged, withTaughtPage(EMPTY_TAUGHT_RULES, 'company-security', page, 4));
    expect(retaught.pages.filter((p) => p.path === '/ia/acct/editor.phtml').map((p) => p.kind)).toEqual(['company-security']);
    expect(withoutTaughtPage(retaught, 0).pages).toHaveLength(1);
  });
});
