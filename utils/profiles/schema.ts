import { PAGE_KINDS } from '@/utils/pages/kinds';
import { z } from '@/utils/zod';

// Profiles are data: the two built-in guides, the published connector requirements
// (docs/intacct.md#published-connector-requirements) and any profile an admin imports all go through this one
// schema, so nothing downstream special-cases a vendor. Objects are strict so a misspelt key in an imported
// profile ("whn") is reported instead of silently dropped.

/** Profile, step and field-rule ids: other modules and saved selections refer to them, so keep them plain. */
export const SlugSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, like "my-tool"');

/**
 * The longest list and text a profile may hold. Far above any guide's (the built-in profiles' longest text
 * is under 250 characters, their longest list 13 steps), and low enough that a hostile file is refused at
 * once instead of taking the popup minutes to judge item by item.
 */
export const PROFILE_LIMITS = {
  /** Sentences: a summary, an instruction, a fix, a note. */
  text: 2000,
  /** A name, label, value or ID. */
  name: 200,
  url: 2048,
  /** Steps, field rules, permissions, subscriptions, permission objects, custom fields, pick values. */
  list: 100,
  /** Options, choices, conditions, labels, aliases, rights, sender IDs, instructions, known gaps. */
  shortList: 50,
} as const;

const Text = z.string().trim().min(1).max(PROFILE_LIMITS.text);
const Name = z.string().trim().min(1).max(PROFILE_LIMITS.name);

function list<T extends z.ZodType>(item: T, max: number = PROFILE_LIMITS.shortList) {
  return z.array(item).max(max);
}

/** The host of an https: address ("www.expensify.com"), or '' for anything else. */
export function httpsHost(value: string): string {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.host : '';
  } catch {
    return '';
  }
}

/**
 * A link the admin opens from the popup: https only (z.url() alone takes javascript:, data: and file:
 * too), so a profile's link can only lead to a web page, whose host the popup shows beside it.
 */
export const HttpsUrlSchema = z.url({ protocol: /^https$/, error: 'Use a web address that starts with https:' }).max(PROFILE_LIMITS.url);

export const PageKindSchema = z.enum(PAGE_KINDS);

// ---- options and conditions -------------------------------------------------------------------------

export const OptionChoiceSchema = z.strictObject({ value: Name, label: Name });

export const OptionSchema = z.strictObject({
  /** Option ids are referenced by `when` conditions and stored in the admin's selection. */
  id: z.string().max(64).regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'Start with a letter; use letters, digits and hyphens'),
  label: Name,
  help: z.string().max(PROFILE_LIMITS.text),
  choices: list(OptionChoiceSchema).min(1),
  default: Name,
});

/** One test: the option's chosen value must be one of `in`. */
export const ConditionSchema = z.strictObject({
  option: Name,
  in: list(Name).min(1),
});

/** Every condition must hold; an absent `when` means "always". */
export const WhenSchema = list(ConditionSchema, 10).min(1);

// ---- field rules ------------------------------------------------------------------------------------

export const ExpectRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('equals'), value: z.string().max(PROFILE_LIMITS.name), caseSensitive: z.boolean() }),
  // Sender IDs are case-sensitive (docs/intacct.md#web-services-sender-information), so a list of accepted
  // values must say how to compare too.
  z.strictObject({ kind: z.literal('oneOf'), values: list(z.string().max(PROFILE_LIMITS.name)).min(1), caseSensitive: z.boolean() }),
  z.strictObject({ kind: z.literal('nonEmpty') }),
  z.strictObject({ kind: z.literal('email') }),
  z.strictObject({ kind: z.literal('checked'), value: z.boolean() }),
]);

export const FieldRuleSchema = z.strictObject({
  id: SlugSchema,
  pageKind: PageKindSchema,
  /**
   * Every label that names this field in either UI generation (docs/intacct.md#web-services-user-form). Matching is the
   * page reader's job; it should ignore case and a trailing mandatory `*`.
   */
  labels: list(Name).min(1),
  /** What an admin calls the check, e.g. "User type". */
  subject: Name,
  expect: ExpectRuleSchema,
  /** One sentence: what to set. */
  fix: Text,
  when: WhenSchema.optional(),
  /**
   * The field shows only once the admin opens something (the T&E sequence dialog): absent, it is not a
   * finding; shown, it is checked.
   */
  onDemand: z.boolean().optional(),
  /**
   * Labels of the fields that take this one's place in the other UI generation (the current WS user form's
   * Contact name for the older Last name): on a page that shows one of them, this field is not expected.
   * Anywhere else a missing field is reported as not found, never passed over.
   */
  replacedBy: list(Name).optional(),
});

// ---- steps ------------------------------------------------------------------------------------------

/** Intacct moved its menus; live docs show both generations (docs/intacct.md#navigation-paths). */
export const MenuPathSchema = z.strictObject({ older: Text, current: Text.optional() });

