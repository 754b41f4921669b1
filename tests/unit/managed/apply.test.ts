import { describe, expect, it } from 'vitest';
import { applyManagedSelection, withManagedProfiles } from '@/utils/managed/apply';
import { parseManagedConfig } from '@/utils/managed/config';
import { DEFAULT_SELECTION } from '@/utils/storage/selection';
import { builtProfile } from '../package/built-profile';

const mine = { profileId: 'expensify', options: { permissionModel: 'role' } };

describe('the integration in force under an organization policy', () => {
  it('without a policy, the user’s own choice, or the default before they chose', () => {
    const none = parseManagedConfig({}).config;
    expect(applyManagedSelection(mine, none)).toEqual(mine);
    expect(applyManagedSelection(null, none)).toEqual(DEFAULT_SELECTION);
  });

  it('an unlocked organization choice is the preset until the user picks their own', () => {
    const preset = parseManagedConfig({ integration: 'certify' }).config;
    expect(applyManagedSelection(null, preset)).toEqual({ profileId: 'certify', options: {} });
    expect(applyManagedSelection(mine, preset)).toEqual(mine);
  });

  it('a locked one wins over whatever is stored', () => {
    const locked = parseManagedConfig({ integration: 'certify', lockIntegration: true }).config;
    expect(applyManagedSelection(mine, locked)).toEqual({ profileId: 'certify', options: {} });
    expect(applyManagedSelection(null, locked)).toEqual({ profileId: 'certify', options: {} });
  });

  it('the organization’s profiles come first and replace a user import with the same id', () => {
    const org = { ...builtProfile(), name: 'Acme Expenses (company copy)' };
    const config = parseManagedConfig({ customProfiles: [JSON.stringify(org)] }).config;
    const other = { ...builtProfile(), id: 'other-tool', name: 'Other' };
    expect(withManagedProfiles([builtProfile(), other], config).map((p) => p.name)).toEqual(['Acme Expenses (company copy)', 'Other']);
  });
});
