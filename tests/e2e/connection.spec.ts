import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './harness';
import { showSection } from './popup-nav';
import { popupAfterIntacct, startWholeUserAudit } from './whole-user-audit';

// Evaluated inside the extension's service worker, where `chrome` exists; declared for the type checker only.
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  storage: Record<
    'local' | 'sync' | 'session',
    { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }
  >;
};

// The demo gateway's credentials table is at the top of tests/fixtures/intacct/gateway.ts.
const USER_SECRET = 'user-pw-e2e-31c7';
const SENDER_SECRET = 'sender-pw-e2e-9a4d';

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface Typed {
  company?: string;
  user?: string;
  userPassword?: string;
  sender?: string;
  senderPassword?: string;
}

async function runTest(popup: Page, typed: Typed = {}): Promise<void> {
  await popup.getByTestId('ish-conn-company').fill(typed.company ?? 'DEMOCO');
  await popup.getByTestId('ish-conn-user').fill(typed.user ?? 'xmlgateway_expensify');
  await popup.getByTestId('ish-conn-user-password').fill(typed.userPassword ?? USER_SECRET);
  await popup.getByTestId('ish-conn-sender').fill(typed.sender ?? 'democo_sender');
  await popup.getByTestId('ish-conn-sender-password').fill(typed.senderPassword ?? SENDER_SECRET);
  await popup.getByTestId('ish-conn-test').click();
  await expect(popup.getByTestId('ish-conn-test')).toHaveText('Test connection', { timeout: 20_000 });
}

async function badgeText(context: BrowserContext): Promise<string> {
  const worker = await serviceWorker(context);
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

test('the popup reaches connected: company from the Intacct tab, user from the profile, ✓ on the toolbar', async ({
  context,
  page,
  extensionId,
}) => {
  const popup = await popupAfterIntacct(context, page, extensionId);
  await expect(popup.getByTestId('ish-conn-user')).toHaveValue('xmlgateway_expensify');
  await expect(popup.getByTestId('ish-connection-state')).toHaveAttribute('data-state', 'never');

  await runTest(popup);
  const result = popup.getByTestId('ish-conn-result');
  await expect(result).toHaveAttribute('data-code', 'ok');
  await expect(result).toContainText('Connection works');
  await expect(popup.getByTestId('ish-connection-state')).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => badgeText(context)).toBe('✓');

  // The state is per company and integration: another integration in the same company is untested.
  await showSection(popup, 'settings');
  await popup.getByTestId('ish-integration').selectOption('certify');
  await expect(popup.getByTestId('ish-connection-state')).toHaveAttribute('data-state', 'never');
  await popup.getByTestId('ish-integration').selectOption('expensify');
  await expect(popup.getByTestId('ish-connection-state')).toHaveAttribute('data-state', 'connected');
});

const FAILURES: { name: string; typed: Typed; code: string; title: string; step: RegExp | null; says?: string }[] = [
  {
    name: 'sender not authorized',
    typed: { sender: 'unauthorized' },
    code: 'sender-not-authorized',
    title: 'The sender ID is not authorized for this company',
    step: /^Step \d+: Authorize Expensify’s sender ID/,
    says: 'Expensify signs in with its own sender ID "expensify"',
  },
  {
    name: 'sender credentials',
    typed: { senderPassword: 'wrong' },
    code: 'sender-credentials',
    title: 'The sender ID or sender password is wrong',
    // Sage issues the sender's password; no checklist step fixes it.
    step: null,
    says: 'what Sage issued with your Web Services sender',
  },
  {
    name: 'user credentials',
    typed: { userPassword: 'wrong' },
    code: 'user-credentials',
    title: 'Intacct did not accept the user sign-in',
    step: /^Step \d+: Create the web services user/,
    says: "Check the web services user's User ID, the Company ID and the user's password",
  },
  {
    name: 'user credentials (HTTP 401)',
    typed: { userPassword: 'wrong401' },
    code: 'user-credentials',
    title: 'Intacct did not accept the user sign-in',
    step: /^Step \d+: Create the web services user/,
  },
  {
    name: 'wrong company ID (HTTP 400)',
    typed: { company: 'BADCO' },
    code: 'user-credentials',
    title: 'Intacct did not accept the sign-in',
    step: /^Step \d+: Create the web services user/,
    says: 'Check the Company ID first',
  },
  {
    name: 'permission denied',
    typed: { user: 'denied' },
    code: 'permission-denied',
    title: 'The web services user is missing permissions',
    step: /^Step \d+: Give Expensify its permissions/,
    says: 'userinfo belongs to Administration',
  },
  { name: 'company expired', typed: { company: 'EXPIRED' }, code: 'company-expired', title: 'The company has expired', step: null },
  { name: 'rate limited', typed: { company: 'BUSY' }, code: 'rate-limited', title: 'Intacct asked us to slow down', step: null },
  {
    name: 'request malformed',
    typed: { company: 'MALFORMED' },
    code: 'request-malformed',
    title: 'Intacct could not read our request',
    step: null,
  },
];

