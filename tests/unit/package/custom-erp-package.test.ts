import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  buildCustomErpPackage,
  normalizedContent,
  prepareCustomErpPackage,
  readCustomErpPackage,
  type PackageContent,
} from '@/utils/package/custom-erp-package';
import { importCustomProfile } from '@/utils/profiles/import';
import { PackageSchema, type CustomField } from '@/utils/profiles/schema';
import { builtProfile } from './built-profile';

function content(fields: CustomField[] = []): PackageContent {
  const pkg = builtProfile().package;
  if (pkg?.kind !== 'built') throw new Error('test profile has no built package');
  return { name: pkg.name, description: pkg.description, author: pkg.author, customFields: fields.length ? fields : pkg.customFields };
}

/** One field of every type the schema allows, each with its optional parts where it has some. */
const EVERY_TYPE: CustomField[] = [
  { customFieldId: 'F_CHECK', type: 'checkbox', ownerObject: 'eexpenses', label: 'Checked', dataDescription: { kind: 'checkbox', checked: true } },
  { customFieldId: 'F_CUR', type: 'currency', ownerObject: 'eexpenses', label: 'Amount', dataDescription: { kind: 'currency', leftOfDecimal: 10, rightOfDecimal: 2 } },
  { customFieldId: 'F_NUM', type: 'number', ownerObject: 'eexpenses', label: 'Count', dataDescription: { kind: 'number', leftOfDecimal: 6 } },
  { customFieldId: 'F_PCT', type: 'percent', ownerObject: 'eexpenses', label: 'Share', dataDescription: { kind: 'percent', leftOfDecimal: 3, rightOfDecimal: 0 } },
  { customFieldId: 'F_DATE', type: 'date', ownerObject: 'eexpenses', label: 'When', dataDescription: { kind: 'date', defaultToday: false } },
  { customFieldId: 'F_DATE2', type: 'date', ownerObject: 'eexpenses', label: 'When 2', dataDescription: { kind: 'date' } },
  { customFieldId: 'F_MAIL', type: 'email', ownerObject: 'employee', label: 'Mail', dataDescription: { kind: 'email' } },
  { customFieldId: 'F_URL', type: 'url', ownerObject: 'employee', label: 'Link', dataDescription: { kind: 'url' } },
  { customFieldId: 'F_PW', type: 'password', ownerObject: 'employee', label: 'Secret', dataDescription: { kind: 'password' } },
  {
    customFieldId: 'F_PICK',
    type: 'picklistmulti',
    ownerObject: 'employee',
    label: 'Teams',
    dataDescription: { kind: 'picklistmulti', pickValues: ['A', 'B'], defaultValue: 'B', sort: false, rowCount: 4 },
  },
  { customFieldId: 'F_SEQ', type: 'sequence', ownerObject: 'employee', label: 'Number', dataDescription: { kind: 'sequence', sequenceId: 'EXP' } },
  { customFieldId: 'F_TEXT', type: 'text', ownerObject: 'employee', label: 'Code', description: 'A code', dataDescription: { kind: 'text', length: 40 } },
  { customFieldId: 'F_AREA', type: 'textarea', ownerObject: 'employee', label: 'Notes', dataDescription: { kind: 'textarea' } },
];

const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false });
function childNames(nodes: Record<string, unknown>[]): string[] {
  return nodes.flatMap((n) => Object.keys(n).filter((k) => k !== ':@' && k !== '#text' && !k.startsWith('?')));
}
function childrenOf(nodes: Record<string, unknown>[], name: string): Record<string, unknown>[] {
  const node = nodes.find((n) => name in n);
  return (node?.[name] ?? []) as Record<string, unknown>[];
}

