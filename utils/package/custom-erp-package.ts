import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CustomField, DataDescription, ProfilePackage } from '@/utils/profiles/schema';

/*
 * A Customization Services package (docs/intacct.md#custom-package-xml; CustomERPPackage.xsd in intacct/intacct_dtd):
 *   customErpPackage = packageDescription (name, description, author), featureKeys?, customFields?,
 *                      smartLinks?, customReports?, signature?, interactiveReports?
 * in that order, and no empty section. We write only packageDescription and customFields, from the
 * profile's declared fields. Inside a customField (xs:all, any order) we follow the XSD's listing order.
 * Data descriptions per type follow the XSD's DataDescriptionType; currency/number/percent need a
 * rightOfDecimal element, which the XSD allows empty ("integer-or-empty").
 */

export type BuiltPackage = Extract<ProfilePackage, { kind: 'built' }>;

/** What a package holds, independent of its XML: what the round trip must give back. */
export interface PackageContent {
  name: string;
  description: string;
  author: string;
  customFields: CustomField[];
}

export const ROOT = 'customErpPackage';
const SECTION_ORDER = [
  'packageDescription',
  'featureKeys',
  'customFields',
  'smartLinks',
  'customReports',
  'signature',
  'interactiveReports',
] as const;
const FIELD_ORDER = ['customFieldId', 'type', 'ownerObject', 'label', 'dataDescription', 'description'] as const;

// XML 1.0 cannot carry these at all, escaped or not.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

type XmlNode = string | { [tag: string]: XmlNode | XmlNode[] };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Escapes & < > " ' in every value; hostile text stays text.
  processEntities: true,
  suppressEmptyNode: true,
  format: true,
  indentBy: '  ',
});

function bool(value: boolean): string {
  return value ? 'true' : 'false';
}

function decimals(left: number, right: number | undefined): XmlNode {
  return { leftOfDecimal: String(left), rightOfDecimal: right === undefined ? '' : String(right) };
}

function dataDescriptionNode(d: DataDescription): Record<string, XmlNode> {
  switch (d.kind) {
    case 'checkbox':
      return { checkbox: { checked: bool(d.checked) } };
    case 'currency':
    case 'number':
    case 'percent':
      return { [d.kind]: decimals(d.leftOfDecimal, d.rightOfDecimal) };
    case 'date':
      return { date: d.defaultToday === undefined ? '' : { defaultToday: bool(d.defaultToday) } };
    case 'email':
    case 'url':
    case 'password':
      return { [d.kind]: '' };
    case 'picklist':
    case 'picklistmulti': {
      const body: Record<string, XmlNode> = { pickValues: { pickValue: [...d.pickValues] } };
      // A default must be one of the (trimmed) pick values to mean anything, so it is trimmed too.
      if (d.defaultValue !== undefined && d.defaultValue.trim() !== '') body.defaultValue = d.defaultValue.trim();
      if (d.sort !== undefined) body.sort = bool(d.sort);
      if (d.kind === 'picklistmulti' && d.rowCount !== undefined) body.rowCount = String(d.rowCount);
      return { [d.kind]: body };
    }
    case 'sequence':
      return { sequence: { sequenceId: d.sequenceId } };
    case 'text':
      return { text: { length: String(d.length) } };
    case 'textarea':
      return { textarea: d.rowCount === undefined ? '' : { rowCount: String(d.rowCount) } };
  }
}

function customFieldNode(field: CustomField): Record<string, XmlNode> {
  const node: Record<string, XmlNode> = {
    customFieldId: field.customFieldId,
    type: field.type,
    ownerObject: field.ownerObject,
    label: field.label,
    dataDescription: dataDescriptionNode(field.dataDescription),
  };
  if (field.description !== undefined) node.description = field.description;
  return node;
}

/** Values XML cannot carry, by where they are in the package ('' when all can be written). */
export function illegalValues(pkg: PackageContent): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (XML_ILLEGAL.test(value)) problems.push(`${path} contains a control character that XML cannot carry`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}.${i}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(pkg, '');
  return problems;
}

/**
 * The package XML for a profile's `built` package. Throws when a value cannot be written as XML (a
 * control character); call illegalValues first to report it.
 */
