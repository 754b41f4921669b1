// @vitest-environment node
import { roles } from 'aria-query';
import { describe, expect, it } from 'vitest';
import { STATE_ROLES, type StateAttribute } from '@/utils/reading/aria-states';

/*
 * The reader's table of which roles carry which state is aria-query's WAI-ARIA model, cut down to the roles
 * a setup page uses (aria-query is not bundled: it would add ten times the reading model's size).
 */
describe('the ARIA states the reader trusts are the ones WAI-ARIA gives each role', () => {
  for (const [state, list] of Object.entries(STATE_ROLES) as Array<[StateAttribute, readonly string[]]>) {
    for (const role of list) {
      it(`${role} carries ${state}`, () => {
        const model = roles.get(role as Parameters<typeof roles.get>[0]);
        expect(model, role).toBeDefined();
        expect(Object.keys(model?.props ?? {})).toContain(state);
      });
    }
  }

  it('and no role that carries aria-checked among those a setup page draws boxes with is left out', () => {
    for (const role of ['checkbox', 'switch', 'radio', 'menuitemcheckbox'] as const) {
      expect(Object.keys(roles.get(role)?.props ?? {})).toContain('aria-checked');
      expect(STATE_ROLES['aria-checked']).toContain(role);
    }
  });
});
