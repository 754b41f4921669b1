import { describe, expect, it } from 'vitest';
import {
  BILL_SPEND_PROFILE,
  BREX_PROFILE,
  CONNECTOR_PROFILES,
  EXPENSEIN_PROFILE,
  GORILLA_EXPENSE_PROFILE,
  RAMP_PROFILE,
} from '@/utils/profiles/connectors';
import { fieldRulesFor, requiredPermissions } from '@/utils/profiles/registry';
import { IntegrationProfileSchema } from '@/utils/profiles/schema';

describe('published connector profiles', () => {
  it.each(CONNECTOR_PROFILES.map((p) => [p.name, p] as const))('%s parses and admits what its source leaves out', (_n, profile) => {
    expect(IntegrationProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile.knownGaps.length).toBeGreaterThan(0);
  });

  it('authorizes each published sender ID exactly as the vendor spells it', () => {
    const senders = Object.fromEntries(CONNECTOR_PROFILES.map((p) => [p.id, p.senderIds.map((s) => s.id)]));
    expect(senders).toEqual({
      ramp: ['RampFinancialMPP'],
      brex: ['BrexMPP'],
      'bill-spend-expense': ['bill.com'],
      expensein: [],
      'gorilla-expense': [],
    });
    expect(fieldRulesFor(BILL_SPEND_PROFILE, {}, 'sender-form')[0]?.expect).toEqual({
      kind: 'equals',
      value: 'bill.com',
      caseSensitive: true,
    });
  });

  it('says so when a vendor does not publish its sender ID, rather than guessing one', () => {
    for (const profile of [EXPENSEIN_PROFILE, GORILLA_EXPENSE_PROFILE]) {
      expect(profile.knownGaps.join(' ')).toMatch(/sender ID/);
      expect(fieldRulesFor(profile, {}, 'sender-form')).toEqual([]);
    }
  });

  it('gives Brex full access to the four modules it names', () => {
    expect(requiredPermissions(BREX_PROFILE, {}).map((p) => [p.module, p.access])).toEqual([
      ['Company', 'all'],
      ['Cash Management', 'all'],
      ['General Ledger', 'all'],
      ['Accounts Receivable', 'all'],
    ]);
    expect(BREX_PROFILE.wsUser).toMatchObject({ userType: 'Business', adminPrivileges: 'Full' });
  });

  it('uses the Divvy user for BILL Spend & Expense', () => {
    expect(BILL_SPEND_PROFILE.wsUser.userId).toBe('Divvy');
  });

  it('lists ExpenseIn’s granular rights object by object', () => {
    const gl = requiredPermissions(EXPENSEIN_PROFILE, {}).find((p) => p.module === 'General Ledger');
    expect(gl?.objects).toEqual([
      { name: 'Accounts', rights: ['View'] },
      { name: 'Journal Entries', rights: ['Add'] },
    ]);
  });

  it('gives Gorilla Expense All on Time & Expenses only', () => {
    expect(requiredPermissions(GORILLA_EXPENSE_PROFILE, {}).map((p) => [p.module, p.access])).toEqual([
      ['Time & Expenses', 'all'],
    ]);
  });

  it('admits a permission list is incomplete where the source asks for more than it names', () => {
    const complete = Object.fromEntries(CONNECTOR_PROFILES.map((p) => [p.id, p.permissionsComplete ?? true]));
    expect(complete).toEqual({
      ramp: false, // “full module permissions”, modules not named
      brex: false, // the Admin role in role-based companies
      'bill-spend-expense': false, // “all permissions enabled within each module”
      expensein: true,
      'gorilla-expense': true,
    });
  });

  it('leaves Ramp’s module list empty because the article does not name the modules', () => {
    expect(RAMP_PROFILE.permissions).toEqual([]);
    expect(RAMP_PROFILE.knownGaps.join(' ')).toMatch(/modules/);
  });
});
