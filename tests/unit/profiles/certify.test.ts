import { describe, expect, it } from 'vitest';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { fieldRulesFor, requiredPermissions, requiredSteps, requiredSubscriptions } from '@/utils/profiles/registry';

describe('Emburse Certify', () => {
  it('follows the guide’s order, from the Certify request to the sender IDs', () => {
    for (const permissionModel of ['user-based', 'role-based']) {
      expect(requiredSteps(CERTIFY_PROFILE, { permissionModel }).map((s) => s.id)).toEqual([
        'earlier-processing-date',
        'platform-services',
        'app-install',
        'registration',
        'ws-user',
        'permissions',
        'sender-authorization',
      ]);
    }
  });

  it('has the admin tick off the Certify request and the registration by hand', () => {
    expect(CERTIFY_PROFILE.steps.filter((s) => s.manual).map((s) => s.id)).toEqual([
      'earlier-processing-date',
      'registration',
    ]);
  });

  it('authorizes Ajax (Scripts) and Certify (Certify Integration), case-sensitively', () => {
    expect(CERTIFY_PROFILE.senderIds.map(({ id, description, caseSensitive }) => ({ id, description, caseSensitive }))).toEqual([
      { id: 'Ajax', description: 'Scripts', caseSensitive: true },
      { id: 'Certify', description: 'Certify Integration', caseSensitive: true },
    ]);
    const rule = fieldRulesFor(CERTIFY_PROFILE, {}, 'sender-form').find((r) => r.id === 'sender-id');
    expect(rule?.expect).toEqual({ kind: 'oneOf', values: ['Ajax', 'Certify'], caseSensitive: true });
  });

  it('needs both Platform Services and Web Services', () => {
    expect(requiredSubscriptions(CERTIFY_PROFILE, {}).map((s) => s.name)).toEqual(['Platform Services', 'Web Services']);
  });

  it('has the admin generate a Certify API key and secret before registering', () => {
    const steps = Object.fromEntries(requiredSteps(CERTIFY_PROFILE, {}).map((s) => [s.id, s.instructions.join(' ')]));
    expect(steps['earlier-processing-date']).toMatch(/Certify API key and secret/);
    expect(steps.registration).toMatch(/API key and secret/);
  });

  it('warns that Intacct’s level of service must cover the connector’s API volume, and admits the volume is unknown', () => {
    const steps = Object.fromEntries(requiredSteps(CERTIFY_PROFILE, {}).map((s) => [s.id, s.instructions.join(' ')]));
    expect(steps['platform-services']).toMatch(/level of service/);
    expect(requiredSubscriptions(CERTIFY_PROFILE, {}).find((s) => s.name === 'Web Services')?.why).toMatch(/level of service/);
    expect(CERTIFY_PROFILE.knownGaps.join(' ')).toMatch(/level of service is enough/);
  });

  it('gets its package from the Certify representative', () => {
    expect(CERTIFY_PROFILE.package?.kind).toBe('vendor-sends');
  });

  it('requires a valid email on the web services user, since the password is emailed', () => {
    expect(fieldRulesFor(CERTIFY_PROFILE, {}, 'ws-user-form').map((r) => r.expect)).toEqual([{ kind: 'email' }]);
  });

  it('records only the permission rows the text names, and flags the rest as unknown', () => {
    const byModule = Object.fromEntries(requiredPermissions(CERTIFY_PROFILE, {}).map((p) => [p.module, p]));
    expect(byModule['Accounts Payable']?.objects?.filter((o) => o.nameKnown !== false)).toEqual([
      { name: 'Vendor Types', rights: ['List', 'View'] },
      { name: 'Tax Detail', rights: ['List', 'View'] },
    ]);
    expect(byModule['Accounts Payable']?.objects?.find((o) => o.nameKnown === false)?.rights).toEqual(['List', 'View', 'Edit']);
    expect(byModule['Cash Management']?.objects).toEqual([
      { name: 'Credit Card Transactions', rights: ['List', 'View', 'Add', 'Edit'] },
    ]);
    expect(byModule['Emburse Certify']?.access).toBe('custom');
    expect(CERTIFY_PROFILE.knownGaps.join(' ')).toMatch(/screenshot/);
    // So a module or right it does not name is never called excess.
    expect(CERTIFY_PROFILE.permissionsComplete).toBe(false);
  });

  it('does not invent a user ID, user type or admin level the guide never gives', () => {
    expect(CERTIFY_PROFILE.wsUser.userId).toBeUndefined();
    expect(CERTIFY_PROFILE.wsUser.userType).toBeUndefined();
    expect(CERTIFY_PROFILE.wsUser.adminPrivileges).toBeUndefined();
    expect(CERTIFY_PROFILE.role).toBeUndefined();
  });
});
