import type { FieldRule, OptionChoice, ProfileOption, When } from './schema';

// What several published guides ask in the same words. Kept here once so a correction (a label Intacct
// renames, a clearer fix) reaches every profile.

/**
 * Role- or user-based permissions is a company-wide Intacct setting; guides branch on it
 * (docs/intacct.md#role-based-and-user-based-permissions).
 */
export const PERMISSION_MODEL_OPTION: ProfileOption = {
  id: 'permissionModel',
  label: 'Permission model',
  help: 'Intacct grants permissions either directly to users or through roles; it is a company-wide setting (Company information › Global settings › Permission type).',
  choices: [
    { value: 'user-based', label: 'User-based' },
    { value: 'role-based', label: 'Role-based' },
  ],
  default: 'user-based',
};

/** The two answers of a yes/no option, as every profile writes them. */
const YES: OptionChoice = { value: 'yes', label: 'Yes' };
const NO: OptionChoice = { value: 'no', label: 'No' };

/**
 * An option answered Yes or No ("Import purchase orders", "Sync corporate card transactions"): its values
 * are `yes` and `no`, its default answer listed first.
 */
export function yesNoOption(option: { id: string; label: string; help: string; default: 'yes' | 'no' }): ProfileOption {
  return {
    id: option.id,
    label: option.label,
    help: option.help,
    choices: (option.default === 'yes' ? [YES, NO] : [NO, YES]).map((choice) => ({ ...choice })),
    default: option.default,
  };
}

/** The condition "the yes/no option `optionId` is answered Yes", for a step, rule or object that only then applies. */
export function whenYes(optionId: string): When {
  return [{ option: optionId, in: [YES.value] }];
}

/** Only Business users can affect the general ledger (docs/intacct.md#user-types); the guides all ask for it. */
export const USER_TYPE_BUSINESS: FieldRule = {
  id: 'ws-user-type',
  pageKind: 'ws-user-form',
  labels: ['User type'],
  subject: 'User type',
  expect: { kind: 'equals', value: 'Business', caseSensitive: false },
  fix: 'Set User type to Business.',
};

/**
 * Guides ask for Full admin privileges (docs/intacct.md#requirements-by-connector: Expensify, Brex, BILL,
 * Apideck, Codat…).
 */
export const ADMIN_PRIVILEGES_FULL: FieldRule = {
  id: 'ws-admin-privileges',
  pageKind: 'ws-user-form',
  labels: ['Admin privileges'],
  subject: 'Admin privileges',
  expect: { kind: 'equals', value: 'Full', caseSensitive: false },
  fix: 'Set Admin privileges to Full.',
};

/** A Locked out or Inactive web services user cannot sign in (docs/intacct.md#web-services-user-form). */
export const STATUS_ACTIVE: FieldRule = {
  id: 'ws-status',
  pageKind: 'ws-user-form',
  labels: ['Status'],
  subject: 'Status',
  expect: { kind: 'equals', value: 'Active', caseSensitive: false },
  fix: 'Set Status to Active.',
};

/**
 * Intacct refuses requests from an inactive sender ID (docs/intacct.md#web-services-sender-information),
 * whatever the vendor's guide says.
 */
export const SENDER_STATUS_ACTIVE: FieldRule = {
  id: 'sender-status',
  pageKind: 'sender-form',
  labels: ['Status'],
  subject: 'Sender status',
  expect: { kind: 'equals', value: 'Active', caseSensitive: false },
  fix: 'Set the sender’s Status to Active.',
};
