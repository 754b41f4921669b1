import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/finding';
import { createPermissionsAudit } from '@/utils/audit/permission-tracker';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { bigPermissionsHtml } from '../../fixtures/intacct/generated/big-permissions';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';

function box(doc: Document, label: string): HTMLInputElement {
  const el = doc.querySelector(`input[aria-label="${label}"]`);
  if (!el) throw new Error(`no checkbox ${label}`);
  return el as HTMLInputElement;
}

function statuses(findings: readonly Finding[]): Record<string, string> {
  return Object.fromEntries(findings.map((f) => [f.id, f.status]));
}

/** Findings as the overlay shows them; `target` is compared by identity separately. */
function shown(findings: readonly Finding[]): unknown[] {
  return findings.map(({ target: _target, ...rest }) => rest);
}

describe('createPermissionsAudit.update after one click', () => {
  it('ticking Accounts Delete flips that finding to ok and leaves every other verdict alone', () => {
    const doc = parseHtml(fixtureHtml('role-permissions'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    const before = statuses(audit.findings());
    expect(before['perm:general-ledger:accounts']).toBe('missing');

    const del = box(doc, 'Accounts Delete');
    del.checked = true;
    const { changed, removed } = audit.update(del);

    const after = statuses(audit.findings());
    const flipped = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(flipped).toEqual(['perm:general-ledger:accounts']);
    expect(after['perm:general-ledger:accounts']).toBe('ok');
    expect(removed).toEqual([]);
    // The section's count moves too (47 of 48), but it stays wrong while Journal entries Reverse is off.
    expect(changed.map((f) => f.id).sort()).toEqual(['perm:general-ledger:accounts', 'perm:general-ledger:section:activities-and-lists']);
    expect(changed.find((f) => f.id.endsWith(':section:activities-and-lists'))?.found).toBe('Custom (47 of 48 rights ticked)');

    const reverse = box(doc, 'Journal entries Reverse');
    reverse.checked = true;
    audit.update(reverse);
    const done = statuses(audit.findings());
    expect(done['perm:general-ledger:journal-entries']).toBe('ok');
    expect(done['perm:general-ledger:section:activities-and-lists']).toBe('ok');
  });

  it('unticking a right Expensify needs makes an ok object missing it, and back again', () => {
    const doc = parseHtml(fixtureHtml('user-permissions'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    const view = box(doc, 'Deposits View');
    view.checked = false;
    const first = audit.update(view);
    expect(first.changed.find((f) => f.id === 'perm:cash-management:deposits')).toMatchObject({
      status: 'missing',
      expected: 'all rights (View missing)',
    });
    view.checked = true;
    audit.update(view);
    expect(audit.findings().every((f) => f.status === 'ok')).toBe(true);
  });

  it('choosing All under Reports re-reads the boxes the page’s script ticked', () => {
    const doc = parseHtml(fixtureHtml('role-permissions'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    const reports = Array.from(doc.querySelectorAll('fieldset'))[1] as Element;
    const all = reports.querySelector('input[type="radio"][value="all"]') as HTMLInputElement;
    // What the window's own script does on that click (it sets `checked` without change events).
    all.checked = true;
    for (const b of Array.from(reports.querySelectorAll('input[type="checkbox"]'))) (b as HTMLInputElement).checked = true;
    audit.update(all);
    const s = statuses(audit.findings());
    expect(s['perm:general-ledger:section:reports']).toBe('ok');
    expect(s['perm:general-ledger:financial-reports']).toBe('ok');
    expect(audit.findings().find((f) => f.id === 'perm:general-ledger:section:reports')?.found).toBe('All (18 of 18 rights ticked)');
  });

  it('on a Subscriptions page: ticking Cash Management fixes it, unticking Accounts Receivable removes the excess', () => {
    const doc = parseHtml(fixtureHtml('role-subscriptions'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    const cm = doc.querySelector('input[aria-label="Cash Management"]') as HTMLInputElement;
    cm.checked = true;
    expect(audit.update(cm).changed.map((f) => [f.id, f.status])).toEqual([['sub:cash-management', 'ok']]);

    const ar = doc.querySelector('input[aria-label="Accounts Receivable"]') as HTMLInputElement;
    ar.checked = false;
    expect(audit.update(ar)).toEqual({ changed: [], removed: ['sub:accounts-receivable'] });
    expect(audit.findings().some((f) => f.id === 'sub:accounts-receivable')).toBe(false);
  });

  it('accepts the label or the cell that was clicked in place of the checkbox', () => {
    const doc = parseHtml(fixtureHtml('role-subscriptions'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    (doc.querySelector('input[aria-label="Cash Management"]') as HTMLInputElement).checked = true;
    const label = doc.querySelector('label[for="sub__cm"]') as Element;
    expect(audit.update(label).changed.map((f) => f.id)).toEqual(['sub:cash-management']);

    const win = parseHtml(fixtureHtml('role-permissions'));
    const winAudit = createPermissionsAudit(win, EXPENSIFY_PROFILE, {});
    const del = box(win, 'Accounts Delete');
    del.checked = true;
    expect(winAudit.update(del.parentElement as Element).changed.map((f) => f.id)).toContain('perm:general-ledger:accounts');
  });

  it('re-reads the whole page when the clicked element is unknown (the page re-rendered)', () => {
    const doc = parseHtml(fixtureHtml('role-permissions'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    const table = doc.querySelector('table') as Element;
    const fresh = table.cloneNode(true) as Element;
    (fresh.querySelector('input[aria-label="Accounts Delete"]') as HTMLInputElement).checked = true;
    table.replaceWith(fresh);
    const result = audit.update(fresh.querySelector('input[aria-label="Accounts Delete"]') as Element);
    expect(result.changed.map((f) => f.id)).toContain('perm:general-ledger:accounts');
    expect(statuses(audit.findings())['perm:general-ledger:accounts']).toBe('ok');
  });

  it('ignores a change to something it does not read, like a text field', () => {
    const doc = parseHtml(fixtureHtml('role-permissions').replace('</form>', '<input type="text" aria-label="Note"></form>'));
    const audit = createPermissionsAudit(doc, EXPENSIFY_PROFILE, {});
    const before = audit.findings();
    expect(audit.update(doc.querySelector('input[type="text"]') as Element)).toEqual({ changed: [], removed: [] });
    expect(audit.findings()).toEqual(before);
  });

  it('stays identical to a fresh audit through many clicks on a big multi-module page', () => {
    const doc = parseHtml(bigPermissionsHtml(12, 10));
    const boxes = Array.from(doc.querySelectorAll('input[type="checkbox"]')) as HTMLInputElement[];
    for (const profile of [EXPENSIFY_PROFILE, CERTIFY_PROFILE]) {
      const audit = createPermissionsAudit(doc, profile, { dimensions: 'projects' });
      let seed = 7;
      for (let i = 0; i < 40; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const b = boxes[seed % boxes.length] as HTMLInputElement;
        b.checked = !b.checked;
        audit.update(b);
        const fresh = createPermissionsAudit(doc, profile, { dimensions: 'projects' }).findings();
        expect(shown(audit.findings())).toEqual(shown(fresh));
        const targets = audit.findings().map((f) => f.target);
        expect(targets.every((t, k) => t === fresh[k]?.target)).toBe(true);
      }
    }
  });
});