test('each failure shows its diagnosis and the step that fixes it', async ({ context, page, extensionId }) => {
  test.setTimeout(90_000);
  const popup = await popupAfterIntacct(context, page, extensionId);
  for (const failure of FAILURES) {
    await test.step(failure.name, async () => {
      await runTest(popup, failure.typed);
      const result = popup.getByTestId('ish-conn-result');
      await expect(result).toHaveAttribute('data-code', failure.code);
      await expect(result).toContainText(failure.title);
      if (failure.says) await expect(result).toContainText(failure.says);
      if (failure.step) await expect(popup.getByTestId('ish-conn-fix')).toHaveText(failure.step);
      else await expect(popup.getByTestId('ish-conn-fix')).toHaveCount(0);
      await expect(popup.getByTestId('ish-connection-state')).toHaveAttribute('data-state', 'failing');
      await expect(popup.getByTestId('ish-check-permissions')).toHaveCount(0);
    });
    if (failure.code === 'sender-not-authorized') {
      await popup.getByTestId('ish-conn-details-toggle').click();
      const error = popup.getByTestId('ish-conn-error').first();
      await expect(error).toContainText('XL03000006');
      await expect(error).toContainText('Invalid Web Services Authorization');
      await expect(error).toContainText('Correction: Contact the company administrator');
      await popup.screenshot({ path: 'test-results/screens/popup-diagnosis.png', fullPage: true });
      await popup.getByTestId('ish-connection').screenshot({ path: 'test-results/screens/popup-diagnosis-section.png' });
    }
  }
  await expect.poll(() => badgeText(context)).toBe('!');
});

test('an HTML error page (HTTP 502) after the retries reads as an HTTP error', async ({ context, page, extensionId }) => {
  // The client retries 5xx with 1 s, 2 s and 4 s backoff (docs/intacct.md#gateway-transport): about 7 s.
  test.setTimeout(60_000);
  const popup = await popupAfterIntacct(context, page, extensionId);
  await runTest(popup, { company: 'OUTAGE' });
  const result = popup.getByTestId('ish-conn-result');
  await expect(result).toHaveAttribute('data-code', 'http');
  await expect(result).toContainText('Intacct answered with an HTTP error');
  await expect(result).toContainText("Intacct's gateway answered HTTP 502 after 4 attempts");
});

test('a gateway that never answers ends with the timeout message', async ({ context, page, extensionId }) => {
  // The product waits 30 s; the tests shorten it through session storage (see gatewayTimeoutItem).
  const worker = await serviceWorker(context);
  await worker.evaluate(() => chrome.storage.session.set({ gatewayTimeoutMs: 2000 }));
  const popup = await popupAfterIntacct(context, page, extensionId);
  await runTest(popup, { company: 'SLOW' });
  const result = popup.getByTestId('ish-conn-result');
  await expect(result).toHaveAttribute('data-code', 'timeout');
  await expect(result).toContainText('Intacct did not answer in time');
  await expect(result).toContainText('Intacct did not answer within 2 seconds.');
  await expect(popup.getByTestId('ish-connection-state')).toHaveAttribute('data-code', 'timeout');
});

