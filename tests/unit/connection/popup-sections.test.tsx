import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectionTest, type SendMessage } from '@/components/popup/ConnectionTest';
import { PackageDownload, ProfileImport } from '@/components/popup/PackageDownload';
import { Popup } from '@/components/popup/Popup';
import { handleConnectionMessage } from '@/utils/background/connection';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { importCustomProfile } from '@/utils/profiles/import';
import { BUILT_IN_PROFILES } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { lastCompanyItem } from '@/utils/storage/connection';
import { demoGatewayFetch } from '../intacct/demo-fetch';
import { builtProfile } from '../package/built-profile';
import { crossCheckFloodFile } from '../../fixtures/intacct/hostile/profile-files';

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  fakeBrowser.reset();
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const allByTestId = (id: string) => [...host.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

/** React listens for input events; set the value the way a user's typing does. */
async function type(id: string, value: string): Promise<void> {
  const input = byTestId(id) as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(id: string): Promise<void> {
  await act(async () => {
    byTestId(id)?.click();
  });
}

/** Waits for the UI to settle after an async round trip. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  expect(check()).toBe(true);
}

/** The popup's messages go straight to the background handler, which asks the demo gateway. */
function backgroundSend(): { send: SendMessage; sent: unknown[] } {
  const sent: unknown[] = [];
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  const send: SendMessage = async (message) => {
    sent.push(message);
    return handleConnectionMessage(message, popup, { fetchFn: demoGatewayFetch().fetchFn, sleep: async () => {} });
  };
  return { send, sent };
}

async function fill(values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) await type(id, value);
}

const GOOD = {
  'ish-conn-user-password': 'user-pw-77aa',
  'ish-conn-sender': 'democo_sender',
  'ish-conn-sender-password': 'sender-pw-99bb',
};

describe('the connection test form', () => {
  it('prefills the company seen in the Intacct tab and the profile’s web services user', async () => {
    await lastCompanyItem.setValue('DEMOCO');
    await act(async () => root.render(<ConnectionTest profile={EXPENSIFY_PROFILE} options={{}} send={backgroundSend().send} />));
    await until(() => (byTestId('ish-conn-company') as HTMLInputElement).value === 'DEMOCO');
    expect((byTestId('ish-conn-user') as HTMLInputElement).value).toBe('xmlgateway_expensify');
    expect(byTestId('ish-connection-state')?.dataset.state).toBe('never');
    expect(host.textContent).toContain('Expensify’s sender ID “expensify” has a password only Expensify knows');
    expect((byTestId('ish-conn-user-password') as HTMLInputElement).type).toBe('password');
  });

  it('shows the diagnosis, the step that fixes it, and Intacct’s errors behind a toggle', async () => {
    const { send, sent } = backgroundSend();
    await act(async () => root.render(<ConnectionTest profile={EXPENSIFY_PROFILE} options={{}} send={send} />));
    await fill({ 'ish-conn-company': 'DEMOCO', ...GOOD, 'ish-conn-sender': 'unauthorized' });
    await click('ish-conn-test');
    await until(() => byTestId('ish-conn-result') !== null);

    expect(sent[0]).toMatchObject({ type: 'ish/test-connection', companyId: 'DEMOCO', senderId: 'unauthorized', userPassword: 'user-pw-77aa' });
    const result = byTestId('ish-conn-result');
    expect(result?.dataset.code).toBe('sender-not-authorized');
    expect(result?.textContent).toContain('The sender ID is not authorized for this company');
    expect(byTestId('ish-conn-fix')?.textContent).toMatch(/^Step \d+: Authorize Expensify’s sender IDCompany > Company Info > Security > Edit/);
    await until(() => byTestId('ish-connection-state')?.dataset.state === 'failing');

    expect(byTestId('ish-conn-details')).toBeNull();
    await click('ish-conn-details-toggle');
    const error = allByTestId('ish-conn-error')[0]?.textContent ?? '';
    expect(error).toContain('XL03000006');
    expect(error).toContain('Invalid Web Services Authorization');
    expect(error).toContain("The sender ID 'unauthorized' is not authorized");
    expect(error).toContain('Correction: Contact the company administrator');
    expect(byTestId('ish-check-permissions')).toBeNull();
  });

  it('after a success, leads on to the Audit section, which audits the whole user through that sign-in', async () => {
    const { send, sent } = backgroundSend();
    await act(async () =>
      root.render(
        <Popup profiles={BUILT_IN_PROFILES} selection={{ profileId: 'expensify', options: {} }} onSelectionChange={() => {}} frames={[]} section="connection" send={send} />,
      ),
    );
    const shown = (section: string) => host.querySelector<HTMLElement>(`[data-testid="ish-section"][data-section="${section}"]`);
    // Before any sign-in the audit says what it needs instead of offering a button that cannot work.
    expect(shown('audit')?.querySelector('[data-testid="ish-audit-needs-sign-in"]')).not.toBeNull();
    expect(byTestId('ish-check-permissions')).toBeNull();
    await fill({ 'ish-conn-company': 'DEMOCO', ...GOOD, 'ish-conn-user': 'limited' });
    await click('ish-conn-test');
    await until(() => byTestId('ish-show-audit') !== null);
    expect(byTestId('ish-conn-result')?.dataset.code).toBe('ok');
    await until(() => byTestId('ish-connection-state')?.dataset.state === 'connected');

    await click('ish-show-audit');
    expect(shown('audit')?.hidden).toBe(false);
    expect(shown('connection')?.hidden).toBe(true);
    await click('ish-check-permissions');
    await until(() => allByTestId('ish-finding').length > 0);
    expect(sent[1]).toEqual({
      type: 'ish/check-permissions',
      profileId: 'expensify',
      options: {},
      companyId: 'DEMOCO',
      senderPassword: 'sender-pw-99bb',
    });
    const cash = allByTestId('ish-finding').find((li) => li.dataset.subject === 'Cash Management');
    expect(cash?.dataset.status).toBe('missing');
    expect(cash?.textContent).toContain('CHECKINGACCOUNT');
    expect(byTestId('ish-probe-note')?.textContent).toContain('Intacct refused getUserPermissions');

    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain('user-pw-77aa');
    expect(stored).not.toContain('sender-pw-99bb');
  });
});

describe('the package section', () => {
  it('links to the vendor for a download package', async () => {
    await act(async () => root.render(<PackageDownload profile={EXPENSIFY_PROFILE} />));
    const link = byTestId('ish-package-link') as HTMLAnchorElement;
    expect(link.href).toBe('https://www.expensify.com/tools/integrations/downloadPackage');
    expect(byTestId('ish-package')?.textContent).toContain('Expensify supplies the package');
  });

  it('builds and saves a built package as <profile-id>-package.xml', async () => {
    const download = vi.fn(async () => 3);
    await act(async () => root.render(<PackageDownload profile={builtProfile()} deps={{ download, useBlob: false }} />));
    await click('ish-package-download');
    await until(() => byTestId('ish-package-status') !== null);
    expect(download).toHaveBeenCalledWith(expect.objectContaining({ filename: 'acme-expenses-package.xml' }));
    expect(byTestId('ish-package-status')?.textContent).toBe('Saved acme-expenses-package.xml to your downloads.');
  });
});

describe('the profile import', () => {
  async function choose(text: string): Promise<void> {
    const input = byTestId('ish-profile-import') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'profile.json', { type: 'application/json' })] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('hands a valid profile to the popup', async () => {
    const imported = vi.fn();
    await act(async () => root.render(<ProfileImport onImported={imported} />));
    await choose(JSON.stringify(builtProfile()));
    await until(() => imported.mock.calls.length === 1);
    expect(imported.mock.calls[0]?.[0]).toMatchObject({ id: 'acme-expenses' });
    expect(byTestId('ish-import-ok')?.textContent).toContain('Acme Expenses');
  });

  it('shows each problem’s path and message when it refuses a file', async () => {
    const imported = vi.fn();
    await act(async () => root.render(<ProfileImport onImported={imported} />));
    const bad = { ...builtProfile(), id: 'Not A Slug', steps: [] };
    await choose(JSON.stringify(bad));
    await until(() => allByTestId('ish-import-problem').length > 0);
    const problems = allByTestId('ish-import-problem').map((li) => li.textContent ?? '');
    expect(problems.some((p) => p.startsWith('id '))).toBe(true);
    expect(problems.some((p) => p.startsWith('steps '))).toBe(true);
    expect(imported).not.toHaveBeenCalled();
  });

  it('lists 100 problems of a hostile 256 kB file and counts the rest', async () => {
    await act(async () => root.render(<ProfileImport onImported={vi.fn()} />));
    await choose(crossCheckFloodFile());
    await until(() => allByTestId('ish-import-problem').length > 0);
    expect(allByTestId('ish-import-problem')).toHaveLength(100);
    expect(byTestId('ish-import-more')?.textContent).toMatch(/^and \d{2},\d{3} more$/);
  });
});

