import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_MANAGED, parseManagedConfig } from '@/utils/managed/config';
import { keepOrganizationPolicyCopy, organizationPolicyItem, readManagedState, readManagedStateDirect } from '@/utils/managed/read';

beforeEach(() => fakeBrowser.reset());

describe('the organization policy, parsed once in the background', () => {
  it('the background stores the parsed settings, and the overlay and the popup read them as stored', async () => {
    const policy = { integration: 'certify', lockIntegration: true, organizationName: 'Acme Corp' };
    await fakeBrowser.storage.managed.set(policy);
    keepOrganizationPolicyCopy();
    await vi.waitFor(async () => expect(await organizationPolicyItem.getValue()).toEqual(parseManagedConfig(policy)));
    expect(await readManagedState()).toEqual(await readManagedStateDirect());
    expect((await readManagedState()).config.lockIntegration).toBe(true);
  });

  it('follows a policy change while running, and a removed policy leaves nothing set', async () => {
    await fakeBrowser.storage.managed.set({ organizationName: 'Acme Corp' });
    keepOrganizationPolicyCopy();
    await vi.waitFor(async () => expect((await readManagedState()).config.organizationName).toBe('Acme Corp'));
    await fakeBrowser.storage.managed.clear();
    await vi.waitFor(async () => expect(await organizationPolicyItem.getValue()).toBeNull());
    expect((await readManagedState()).config.organizationName).toBeUndefined();
  });

  it('the background reads and parses storage.managed once, not on every gateway message', async () => {
    await fakeBrowser.storage.managed.set({ hideConnectionTest: true });
    keepOrganizationPolicyCopy();
    await vi.waitFor(async () => expect((await readManagedState()).config.hideConnectionTest).toBe(true));
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    for (let i = 0; i < 5; i++) expect((await readManagedStateDirect()).config.hideConnectionTest).toBe(true);
    expect(get).not.toHaveBeenCalled();
  });

  it('a stored value of another shape is no policy, never a crash', async () => {
    await organizationPolicyItem.setValue({ config: { lockIntegration: 'yes' }, problems: 'many' });
    expect(await readManagedState()).toEqual(EMPTY_MANAGED);
  });

  it('a browser without managed storage (Firefox with no policy throws) is no policy, not an error', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    keepOrganizationPolicyCopy();
    await fakeBrowser.storage.managed.clear().catch(() => undefined);
    expect((await readManagedState()).problems).toEqual([]);
  });
});