export const StepSchema = z.strictObject({
  id: SlugSchema,
  title: Name,
  /** Pages where the step is done; empty when it happens outside Intacct (in the vendor's app, by email…). */
  pageKinds: list(PageKindSchema, PAGE_KINDS.length),
  menuPath: MenuPathSchema,
  instructions: list(Text).min(1),
  when: WhenSchema.optional(),
  /** The extension cannot see it happen (a download, a call to the vendor), so the admin ticks it. */
  manual: z.boolean().optional(),
  fields: list(FieldRuleSchema, PROFILE_LIMITS.list).optional(),
});

// ---- what Intacct must hold -------------------------------------------------------------------------

export const SenderIdSchema = z.strictObject({
  id: Name,
  description: Text.optional(),
  // Intacct compares sender IDs exactly and never lets you edit one after adding it
  // (docs/intacct.md#web-services-sender-information).
  caseSensitive: z.literal(true),
  note: Text,
});

export const SubscriptionSchema = z.strictObject({
  /** As Intacct's Subscriptions page names it. */
  name: Name,
  /**
   * The same subscription under other names: the product now says "Expenses" for "Time & Expenses"
   * (docs/intacct.md#expenses-configuration).
   */
  aliases: list(Name).optional(),
  /** Other subscriptions that satisfy the need just as well (e.g. Platform Services instead of Customization Services). */
  alternatives: list(Name).optional(),
  when: WhenSchema.optional(),
  why: Text,
});

export const PermissionObjectSchema = z.strictObject({
  name: Name,
  aliases: list(Name).optional(),
  /**
   * Verbs as the Permissions window shows them: List, View, Add, Edit, Delete, …
   * (docs/intacct.md#permission-verbs).
   */
  rights: list(Name).min(1),
  /**
   * false when the source gives a row's rights but its object name survives only in a screenshot
   * (Certify's grid). `name` is then a description for people, and checkers must not match it.
   */
  nameKnown: z.boolean().optional(),
});

export const AccessSchema = z.enum(['all', 'read-only', 'custom']);

export const PermissionSchema = z.strictObject({
  /** The application as the Subscriptions/Permissions pages name it. */
  module: Name,
  /**
   * Other names for it in the UI or in getUserPermissions' applicationName (docs/intacct.md#getuserpermissions,
   * docs/intacct.md#application-policies).
   */
  aliases: list(Name),
  /**
   * The Permissions window's shortcut radios are All and Read only; anything finer is `custom`
   * (docs/intacct.md#roles-and-the-permissions-window).
   */
  access: AccessSchema,
  objects: list(PermissionObjectSchema, PROFILE_LIMITS.list).optional(),
  when: WhenSchema.optional(),
  why: Text,
});

// ---- packages ---------------------------------------------------------------------------------------

// The field types and their data descriptions follow CustomERPPackage.xsd
// (docs/intacct.md#custom-fields-and-smart-links). `lookup` is left out: the XSD gives it no data
// description, so a package we build could not describe one.
const Digits = z.number().int().min(0);
export const DataDescriptionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('checkbox'), checked: z.boolean() }),
  z.strictObject({ kind: z.literal('currency'), leftOfDecimal: Digits, rightOfDecimal: Digits.optional() }),
  z.strictObject({ kind: z.literal('number'), leftOfDecimal: Digits, rightOfDecimal: Digits.optional() }),
  z.strictObject({ kind: z.literal('percent'), leftOfDecimal: Digits, rightOfDecimal: Digits.optional() }),
  z.strictObject({ kind: z.literal('date'), defaultToday: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('email') }),
  z.strictObject({ kind: z.literal('url') }),
  z.strictObject({ kind: z.literal('password') }),
  z.strictObject({
    kind: z.literal('picklist'),
    pickValues: list(Name, PROFILE_LIMITS.list).min(1),
    defaultValue: z.string().max(PROFILE_LIMITS.name).optional(),
    sort: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('picklistmulti'),
    pickValues: list(Name, PROFILE_LIMITS.list).min(1),
    defaultValue: z.string().max(PROFILE_LIMITS.name).optional(),
    sort: z.boolean().optional(),
    rowCount: z.number().int().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('sequence'), sequenceId: Name }),
  z.strictObject({ kind: z.literal('text'), length: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('textarea'), rowCount: z.number().int().min(1).optional() }),
]);

export const CUSTOM_FIELD_TYPES = [
  'checkbox',
  'currency',
  'number',
  'percent',
  'date',
  'email',
  'url',
  'password',
  'picklist',
  'picklistmulti',
  'sequence',
  'text',
  'textarea',
] as const;

export const CustomFieldSchema = z
  .strictObject({
    customFieldId: Name,
    type: z.enum(CUSTOM_FIELD_TYPES),
    ownerObject: Name,
    label: Name,
    description: Text.optional(),
    dataDescription: DataDescriptionSchema,
  })
  .superRefine((field, ctx) => {
    // The XSD pairs each type with its own data description; a mismatch would import as a broken field.
    if (field.dataDescription.kind !== field.type) {
      ctx.addIssue({
        code: 'custom',
        path: ['dataDescription', 'kind'],
        message: `A ${field.type} field needs a ${field.type} data description, not ${field.dataDescription.kind}`,
      });
    }
  });