describe('imported profiles in the popup', () => {
  const acme = (): IntegrationProfile => {
    const result = importCustomProfile(JSON.stringify(builtProfile()));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.profile;
  };

  it('lists an imported profile as imported beside the built-in ones', async () => {
    const imported = acme();
    await act(async () =>
      root.render(<Popup profiles={[...BUILT_IN_PROFILES, imported]} selection={{ profileId: imported.id, options: {} }} onSelectionChange={() => {}} frames={[]} />),
    );
    const labels = [...host.querySelectorAll('[data-testid="ish-integration"] option')].map((o) => o.textContent);
    expect(labels).toEqual([...BUILT_IN_PROFILES.map((p) => p.name), '(imported) Acme Expenses']);
  });

  it('shows the host a package link leads to beside its button', async () => {
    const profile: IntegrationProfile = { ...acme(), package: { kind: 'download', url: 'https://downloads.acme.example:8443/p.xml', fileHint: 'p.xml', note: 'From Acme.' } };
    await act(async () => root.render(<PackageDownload profile={profile} />));
    expect((byTestId('ish-package-link') as HTMLAnchorElement).href).toBe('https://downloads.acme.example:8443/p.xml');
    expect(byTestId('ish-package-host')?.textContent).toBe('downloads.acme.example:8443');
    await act(async () => root.render(<PackageDownload profile={EXPENSIFY_PROFILE} />));
    expect(byTestId('ish-package-host')?.textContent).toBe('www.expensify.com');
  });
});