export function buildCustomErpPackage(pkg: PackageContent): string {
  const illegal = illegalValues(pkg);
  if (illegal.length > 0) throw new Error(illegal.join('; '));
  const body: Record<string, XmlNode> = {
    packageDescription: { name: pkg.name, description: pkg.description, author: pkg.author },
  };
  // The XSD forbids an empty section: no fields, no customFields element.
  if (pkg.customFields.length > 0) body.customFields = { customField: pkg.customFields.map(customFieldNode) };
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [ROOT]: { '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', ...body },
  };
  return builder.build(tree);
}

// ---- reading a package back ------------------------------------------------------------------------------

interface Element {
  name: string;
  children: Element[];
  text: string;
}

type Ordered = Record<string, unknown>[];

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  // The builder indents; indentation is not content. Every value we write is trimmed already.
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
});

function toElements(nodes: Ordered): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    if (!name || name.startsWith('?') || name.startsWith('#')) continue;
    const inner = (node[name] ?? []) as Ordered;
    const text = inner
      .map((child) => child['#text'])
      .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
      .map(String)
      .join('');
    out.push({ name, children: toElements(inner), text });
  }
  return out;
}

function child(el: Element, name: string): Element | undefined {
  return el.children.find((c) => c.name === name);
}

export type ReadPackage = { ok: true; content: PackageContent } | { ok: false; problems: string[] };

function int(text: string): number {
  return Number.parseInt(text, 10);
}

function readDataDescription(el: Element, where: string, problems: string[]): DataDescription | undefined {
  const [choice, ...extra] = el.children;
  if (!choice || extra.length > 0) {
    problems.push(`${where}: dataDescription must hold exactly one type element`);
    return undefined;
  }
  const text = (name: string) => child(choice, name)?.text;
  const flag = (name: string) => {
    const t = text(name);
    return t === undefined ? undefined : t === 'true';
  };
  switch (choice.name) {
    case 'checkbox':
      return { kind: 'checkbox', checked: flag('checked') ?? false };
    case 'currency':
    case 'number':
    case 'percent': {
      const right = text('rightOfDecimal');
      if (right === undefined) problems.push(`${where}: ${choice.name} needs rightOfDecimal (it may be empty)`);
      return {
        kind: choice.name,
        leftOfDecimal: int(text('leftOfDecimal') ?? ''),
        ...(right !== undefined && right !== '' ? { rightOfDecimal: int(right) } : {}),
      };
    }
    case 'date': {
      const today = flag('defaultToday');
      return { kind: 'date', ...(today !== undefined ? { defaultToday: today } : {}) };
    }
    case 'email':
    case 'url':
    case 'password':
      return { kind: choice.name };
    case 'picklist':
    case 'picklistmulti': {
      const values = (child(choice, 'pickValues')?.children ?? []).filter((c) => c.name === 'pickValue').map((c) => c.text);
      const def = text('defaultValue');
      const sort = flag('sort');
      const rows = text('rowCount');
      const base = {
        pickValues: values,
        ...(def !== undefined ? { defaultValue: def } : {}),
        ...(sort !== undefined ? { sort } : {}),
      };
      return choice.name === 'picklist'
        ? { kind: 'picklist', ...base }
        : { kind: 'picklistmulti', ...base, ...(rows !== undefined ? { rowCount: int(rows) } : {}) };
    }
    case 'sequence':
      return { kind: 'sequence', sequenceId: text('sequenceId') ?? '' };
    case 'text':
      return { kind: 'text', length: int(text('length') ?? '') };
    case 'textarea': {
      const rows = text('rowCount');
      return { kind: 'textarea', ...(rows !== undefined ? { rowCount: int(rows) } : {}) };
    }
    default:
      problems.push(`${where}: unknown data description "${choice.name}"`);
      return undefined;
  }
}

/**
 * Parses package XML and checks its structure: the root, the section order of the XSD, no empty
 * section, the package description's three texts, and each custom field's required children.
 */