describe('Customization Services package builder', () => {
  it('round-trips: build → parse → the same fields', () => {
    const pkg = content();
    const read = readCustomErpPackage(buildCustomErpPackage(pkg));
    expect(read).toEqual({ ok: true, content: expect.any(Object) });
    if (!read.ok) return;
    expect(read.content).toEqual(normalizedContent(pkg));
  });

  it('round-trips every field type and its data description', () => {
    const pkg = content(EVERY_TYPE);
    const read = readCustomErpPackage(buildCustomErpPackage(pkg));
    if (!read.ok) throw new Error(read.problems.join('; '));
    expect(read.content.customFields).toEqual(EVERY_TYPE);
    expect(prepareCustomErpPackage(pkg).ok).toBe(true);
  });

  it('writes the XSD order: root customErpPackage, packageDescription (name, description, author), then customFields', () => {
    const tree = ordered.parse(buildCustomErpPackage(content())) as Record<string, unknown>[];
    expect(childNames(tree)).toEqual(['customErpPackage']);
    const root = childrenOf(tree, 'customErpPackage');
    expect(childNames(root)).toEqual(['packageDescription', 'customFields']);
    expect(childNames(childrenOf(root, 'packageDescription'))).toEqual(['name', 'description', 'author']);
    const fields = childrenOf(root, 'customFields');
    expect(childNames(fields)).toEqual(['customField', 'customField']);
    const first = fields[0]?.customField as Record<string, unknown>[];
    expect(childNames(first)).toEqual(['customFieldId', 'type', 'ownerObject', 'label', 'dataDescription', 'description']);
  });

  it('starts with an XML declaration and keeps currency’s rightOfDecimal even when empty (the XSD requires it)', () => {
    const xml = buildCustomErpPackage(content([EVERY_TYPE[2] as CustomField]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toMatch(/<number>\s*<leftOfDecimal>6<\/leftOfDecimal>\s*<rightOfDecimal\/>\s*<\/number>/);
  });

  it('escapes hostile values: they stay text and come back unchanged', () => {
    const hostile = '</label><smartLinks><smartLink>x</smartLink></smartLinks> & "quotes" \'apos\' ]]> <!-- &amp; &#x41;';
    const fields: CustomField[] = [
      {
        customFieldId: 'EVIL',
        type: 'picklist',
        ownerObject: 'eexpenses',
        label: hostile,
        description: `line one\nline <two>`,
        dataDescription: { kind: 'picklist', pickValues: [hostile, '<b>bold</b>'], defaultValue: '<b>bold</b>' },
      },
    ];
    const pkg = { ...content(fields), name: '<name>&</name>', author: 'A & B <a@b.example>' };
    const xml = buildCustomErpPackage(pkg);
    expect(xml).not.toContain('<smartLinks>');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('&lt;/label&gt;');
    const read = readCustomErpPackage(xml);
    if (!read.ok) throw new Error(read.problems.join('; '));
    expect(read.content).toEqual(normalizedContent(pkg));
  });

  it('refuses values XML cannot carry, naming where they are', () => {
    const fields: CustomField[] = [{ ...(EVERY_TYPE[0] as CustomField), label: 'bell\u0007' }];
    const prepared = prepareCustomErpPackage(content(fields));
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.problems.join()).toContain('customFields.0.label');
    expect(() => buildCustomErpPackage(content(fields))).toThrow(/control character/);
  });

  it('never writes an empty section', () => {
    const xml = buildCustomErpPackage({ ...content(), customFields: [] });
    expect(xml).not.toContain('customFields');
    expect(readCustomErpPackage(xml).ok).toBe(true);
  });

  it('the reader refuses a package with an empty section, the wrong order or the wrong root', () => {
    const good = buildCustomErpPackage(content());
    const empty = good.replace(/<customFields>[\s\S]*<\/customFields>/, '<customFields></customFields>');
    expect(readCustomErpPackage(empty)).toEqual({ ok: false, problems: ['Section customFields is empty.'] });

    const description = /<packageDescription>[\s\S]*<\/packageDescription>/.exec(good)?.[0] ?? '';
    const swapped = good.replace(description, '').replace('</customErpPackage>', `${description}</customErpPackage>`);
    const read = readCustomErpPackage(swapped);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toContain('packageDescription must come first.');

    expect(readCustomErpPackage(good.replace(/customErpPackage/g, 'application'))).toEqual({
      ok: false,
      problems: ['The root element must be customErpPackage.'],
    });
    expect(readCustomErpPackage('<customErpPackage>').ok).toBe(false);
  });

  it('builds from a profile that came through the import, like the popup does', () => {
    const imported = importCustomProfile(JSON.stringify(builtProfile()));
    expect(imported.ok).toBe(true);
    if (!imported.ok || imported.profile.package?.kind !== 'built') return;
    expect(PackageSchema.safeParse(imported.profile.package).success).toBe(true);
    expect(prepareCustomErpPackage(imported.profile.package).ok).toBe(true);
  });
});
