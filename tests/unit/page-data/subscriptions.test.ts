import { describe, expect, it } from 'vitest';
import { readCompanySubscriptions } from '@/utils/page-data/company-subscriptions';
import { MANGLERS, fixtureHtml, parseHtml } from '../pages/load-fixture';

const load = (): Document => parseHtml(fixtureHtml('company-subscriptions'));

describe('readCompanySubscriptions', () => {
  it('reads each application toggle by its name', () => {
    const rows = readCompanySubscriptions(load());
    const state = Object.fromEntries(rows.map((r) => [r.application, r.subscribed]));
    expect(state).toEqual({
      'General Ledger': true,
      'Accounts Payable': true,
      'Accounts Receivable': true,
      'Cash Management': true,
      Projects: true,
      'Time & Expenses': false,
      Purchasing: false,
      'Order Entry': false,
      'Inventory Control': false,
      'Customization Services': true,
      'Web Services': true,
    });
    expect(rows.find((r) => r.application === 'Time & Expenses')?.control.getAttribute('role')).toBe('switch');
  });

  it('follows a toggle the admin switches', () => {
    const doc = load();
    const te = readCompanySubscriptions(doc).find((r) => r.application === 'Time & Expenses')!;
    (te.control as HTMLInputElement).checked = true;
    expect(readCompanySubscriptions(doc).find((r) => r.application === 'Time & Expenses')?.subscribed).toBe(true);
  });

  for (const [how, mangle] of Object.entries(MANGLERS)) {
    it(`reads the same toggles with ${how}`, () => {
      const doc = load();
      mangle(doc);
      expect(readCompanySubscriptions(doc).map((r) => [r.application, r.subscribed])).toEqual(
        readCompanySubscriptions(load()).map((r) => [r.application, r.subscribed]),
      );
    });
  }

  it('reads switches drawn without inputs, labelled by a label element or a table row', () => {
    const doc = parseHtml(`
      <div role="switch" aria-checked="true" aria-labelledby="n1"></div><span id="n1">Platform Services</span>
      <label for="ws">Web Services</label><input type="checkbox" id="ws">
      <table><tr><td>Expenses</td><td><input type="checkbox" checked></td></tr></table>
    `);
    expect(readCompanySubscriptions(doc).map((r) => [r.application, r.subscribed])).toEqual([
      ['Platform Services', true],
      ['Web Services', false],
      ['Expenses', true],
    ]);
  });
});