export const PackageSchema = z.discriminatedUnion('kind', [
  /** The admin downloads the vendor's package (Expensify: from its app, docs/intacct.md#vendor-packages). */
  z.strictObject({ kind: z.literal('download'), url: HttpsUrlSchema, fileHint: Text, note: Text }),
  /**
   * The vendor supplies it, with no fixed link: its representative sends it (Certify's Platform Services
   * application) or its own app offers it for download once connected (Tallie).
   */
  z.strictObject({ kind: z.literal('vendor-sends'), note: Text }),
  /**
   * The extension writes a Customization Services package itself (root customErpPackage,
   * docs/intacct.md#package-structure).
   */
  z.strictObject({
    kind: z.literal('built'),
    name: Name,
    description: Text,
    author: Name,
    // The XSD forbids empty sections, so a built package must carry at least one field.
    customFields: list(CustomFieldSchema, PROFILE_LIMITS.list).min(1),
  }),
]);

// ---- the web services user ----------------------------------------------------------------------------

/** User types Intacct offers (docs/intacct.md#user-types). */
export const USER_TYPES = [
  'Business',
  'Employee',
  'Project Manager',
  'Platform',
  'CRM',
  'Payment Approver',
  'Warehouse',
  'Construction Manager',
  'Client',
  'Dashboard',
  'View-only',
] as const;

export const WsUserSchema = z.strictObject({
  /** The ID the guide prescribes, when it prescribes one. */
  userId: Name.optional(),
  /** How the source describes the ID when it gives no exact value. */
  userIdPattern: Text.optional(),
  // Optional because several sources do not say; absent means "not stated", never "anything goes".
  userType: z.enum(USER_TYPES).optional(),
  adminPrivileges: z.enum(['Off', 'Limited', 'Full']).optional(),
  note: Text,
});

// ---- the profile ------------------------------------------------------------------------------------

export const SourceSchema = z.strictObject({
  /** The guide's title. */
  title: Text,
  /** Where it was found, as the reference cites it. */
  citation: Text,
  url: HttpsUrlSchema.optional(),
});

export const IntegrationProfileSchema = z.strictObject({
  id: SlugSchema,
  /** The profile author's own version ("2026-12"); exported audits name it. Built-in profiles go by the extension's version. */
  version: Text.max(40).optional(),
  name: Name,
  vendor: Name,
  source: SourceSchema,
  /**
   * Further guides the facts come from, when one article does not hold them all (Ramp's purchase orders
   * live in an article of their own). `source` stays the main guide, so profiles written before this field
   * still parse.
   */
  moreSources: list(SourceSchema, 10).optional(),
  summary: Text,
  options: list(OptionSchema, 20),
  steps: list(StepSchema, PROFILE_LIMITS.list).min(1),
  senderIds: list(SenderIdSchema, 20),
  subscriptions: list(SubscriptionSchema, PROFILE_LIMITS.list),
  permissions: list(PermissionSchema, PROFILE_LIMITS.list),
  /**
   * false when the source's permission list is not exhaustive (rights shown only in screenshots, "full
   * module permissions" without naming the modules…): a module or right the profile does not name may
   * still be needed, so checks never call it excess. Absent means true: whatever is not listed is excess.
   */
  permissionsComplete: z.boolean().optional(),
  package: PackageSchema.optional(),
  wsUser: WsUserSchema,
  role: z.strictObject({ name: Name }).optional(),
  /** What the source leaves unknown; shown to the admin rather than guessed. */
  knownGaps: list(Text),
});

export type IntegrationProfile = z.infer<typeof IntegrationProfileSchema>;
export type ProfileOption = z.infer<typeof OptionSchema>;
export type OptionChoice = z.infer<typeof OptionChoiceSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type When = z.infer<typeof WhenSchema>;
export type ExpectRule = z.infer<typeof ExpectRuleSchema>;
export type FieldRule = z.infer<typeof FieldRuleSchema>;
export type MenuPath = z.infer<typeof MenuPathSchema>;
export type ProfileStep = z.infer<typeof StepSchema>;
export type SenderIdRule = z.infer<typeof SenderIdSchema>;
export type SubscriptionRule = z.infer<typeof SubscriptionSchema>;
export type PermissionObject = z.infer<typeof PermissionObjectSchema>;
export type PermissionRule = z.infer<typeof PermissionSchema>;
export type Access = z.infer<typeof AccessSchema>;
export type ProfilePackage = z.infer<typeof PackageSchema>;
export type CustomField = z.infer<typeof CustomFieldSchema>;
export type DataDescription = z.infer<typeof DataDescriptionSchema>;
export type WsUser = z.infer<typeof WsUserSchema>;
export type ProfileSource = z.infer<typeof SourceSchema>;

/** The admin's answers, option id → chosen value. */
export type OptionValues = Record<string, string>;

/** True when every condition holds for these answers; no conditions means the item always applies. */
export function appliesTo(when: readonly Condition[] | undefined, values: OptionValues): boolean {
  if (!when) return true;
  return when.every((condition) => {
    const chosen = values[condition.option];
    return chosen !== undefined && condition.in.includes(chosen);
  });
}