test('no password reaches storage.local or storage.sync or the console after a success and a failure', async ({ context, page, extensionId }) => {
  const logged: string[] = [];
  (await serviceWorker(context)).on('console', (m) => logged.push(m.text()));
  page.on('console', (m) => logged.push(m.text()));
  const popup = await popupAfterIntacct(context, page, extensionId);
  popup.on('console', (m) => logged.push(m.text()));
  await runTest(popup);
  await expect(popup.getByTestId('ish-conn-result')).toHaveAttribute('data-code', 'ok');
  await runTest(popup, { sender: 'unauthorized' });
  await expect(popup.getByTestId('ish-conn-result')).toHaveAttribute('data-code', 'sender-not-authorized');
  await popup.getByTestId('ish-conn-details-toggle').click();

  const worker = await serviceWorker(context);
  const dump = await worker.evaluate(async () =>
    JSON.stringify({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    }),
  );
  expect(dump).toContain('DEMOCO');
  expect(dump).toContain('connectionStates');
  expect(dump).not.toContain(USER_SECRET);
  expect(dump).not.toContain(SENDER_SECRET);
  // Nor does the page show them anywhere, nor any console (popup, service worker, Intacct page).
  expect(await popup.locator('body').innerText()).not.toContain(SENDER_SECRET);
  expect(logged.join('\n')).not.toContain(USER_SECRET);
  expect(logged.join('\n')).not.toContain(SENDER_SECRET);
});

test('Check permissions lists the missing module and the rights Expensify does not need', async ({ context, page, extensionId }) => {
  const popup = await popupAfterIntacct(context, page, extensionId);
  await runTest(popup);
  await startWholeUserAudit(popup);
  const probe = popup.getByTestId('ish-probe');
  await expect(probe).toHaveAttribute('data-source', 'getUserPermissions');
  const finding = (subject: string) => probe.locator(`[data-testid="ish-finding"][data-subject="${subject}"]`);
  await expect(finding('Cash Management')).toHaveAttribute('data-status', 'missing');
  await expect(finding('General Ledger')).toHaveAttribute('data-status', 'ok');
  await expect(finding('Accounts Receivable')).toHaveAttribute('data-status', 'excess');
  await popup.screenshot({ path: 'test-results/screens/popup-probe-rights.png', fullPage: true });
  await popup.getByTestId('ish-whole-user').screenshot({ path: 'test-results/screens/popup-probe-rights-section.png' });
});

test('where getUserPermissions is refused, the probe reads each object and lists the refused ones', async ({
  context,
  page,
  extensionId,
}) => {
  const popup = await popupAfterIntacct(context, page, extensionId);
  await runTest(popup, { user: 'limited' });
  await expect(popup.getByTestId('ish-conn-result')).toHaveAttribute('data-code', 'ok');
  await startWholeUserAudit(popup);
  const probe = popup.getByTestId('ish-probe');
  await expect(probe).toHaveAttribute('data-source', 'readByQuery');
  await expect(popup.getByTestId('ish-probe-note')).toContainText('Intacct refused getUserPermissions (PL04000005');
  const cash = probe.locator('[data-testid="ish-finding"][data-subject="Cash Management"]');
  await expect(cash).toHaveAttribute('data-status', 'missing');
  await expect(cash).toContainText('refused: CHECKINGACCOUNT, CCTRANSACTION');
  await expect(cash).toContainText('You do not have permission for API operation READ_BY_QUERY on objects of type checkingaccount');
  await expect(probe.locator('[data-testid="ish-finding"][data-status="ok"]')).toHaveCount(4);
  await popup.screenshot({ path: 'test-results/screens/popup-probe.png', fullPage: true });
  await popup.getByTestId('ish-whole-user').screenshot({ path: 'test-results/screens/popup-probe-section.png' });
});

test('an ended session sends the admin back to the connection test', async ({ context, page, extensionId }) => {
  const popup = await popupAfterIntacct(context, page, extensionId);
  await runTest(popup, { company: 'STALE' });
  await expect(popup.getByTestId('ish-conn-result')).toHaveAttribute('data-code', 'ok');
  await startWholeUserAudit(popup);
  const result = popup.getByTestId('ish-probe-result');
  await expect(result).toHaveAttribute('data-code', 'session-invalid');
  await expect(result).toContainText('Run the connection test again');
});