export function readCustomErpPackage(xml: string): ReadPackage {
  const problems: string[] = [];
  if (XMLValidator.validate(xml) !== true) return { ok: false, problems: ['The package is not well-formed XML.'] };
  const roots = toElements(orderedParser.parse(xml) as Ordered);
  const root = roots[0];
  if (roots.length !== 1 || !root || root.name !== ROOT) {
    return { ok: false, problems: [`The root element must be ${ROOT}.`] };
  }
  let last = -1;
  for (const section of root.children) {
    const at = SECTION_ORDER.indexOf(section.name as (typeof SECTION_ORDER)[number]);
    if (at < 0) problems.push(`Unknown section ${section.name}.`);
    else if (at <= last) problems.push(`Section ${section.name} is out of order.`);
    else last = at;
    if (at >= 0 && section.children.length === 0) problems.push(`Section ${section.name} is empty.`);
  }
  const description = child(root, 'packageDescription');
  if (root.children[0]?.name !== 'packageDescription' || !description) {
    problems.push('packageDescription must come first.');
  }
  const desc = (name: string) => {
    const value = description ? child(description, name)?.text : undefined;
    if (description && (value === undefined || value === '')) problems.push(`packageDescription needs a ${name}.`);
    return value ?? '';
  };
  const content: PackageContent = { name: desc('name'), description: desc('description'), author: desc('author'), customFields: [] };

  (child(root, 'customFields')?.children ?? []).forEach((el, i) => {
    const where = `customFields.${i}`;
    if (el.name !== 'customField') {
      problems.push(`${where}: unexpected ${el.name}`);
      return;
    }
    const names = el.children.map((c) => c.name);
    const order = FIELD_ORDER.filter((name) => names.includes(name));
    if (names.some((n) => !(FIELD_ORDER as readonly string[]).includes(n)) || names.join() !== order.join()) {
      problems.push(`${where}: children must be ${FIELD_ORDER.join(', ')} (in that order)`);
    }
    for (const required of ['customFieldId', 'type', 'ownerObject', 'label', 'dataDescription'] as const) {
      if (!names.includes(required)) problems.push(`${where}: missing ${required}`);
    }
    const dd = child(el, 'dataDescription');
    const dataDescription = dd ? readDataDescription(dd, where, problems) : undefined;
    const text = (name: string) => child(el, name)?.text ?? '';
    const type = text('type');
    if (dataDescription && dataDescription.kind !== type) problems.push(`${where}: a ${type} field with a ${dataDescription.kind} description`);
    if (!dataDescription) return;
    const fieldDescription = child(el, 'description')?.text;
    content.customFields.push({
      customFieldId: text('customFieldId'),
      type: type as CustomField['type'],
      ownerObject: text('ownerObject'),
      label: text('label'),
      ...(fieldDescription !== undefined ? { description: fieldDescription } : {}),
      dataDescription,
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, content };
}

/** The package's content as the builder will write it (defaults trimmed), for comparing a round trip. */
export function normalizedContent(pkg: PackageContent): PackageContent {
  return {
    name: pkg.name,
    description: pkg.description,
    author: pkg.author,
    customFields: pkg.customFields.map((field) => {
      const d = field.dataDescription;
      if ((d.kind === 'picklist' || d.kind === 'picklistmulti') && d.defaultValue !== undefined) {
        const { defaultValue, ...rest } = d;
        const trimmed = defaultValue.trim();
        return { ...field, dataDescription: trimmed === '' ? rest : { ...rest, defaultValue: trimmed } };
      }
      return field;
    }),
  };
}

function sameContent(a: PackageContent, b: PackageContent): boolean {
  // Key order differs between a profile and what we read back; compare canonically.
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export type PreparedPackage = { ok: true; xml: string } | { ok: false; problems: string[] };

/** Builds the package and proves it before anyone saves it: parse it back, check it, compare it. */
export function prepareCustomErpPackage(pkg: PackageContent): PreparedPackage {
  const illegal = illegalValues(pkg);
  if (illegal.length > 0) return { ok: false, problems: illegal };
  const xml = buildCustomErpPackage(pkg);
  const read = readCustomErpPackage(xml);
  if (!read.ok) return read;
  if (!sameContent(read.content, normalizedContent(pkg))) {
    return { ok: false, problems: ['The package read back differs from the profile’s fields.'] };
  }
  return { ok: true, xml };
}
