import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepOrganizationPolicyCopy, organizationPolicyItem, readManagedState, readManagedStateDirect } from '@/utils/managed/read';

beforeEach(() => fakeBrowser.reset());

describe('the copy of the organization policy the overlay and the popup read', () => {
  it('the background copies storage.managed as given, and the copy parses to the same settings', async () => {
    const policy = { integration: 'certify', lockIntegration: true, organizationName: 'Acme Corp' };
    await fakeBrowser.storage.managed.set(policy);
    keepOrganizationPolicyCopy();
    await vi.waitFor(async () => expect(await organizationPolicyItem.getValue()).toEqual(policy));
    expect(await readManagedState()).toEqual(await readManagedStateDirect());
    expect((await readManagedState()).config.lockIntegration).toBe(true);
  });

  it('follows a policy change while running, and a removed policy leaves nothing set', async () => {
    await fakeBrowser.storage.managed.set({ organizationName: 'Acme Corp' });
    keepOrganizationPolicyCopy();
    await vi.waitFor(async () => expect(await organizationPolicyItem.getValue()).toEqual({ organizationName: 'Acme Corp' }));
    await fakeBrowser.storage.managed.clear();
    await vi.waitFor(async () => expect(await organizationPolicyItem.getValue()).toBeNull());
    expect((await readManagedState()).config.organizationName).toBeUndefined();
  });

  it('a browser without managed storage (Firefox with no policy throws) is no policy, not an error', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect((await readManagedStateDirect()).problems).toEqual([]);
  });
});
