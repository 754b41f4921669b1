import { describe, expect, it } from 'vitest';
import { auditPage } from '@/utils/audit/page-audit';
import { getProfile } from '@/utils/profiles/registry';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

const expensify = getProfile('expensify')!;
const roleBased = { permissionModel: 'role-based' };
const roleCheck = (html: string, values: Record<string, string>) =>
  auditPage(parseHtml(html), 'ws-user-form', expensify, values).find((f) => f.id === 'role-assigned');

describe('the Expensify role assigned to the web services user (role-based companies)', () => {
  for (const page of ['ws-user-form', 'ws-user-form-current']) {
    it(`asks for the role on ${page} when none is assigned`, () => {
      const finding = roleCheck(fixtureHtml(page), roleBased);
      expect(finding?.status).toBe('missing');
      expect(finding?.subject).toBe('Role Expensify assigned');
      expect(finding?.fix).toContain('click +');
      expect(finding?.stepId).toBe('ws-user');
    });
  }

  it('is satisfied once the role is in the Roles information table', () => {
    const html = fixtureHtml('ws-user-form').replace(
      /<tbody><tr><td><\/td><td colspan="2" class="muted">No roles assigned\. Click \+ to add a role\.<\/td><\/tr><\/tbody>/,
      '<tbody><tr><td></td><td>Expensify</td><td>Web services for Expensify</td></tr></tbody>',
    );
    expect(roleCheck(html, roleBased)?.status).toBe('ok');
  });

  it('is not asked in a user-based company, where there are no roles', () => {
    expect(roleCheck(fixtureHtml('ws-user-form'), { permissionModel: 'user-based' })).toBeUndefined();
  });
});
