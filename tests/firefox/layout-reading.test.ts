import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellUrl } from '../fixtures/intacct/router';
import { attributeOf, findingSelector, inOverlay, intacctTab, launchFirefox, openIntacctPage, poll, waitFor, type FirefoxSession } from './launch';

/*
 * The geometric reading in Firefox (issue #20): fields labelled only by where their labels are drawn, and a
 * setup page in a frame inside Intacct's page frame (Firefox has no location.ancestorOrigins; the first
 * look runs there as in any frame).
 */
describe('in Firefox, pages only a browser reads right', () => {
  let session: FirefoxSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchFirefox();
    page = await intacctTab(session);
  });
  afterAll(async () => session?.close());

  it('reads fields labelled only by where their labels are drawn', async () => {
    const frame = await openIntacctPage(page, 'ws-user-form-visual');
    await waitFor(frame, inOverlay('[data-testid="ish-overlay"][data-page-kind="ws-user-form"]'));
    await waitFor(frame, findingSelector('User type'));
    expect(await attributeOf(frame, findingSelector('User type'), 'data-status')).toBe('wrong');
    expect(await attributeOf(frame, findingSelector('Admin privileges'), 'data-status')).toBe('ok');
    expect(await attributeOf(frame, findingSelector('Status'), 'data-status')).toBe('ok');
    expect(await frame.$(inOverlay('[data-testid="ish-finding"][data-status="not-found"]'))).toBeNull();
  });

  it('shows the guide in a setup page inside a frame of the page frame', async () => {
    await page.goto(shellUrl('module-frame'));
    const inner = await poll(() => page.frames().find((f) => f.url().includes('.it=eeconfig')), 'the nested T&E frame');
    const overlay = await waitFor(inner, inOverlay('[data-testid="ish-overlay"]'));
    expect(await overlay.evaluate((el) => el.getAttribute('data-page-kind'))).toBe('te-configuration');
  });
});
