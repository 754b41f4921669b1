import { describe, expect, it } from 'vitest';
import { EMPTY_CONNECTION_STORE, companyFromUrl, effectiveTimeout, parseConnectionStore, stateOf, withState } from '@/utils/storage/connection';
import { parseCustomProfiles, withCustomProfile } from '@/utils/storage/custom-profiles';
import { builtProfile } from '../package/built-profile';

describe('connection storage helpers', () => {
  it('reads the company ID from the frameset URL’s .cc (ASSUMED key)', () => {
    expect(companyFromUrl('https://www-p02.intacct.com/ia/acct/frameset.phtml?.sess=demo&.cc=DEMOCO')).toBe('DEMOCO');
    expect(companyFromUrl('https://www-p02.intacct.com/ia/acct/frameset.phtml?.sess=demo')).toBeNull();
    expect(companyFromUrl('https://x.intacct.com/?.cc=<script>')).toBeNull();
    expect(companyFromUrl('not a url')).toBeNull();
    expect(companyFromUrl(undefined)).toBeNull();
  });

  it('only ever shortens the gateway timeout, within 1–30 s', () => {
    expect(effectiveTimeout(null)).toBe(30_000);
    expect(effectiveTimeout('5000')).toBe(30_000);
    expect(effectiveTimeout(2_000)).toBe(2_000);
    expect(effectiveTimeout(10)).toBe(1_000);
    expect(effectiveTimeout(600_000)).toBe(30_000);
  });

  it('keeps one state per company and integration, and remembers the last pair', () => {
    let store = withState(EMPTY_CONNECTION_STORE, ' DEMOCO ', 'expensify', { status: 'connected', at: 1 });
    store = withState(store, 'DEMOCO', 'certify', { status: 'failing', code: 'user-credentials', at: 2 });
    expect(stateOf(store, 'DEMOCO', 'expensify')).toEqual({ status: 'connected', at: 1 });
    expect(stateOf(store, 'DEMOCO', 'certify')).toMatchObject({ status: 'failing' });
    expect(stateOf(store, 'OTHER', 'expensify')).toBeNull();
    expect(store.last).toEqual({ companyId: 'DEMOCO', profileId: 'certify' });
    expect(parseConnectionStore({ companies: { X: { y: { status: 'connected' } } }, last: null })).toEqual(EMPTY_CONNECTION_STORE);
  });

  it('stores imported profiles parsed, replacing one with the same id', () => {
    const profile = builtProfile();
    const list = withCustomProfile(withCustomProfile([], profile), { ...profile, name: 'Acme 2' });
    expect(list.map((p) => p.name)).toEqual(['Acme 2']);
    expect(parseCustomProfiles([profile, { id: 'broken' }, 'x'])).toEqual([profile]);
    expect(parseCustomProfiles('nope')).toEqual([]);
  });
});
