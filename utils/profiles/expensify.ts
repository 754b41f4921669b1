import type { IntegrationProfile, When } from './schema';
import { USER_TYPE_BUSINESS, ADMIN_PRIVILEGES_FULL, PERMISSION_MODEL_OPTION, STATUS_ACTIVE, SENDER_STATUS_ACTIVE } from './common';

// Source: Expensify's "Connect to Sage Intacct" guide (seed 000; reference source key [exp]).
// Every "only required if" in that guide is a `when` below; the wording is ours.

const EXPENSE_REPORTS: When = [{ option: 'export', in: ['expense-reports'] }];
const VENDOR_BILLS: When = [{ option: 'export', in: ['vendor-bills'] }];
const ROLE_BASED: When = [{ option: 'permissionModel', in: ['role-based'] }];

export const EXPENSIFY_SENDER_ID = 'expensify';
export const EXPENSIFY_USER_ID = 'xmlgateway_expensify';

export const EXPENSIFY_PROFILE: IntegrationProfile = {
  id: 'expensify',
  name: 'Expensify',
  vendor: 'Expensify',
  source: {
    title: 'Connect to Sage Intacct (Expensify Help)',
    citation:
      'Expensify/App docs/articles/expensify-classic/connections/sage-intacct/Connect-To-Sage-Intacct.md (reference key [exp])',
    url: 'https://help.expensify.com/articles/expensify-classic/connections/sage-intacct/Connect-To-Sage-Intacct',
  },
  summary:
    'Expensify signs in to Intacct as a dedicated web services user, posts out-of-pocket spend as expense reports or vendor bills, and relies on a package it supplies. Available on Expensify’s Control plan.',
  options: [
    {
      id: 'export',
      label: 'Out-of-pocket expenses exported as',
      help: 'Pick what Expensify is set to create in Intacct. Expense reports need the Time & Expenses module, employees and expense types; vendor bills need Accounts Payable instead.',
      choices: [
        { value: 'vendor-bills', label: 'Vendor bills' },
        { value: 'expense-reports', label: 'Expense reports' },
      ],
      default: 'vendor-bills',
    },
    {
      id: 'dimensions',
      label: 'Uses Projects or Customers',
      help: 'Whether expenses are coded to Intacct projects or customers. If so, the user needs read access to Projects.',
      choices: [
        { value: 'projects', label: 'Projects' },
        { value: 'customers', label: 'Customers' },
        { value: 'none', label: 'Neither' },
      ],
      default: 'none',
    },
    PERMISSION_MODEL_OPTION,
  ],
  steps: [
    {
      id: 'role',
      title: 'Create the Expensify role',
      pageKinds: ['role-list', 'role-form'],
      menuPath: {
        older: 'Company > Roles (the + next to Roles)',
        current: 'Company > Admin > Users, roles, and groups > Roles',
      },
      instructions: [
        'With role-based permissions, Expensify gets its access through a role that you then attach to its web services user.',
        'Add a new role and call it Expensify, then save.',
        'Check the spelling before saving: Intacct does not let you rename a role afterwards.',
        'Saving opens the role’s subscriptions; you can set its permissions there now or in the permissions step.',
      ],
      when: ROLE_BASED,
      fields: [
        {
          id: 'role-name',
          pageKind: 'role-form',
          labels: ['Name'],
          subject: 'Role name',
          expect: { kind: 'equals', value: 'Expensify', caseSensitive: false },
          fix: 'Name the role Expensify.',
        },
      ],
    },
    {
      id: 'ws-user',
      title: 'Create the web services user',
      pageKinds: ['ws-user-list', 'ws-user-form'],
      menuPath: {
        older: 'Company > Web Services Users > New',
        current: 'Company > Admin > Users, roles, and groups > Web Services users > Add',
      },
      instructions: [
        'Add a new web services user for Expensify. Intacct does not charge for web services users.',
        `Give it the User ID ${EXPENSIFY_USER_ID}; you will type the same ID into Expensify when connecting.`,
        'Set both first and last name to Expensify (newer screens collect them through the Contact name picker’s Add window).',
        'Use your accounting team’s shared mailbox as the email address.',
        'Choose User type Business, Admin privileges Full and Status Active.',
        'Role-based companies only: before saving, add the Expensify role to the user (the + on the roles list of the user form).',
        'Keep the user’s password at hand: Expensify asks for it in the connect step.',
      ],
      fields: [
        {
          id: 'ws-user-id',
          pageKind: 'ws-user-form',
          labels: ['User ID'],
          subject: 'User ID',
          // Only consistency with what is typed into Expensify matters; Intacct's case rules for login IDs are not documented.
          expect: { kind: 'equals', value: EXPENSIFY_USER_ID, caseSensitive: false },
          fix: `Enter ${EXPENSIFY_USER_ID} as the User ID.`,
        },
        {
          id: 'ws-last-name',
          pageKind: 'ws-user-form',
          labels: ['Last name'],
          subject: 'Last name',
          expect: { kind: 'equals', value: 'Expensify', caseSensitive: false },
          fix: 'Enter Expensify as the last name.',
          replacedBy: ['Contact name'],
        },
        {
          id: 'ws-first-name',
          pageKind: 'ws-user-form',
          labels: ['First name'],
          subject: 'First name',
          expect: { kind: 'equals', value: 'Expensify', caseSensitive: false },
          fix: 'Enter Expensify as the first name.',
          replacedBy: ['Contact name'],
        },
        {
          // The current form folds first and last name into a Contact name picker.
          id: 'ws-contact-name',
          pageKind: 'ws-user-form',
          labels: ['Contact name'],
          subject: 'Contact name',
          expect: { kind: 'nonEmpty' },
          fix: 'Pick or add a contact whose first and last name are both Expensify.',
          replacedBy: ['Last name', 'First name'],
        },
        {
          id: 'ws-email',
          pageKind: 'ws-user-form',
          labels: ['Email address', 'Account email address'],
          subject: 'Email address',
          expect: { kind: 'email' },
          fix: 'Enter your accounting team’s shared email address.',
        },
        USER_TYPE_BUSINESS,
        ADMIN_PRIVILEGES_FULL,
        STATUS_ACTIVE,
      ],
    },
    {
      id: 'permissions',
      title: 'Give Expensify its permissions',
      pageKinds: ['user-subscriptions', 'user-permissions', 'role-subscriptions', 'role-permissions'],
      menuPath: {
        older:
          'User-based: Company > Web Services Users > the user’s Subscriptions link. Role-based: Company > Roles > Subscriptions',
        current:
          'User-based: Company > Admin > Users, roles, and groups > Web Services users > Subscriptions. Role-based: Company > Admin > Users, roles, and groups > Roles > Subscriptions',
      },
      instructions: [
        'User-based companies: open the Subscriptions link of the Expensify web services user. Role-based companies: open the subscriptions of the Expensify role.',
        'For each application below, tick it, then open its Permissions link and pick the access level.',
        'Always: Administration All, Company Read-only, Cash Management All, General Ledger All.',
        'Time & Expenses All, only when out-of-pocket expenses are exported as expense reports.',
        'Projects Read-only, only when expenses are coded to projects or customers.',
        'Accounts Payable All, whenever any expenses are exported as vendor bills.',
      ],
    },
    {
      id: 'te-subscription',
      title: 'Subscribe to Time & Expenses',
      pageKinds: ['company-subscriptions'],
      menuPath: {
        older: 'Company > Subscriptions > Time & Expenses',
        current: 'Company > Admin > Subscriptions > Expenses',
      },
      instructions: [
        'Needed only because out-of-pocket expenses will arrive in Intacct as expense reports.',
        'Switch on the Time & Expenses subscription (newer screens call it Expenses).',
        'It is a paid module that many companies already have; your Sage Intacct account manager can quote the cost.',
      ],
      when: EXPENSE_REPORTS,
    },
    {
      id: 'te-configuration',
      title: 'Configure Time & Expenses',
      pageKinds: ['te-configuration'],
      menuPath: {
        older: 'Company > Subscriptions > Time & Expenses > Configure',
        current: 'Expenses > Setup > Configuration (or Company > Admin > Subscriptions > Expenses > Configure)',
      },
      instructions: [
        'Make sure Expense types is ticked.',
        'Under Auto-numbering sequences, use EXP for Expense Report and EMP for Employee, and set Duplicate Numbers to “Do not allow creation”.',
        'No EXP sequence yet? Use the arrow on the Expense Report line and choose Add: Sequence ID EXP, Print Title EXPENSE REPORT, Starting Number 1, Next Number 2.',
        'In that sequence’s Advanced Settings, set Fixed Number Length 4 and Fixed Prefix EXP, then save the sequence.',
        'In the expense report approval settings, leave Enable expense report approval unticked.',
        'Save the configuration.',
      ],
      when: EXPENSE_REPORTS,
      fields: [
        {
          id: 'te-expense-types',
          pageKind: 'te-configuration',
          labels: ['Expense types'],
          subject: 'Expense types',
          expect: { kind: 'checked', value: true },
          fix: 'Tick Expense types.',
        },
        {
          id: 'te-expense-report-sequence',
          pageKind: 'te-configuration',
          labels: ['Expense Report'],
          subject: 'Expense report numbering',
          expect: { kind: 'equals', value: 'EXP', caseSensitive: false },
          fix: 'Choose the EXP sequence for Expense Report.',
        },
        {
          id: 'te-employee-sequence',
          pageKind: 'te-configuration',
          labels: ['Employee'],
          subject: 'Employee numbering',
          expect: { kind: 'equals', value: 'EMP', caseSensitive: false },
          fix: 'Choose the EMP sequence for Employee.',
        },
        {
          id: 'te-duplicate-numbers',
          pageKind: 'te-configuration',
          labels: ['Duplicate Numbers'],
          subject: 'Duplicate numbers',
          expect: { kind: 'equals', value: 'Do not allow creation', caseSensitive: false },
          fix: 'Set Duplicate Numbers to “Do not allow creation”.',
        },
        {
          id: 'te-sequence-id',
          pageKind: 'te-configuration',
          labels: ['Sequence ID'],
          subject: 'Sequence ID',
          expect: { kind: 'equals', value: 'EXP', caseSensitive: false },
          fix: 'Enter EXP as the Sequence ID.',
          // In the sequence dialog, which opens only from the Expense Report line's Add.
          onDemand: true,
        },
        {
          id: 'te-print-title',
          pageKind: 'te-configuration',
          labels: ['Print Title'],
          subject: 'Sequence print title',
          expect: { kind: 'equals', value: 'EXPENSE REPORT', caseSensitive: false },
          fix: 'Enter EXPENSE REPORT as the Print Title.',
          onDemand: true,
        },
        {
          id: 'te-starting-number',
          pageKind: 'te-configuration',
          labels: ['Starting Number'],
          subject: 'Sequence starting number',
          expect: { kind: 'equals', value: '1', caseSensitive: false },
          fix: 'Set Starting Number to 1.',
          onDemand: true,
        },
        {
          id: 'te-next-number',
          pageKind: 'te-configuration',
          labels: ['Next Number'],
          subject: 'Sequence next number',
          expect: { kind: 'equals', value: '2', caseSensitive: false },
          fix: 'Set Next Number to 2.',
          onDemand: true,
        },
        {
          id: 'te-fixed-number-length',
          pageKind: 'te-configuration',
          labels: ['Fixed Number Length'],
          subject: 'Fixed number length',
          expect: { kind: 'equals', value: '4', caseSensitive: false },
          fix: 'Under Advanced Settings, set Fixed Number Length to 4.',
          onDemand: true,
        },
        {
          id: 'te-fixed-prefix',
          pageKind: 'te-configuration',
          labels: ['Fixed Prefix'],
          subject: 'Fixed prefix',
          expect: { kind: 'equals', value: 'EXP', caseSensitive: false },
          fix: 'Under Advanced Settings, set Fixed Prefix to EXP.',
          onDemand: true,
        },
        {
          id: 'te-approval',
          pageKind: 'te-configuration',
          labels: ['Enable expense report approval'],
          subject: 'Expense report approval',
          expect: { kind: 'checked', value: false },
          fix: 'Untick Enable expense report approval.',
        },
      ],
    },
    {
      id: 'employees',
      title: 'Set up employees',
      pageKinds: ['employee-form'],
      menuPath: { older: 'Time & Expenses > the + next to Employees' },
      instructions: [
        'Add an employee for each person whose expense reports will be exported.',
        'Each needs an Employee ID, a Primary contact name and an email address.',
        'In Primary contact name, open the dropdown: pick the person if they already exist, or choose + Add and fill in their primary email address and any other required fields.',
        'No Time & Expenses in the top menu? Your own access is missing: under Company > Roles, grant all Time & Expenses permissions.',
      ],
      when: EXPENSE_REPORTS,
      fields: [
        {
          id: 'employee-id',
          pageKind: 'employee-form',
          labels: ['Employee ID'],
          subject: 'Employee ID',
          expect: { kind: 'nonEmpty' },
          fix: 'Enter an Employee ID.',
        },
        {
          id: 'employee-contact',
          pageKind: 'employee-form',
          labels: ['Primary contact name'],
          subject: 'Primary contact',
          expect: { kind: 'nonEmpty' },
          fix: 'Pick or add the employee’s contact in Primary contact name.',
        },
        {
          id: 'employee-email',
          pageKind: 'employee-form',
          labels: ['Email address', 'Primary email address'],
          subject: 'Employee email',
          expect: { kind: 'email' },
          fix: 'Give the employee’s contact a valid primary email address.',
        },
      ],
    },
    {
      id: 'expense-types',
      title: 'Set up expense types',
      pageKinds: ['expense-type-form'],
      menuPath: { older: 'Time & Expenses > Setup > the + next to Expense Types' },
      instructions: [
        'Expense types are the friendly names employees see for your expense accounts, so the chart of accounts has to exist first.',
        'Accounts can be loaded in bulk from Company > Open Setup > Company Setup Checklist > Import.',
        'Add one expense type per category, each with a name, a description and the general ledger account number it posts to.',
      ],
      when: EXPENSE_REPORTS,
      fields: [
        {
          id: 'expense-type-name',
          pageKind: 'expense-type-form',
          labels: ['Expense type'],
          subject: 'Expense type',
          expect: { kind: 'nonEmpty' },
          fix: 'Enter the expense type’s name.',
        },
        {
          id: 'expense-type-description',
          pageKind: 'expense-type-form',
          labels: ['Description'],
          subject: 'Description',
          expect: { kind: 'nonEmpty' },
          fix: 'Enter a description.',
        },
        {
          id: 'expense-type-account',
          pageKind: 'expense-type-form',
          // The guide names no label; the older form says "Account number", others "GL account" (ASSUMED).
          labels: ['Account number', 'GL account', 'GL account number', 'Expense account'],
          subject: 'GL account',
          expect: { kind: 'nonEmpty' },
          fix: 'Pick the general ledger account this expense type posts to.',
        },
      ],
    },
    {
      id: 'customization-services',
      title: 'Enable Customization Services',
      pageKinds: ['company-subscriptions'],
      menuPath: {
        older: 'Company > Subscriptions > Customization Services',
        current: 'Company > Admin > Subscriptions > Customization Services',
      },
      instructions: [
        'Subscribe to Customization Services so Intacct can import the Expensify package.',
        'Already have Platform Services? Skip this step; the package can be imported there instead.',
      ],
    },
    {
      id: 'package-download',
      title: 'Download the Expensify package',
      pageKinds: [],
      menuPath: {
        older: 'In Expensify: Settings > Workspaces > your workspace > Connections > Sage Intacct > Connect to Sage Intacct',
      },
      instructions: [
        'In Expensify, open Settings > Workspaces and choose the workspace to connect.',
        'Optional: create a separate test workspace first (New Workspace, top right) to try the connection safely.',
        'Go to Connections > Sage Intacct > Connect to Sage Intacct and choose Download Package.',
        'Only save the file for now; it is uploaded to Intacct in the next step.',
      ],
      manual: true,
    },
    {
      id: 'package-upload',
      title: 'Upload the package to Intacct',
      pageKinds: ['custom-package'],
      menuPath: { older: 'Customization Services (or Platform Services) > Custom Packages > New Package' },
      instructions: [
        'Open Custom Packages under Customization Services, or under Platform Services if that is what your company has, and start a New Package.',
        'Choose File, select the Expensify package from your downloads (the one Expensify’s Download Package saved; the helper’s toolbar popup links to it under Package), then Import.',
        'Importing a package needs the Application subscriptions List permission (Administration) on your own login.',
      ],
    },
    {
      id: 'sender-authorization',
      title: 'Authorize Expensify’s sender ID',
      pageKinds: ['company-security', 'sender-form'],
      menuPath: {
        older: 'Company > Company Info > Security > Edit',
        current: 'Company > Setup > Configuration > Company > Security tab > Edit > Web Services authorizations > Add',
      },
      instructions: [
        'Open the company’s Security settings and choose Edit.',
        `In Web Services authorizations, add the sender ID ${EXPENSIFY_SENDER_ID}, all in lowercase.`,
        'Sender IDs are case-sensitive and cannot be edited once added, so check it before saving.',
        'Leave its status Active.',
      ],
      fields: [
        {
          id: 'sender-id',
          pageKind: 'sender-form',
          labels: ['Sender ID'],
          subject: 'Sender ID',
          expect: { kind: 'equals', value: EXPENSIFY_SENDER_ID, caseSensitive: true },
          fix: `Enter ${EXPENSIFY_SENDER_ID} in lowercase as the Sender ID.`,
        },
        SENDER_STATUS_ACTIVE,
      ],
    },
    {
      id: 'connect',
      title: 'Connect Expensify to Intacct',
      pageKinds: [],
      menuPath: { older: 'In Expensify: Settings > Workspaces > your workspace > Accounting > Set up (next to Sage Intacct)' },
      instructions: [
        'In Expensify, open the workspace’s Accounting settings and choose Set up next to Sage Intacct.',
        'Enter the web services user’s credentials from the first steps and confirm.',
      ],
      manual: true,
    },
    {
      id: 'sync-options',
      title: 'Choose the sync options in Expensify',
      pageKinds: [],
      menuPath: { older: 'In Expensify: Settings > Workspaces > your workspace > Accounting' },
      instructions: [
        'Review the integration’s sync and export settings in Expensify.',
        'Pick the same out-of-pocket export type there that you chose here, so Intacct has what it needs.',
      ],
      manual: true,
    },
  ],
  senderIds: [
    {
      id: EXPENSIFY_SENDER_ID,
      caseSensitive: true,
      note: 'The guide asks for it all in lowercase; Intacct compares sender IDs exactly.',
    },
  ],
  subscriptions: [
    {
      name: 'Time & Expenses',
      aliases: ['Expenses', 'Time & Expense'],
      when: EXPENSE_REPORTS,
      why: 'Expense reports are a Time & Expenses record.',
    },
    {
      name: 'Customization Services',
      alternatives: ['Platform Services'],
      why: 'The Expensify package is imported as a custom package.',
    },
  ],
  permissions: [
    { module: 'Administration', aliases: [], access: 'all', why: 'Listed by the guide for every Expensify connection.' },
    { module: 'Company', aliases: [], access: 'read-only', why: 'Listed by the guide for every Expensify connection.' },
    { module: 'Cash Management', aliases: [], access: 'all', why: 'Listed by the guide for every Expensify connection.' },
    { module: 'General Ledger', aliases: [], access: 'all', why: 'Listed by the guide for every Expensify connection.' },
    {
      module: 'Time & Expenses',
      // The product now says Expenses. Not "Time": that is an application of its own in the current
      // product; getUserPermissions' truncated "Time " is mapped in utils/intacct/permission-check.ts.
      aliases: ['Time & Expense', 'Expenses'],
      access: 'all',
      when: EXPENSE_REPORTS,
      why: 'Needed to create expense reports.',
    },
    {
      module: 'Projects',
      aliases: [],
      access: 'read-only',
      when: [{ option: 'dimensions', in: ['projects', 'customers'] }],
      why: 'Needed to read the projects and customers expenses are coded to.',
    },
    {
      module: 'Accounts Payable',
      aliases: [],
      access: 'all',
      when: VENDOR_BILLS,
      why: 'Needed to create vendor bills.',
    },
  ],
  package: {
    kind: 'download',
    url: 'https://www.expensify.com/tools/integrations/downloadPackage',
    fileHint: 'The file Expensify saves when you choose Download Package (in your Downloads folder).',
    note: 'Expensify supplies the package; its contents are not published.',
  },
  wsUser: {
    userId: EXPENSIFY_USER_ID,
    userType: 'Business',
    adminPrivileges: 'Full',
    note: 'First and last name Expensify, a shared accounting email address, status Active.',
  },
  role: { name: 'Expensify' },
  knownGaps: [
    'The guide asks for Accounts Payable All whenever any expenses, company-card ones included, are exported as vendor bills. This profile asks only about out-of-pocket exports, so with expense reports check how company-card expenses are exported.',
    'Expensify’s troubleshooting articles (not this guide) also mention Accounts Receivable Read-only when using customers or projects; it is not required here.',
    'The guide does not say whether the Web Services subscription must be on.',
    'The guide lists “Configure integration sync options” but does not describe the options.',
    'The Expensify package’s contents are not published.',
    'The guide gives only the older menu path for employees and expense types.',
  ],
};
