import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { OverlayApp } from '@/components/overlay/OverlayApp';
import type { ExportAudit } from '@/utils/messages/export-audit';
import type { ExportReply } from '@/utils/messages/protocol';
import type { PageKind } from '@/utils/pages/kinds';
import { bigPermissionsHtml } from '../../fixtures/intacct/generated/big-permissions';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
import { reactHost } from '../react-host';
import { trustedClick } from '../trusted-click';
import { changedControls, controlStates } from './controls-state';
import { livePage } from './live-page';

// What the admin sees of Apply in the overlay: the button, the preview, the confirm, the result and Undo;
// and that a page script's click on Apply, Fill or Export (untrusted) does nothing.

const { render, byTestId, allByTestId } = reactHost();
const statuses = () => allByTestId('ish-finding').map((f) => f.getAttribute('data-status'));

/** The admin's click (trusted) or a page script's `.click()` through the open shadow root (not trusted). */
async function adminClicks(id: string): Promise<void> {
  await act(async () => trustedClick(byTestId(id)));
}
async function pageScriptClicks(id: string): Promise<void> {
  const button = byTestId(id);
  if (!button) throw new Error(`no ${id}`);
  await act(async () => button.click());
}

const SAVED: ExportReply = { ok: true, folder: 'f', files: ['audit.json'], jsonDigest: 'a'.repeat(64) };

function show(doc: Document, kind: PageKind, options: Record<string, string> = {}) {
  const onExport = vi.fn(async (_m: ExportAudit) => SAVED);
  render(<OverlayApp doc={doc} kind={kind} selection={{ profileId: 'expensify', options }} domVersion={0} companyId="DEMOCO" onExport={onExport} />);
  return onExport;
}

describe('Apply Expensify’s rights in the overlay', () => {
  it('previews every change, changes nothing until confirmed, then every check is OK; Undo puts the page back', async () => {
    const doc = livePage('role-permissions');
    show(doc, 'role-permissions');
    const before = controlStates(doc);
    const problemsBefore = statuses().filter((s) => s !== 'ok').length;
    expect(problemsBefore).toBeGreaterThan(0);
    expect(byTestId('ish-apply-rights')?.getAttribute('data-label')).toBe('Apply Expensify’s rights…');

    await adminClicks('ish-apply-rights');
    const preview = byTestId('ish-apply-preview');
    expect(preview?.querySelector('h3')?.textContent).toBe('Apply Expensify’s rights: 14 changes');
    expect(allByTestId('ish-apply-step').map((s) => s.firstChild?.textContent)).toEqual([
      'Choose All under Activities and lists (now Custom)',
      'Choose All under Reports (now Read only)',
    ]);
    const previewed = allByTestId('ish-apply-change').map((c) => `${c.getAttribute('data-subject')}=${c.getAttribute('data-to')}`);
    expect(previewed).toContain('General Ledger › Accounts › Delete=true');
    expect(previewed).toContain('General Ledger › Reports › Read only=false');
    expect(changedControls(before, controlStates(doc))).toEqual(new Map());

    await adminClicks('ish-apply-confirm');
    expect(changedControls(before, controlStates(doc)).size).toBe(previewed.length);
    expect(statuses().every((s) => s === 'ok')).toBe(true);
    expect(byTestId('ish-apply-result')?.textContent).toContain('Applied 14 changes. Review them on the page, then click Save yourself.');
    expect(byTestId('ish-apply-rights')).toBeNull();

    await adminClicks('ish-apply-undo');
    expect(changedControls(before, controlStates(doc))).toEqual(new Map());
    expect(byTestId('ish-apply-result')?.textContent).toContain('Put 14 controls back as they were before Apply.');
    expect(statuses().filter((s) => s !== 'ok').length).toBe(problemsBefore);
    expect(byTestId('ish-apply-rights')).not.toBeNull();
  });

  it('Cancel closes the preview and changes nothing', async () => {
    const doc = livePage('role-subscriptions');
    show(doc, 'role-subscriptions');
    const before = controlStates(doc);
    await adminClicks('ish-apply-rights');
    expect(allByTestId('ish-apply-step').map((s) => s.textContent)).toEqual(['Tick Cash Management', 'Untick Accounts Receivable', 'Untick Customization Services']);
    expect(byTestId('ish-apply-preview')?.textContent).toContain('After you save, open the Permissions of Administration');
    await adminClicks('ish-apply-cancel');
    expect(byTestId('ish-apply-preview')).toBeNull();
    expect(changedControls(before, controlStates(doc))).toEqual(new Map());
  });

  it('a page that changed since the preview is previewed again, not applied', async () => {
    const doc = livePage('role-subscriptions');
    show(doc, 'role-subscriptions');
    await adminClicks('ish-apply-rights');
    (doc.getElementById('sub__ar') as HTMLInputElement).click(); // the admin unticks Accounts Receivable on the page
    const before = controlStates(doc);
    await adminClicks('ish-apply-confirm');
    expect(changedControls(before, controlStates(doc))).toEqual(new Map());
    expect(byTestId('ish-apply-preview')?.textContent).toContain('The page changed since the preview, so nothing was applied');
    expect(allByTestId('ish-apply-step').map((s) => s.textContent)).toEqual(['Tick Cash Management', 'Untick Customization Services']);
  });

  it('lists what it cannot set safely by hand, and offers no confirm when that is all', async () => {
    const doc = parseHtml(fixtureHtml('role-subscriptions'));
    for (const box of Array.from(doc.querySelectorAll('input[type=checkbox]'))) (box as HTMLInputElement).disabled = true;
    show(doc, 'role-subscriptions');
    await adminClicks('ish-apply-rights');
    expect(byTestId('ish-apply-preview')?.querySelector('h3')?.textContent).toBe('Apply Expensify’s rights: nothing the helper can set here');
    expect(byTestId('ish-apply-by-hand')?.textContent).toContain('Tick Cash Management by hand: the page has switched it off (disabled).');
    expect(byTestId('ish-apply-confirm')).toBeNull();
    expect(byTestId('ish-apply-cancel')?.textContent).toBe('Close');
  });

  it('a big window previews every step and names its count, without drawing a line per box', async () => {
    // Accounts Receivable, which Expensify does not use, has over 200 boxes to untick in one section.
    const doc = parseHtml(bigPermissionsHtml(6, 80));
    show(doc, 'role-permissions');
    await adminClicks('ish-apply-rights');
    const heading = byTestId('ish-apply-preview')?.querySelector('h3')?.textContent ?? '';
    const count = Number(/: (\d+) changes$/.exec(heading)?.[1]);
    expect(count).toBeGreaterThan(300);
    expect(allByTestId('ish-apply-change').length).toBeLessThan(count);
    expect(byTestId('ish-apply-preview')?.textContent).toMatch(/Untick every right under Activities and lists \(2\d\d boxes\)/);
    expect(byTestId('ish-apply-preview')?.textContent).toMatch(/and \d+ more/);
  }, 20_000);

  it('once the admin clicks Save, Undo is no longer offered', async () => {
    const doc = livePage('role-subscriptions');
    show(doc, 'role-subscriptions');
    await adminClicks('ish-apply-rights');
    await adminClicks('ish-apply-confirm');
    expect(byTestId('ish-apply-undo')).not.toBeNull();
    await act(async () => (doc.getElementById('savebutton') as HTMLButtonElement).click());
    expect(byTestId('ish-apply-undo')).toBeNull();
    expect(byTestId('ish-apply-result')?.textContent).toContain('You saved the page, so Undo is no longer offered.');
  });

  it.each([
    ['presses Save', 'save', 'the page’s own script pressed Save', (doc: Document) => (doc.getElementById('savebutton') as HTMLButtonElement).click()],
    ['submits its form', 'submit', 'the page submitted its form', (doc: Document) => doc.querySelector('form')?.requestSubmit()],
    ['leaves', 'unload', 'the page started to leave', (doc: Document) => void doc.defaultView?.dispatchEvent(new Event('pagehide'))],
  ])('notices when the page’s own click handler %s while Apply runs, says so, and offers no Undo', async (_what, kind, words, save) => {
    const doc = livePage('role-subscriptions');
    doc.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
    let saved = false;
    for (const box of Array.from(doc.querySelectorAll('input[type="checkbox"]'))) {
      box.addEventListener('click', () => {
        if (saved) return;
        saved = true;
        save(doc);
      });
    }
    show(doc, 'role-subscriptions');
    await adminClicks('ish-apply-rights');
    await adminClicks('ish-apply-confirm');
    expect(saved).toBe(true);
    expect(byTestId('ish-apply-result')?.getAttribute('data-saved-while-applying')).toBe(kind);
    expect(byTestId('ish-apply-saved')?.textContent).toContain(words);
    expect(byTestId('ish-apply-result')?.textContent).not.toContain('click Save yourself');
    expect(byTestId('ish-apply-undo')).toBeNull();
  });

  it('on the T&E configuration it applies the settings, with the same preview, and Fill is not offered there', async () => {
    const doc = parseHtml(fixtureHtml('te-configuration'));
    show(doc, 'te-configuration', { export: 'expense-reports' });
    expect(byTestId('ish-fill')).toBeNull();
    expect(byTestId('ish-apply-settings')?.getAttribute('data-label')).toBe('Apply Expensify’s settings…');
    await adminClicks('ish-apply-settings');
    expect(allByTestId('ish-apply-step').map((s) => s.textContent)).toEqual([
      'Expense report numbering: None → EXP',
      'Duplicate numbers: Allow creation → Do not allow creation',
      'Untick Expense report approval',
    ]);
    await adminClicks('ish-apply-confirm');
    expect((doc.getElementById('_obj__DUPLICATENUMBERS') as HTMLSelectElement).value).toBe('Do not allow creation');
    expect(statuses().every((s) => s === 'ok')).toBe(true);
  });
});

describe('a page script pressing the overlay’s buttons through its open shadow root', () => {
  it('cannot open the preview, confirm it, or undo it', async () => {
    const doc = livePage('role-permissions');
    show(doc, 'role-permissions');
    const before = controlStates(doc);
    await pageScriptClicks('ish-apply-rights');
    expect(byTestId('ish-apply-preview')).toBeNull();

    await adminClicks('ish-apply-rights');
    await pageScriptClicks('ish-apply-confirm');
    expect(changedControls(before, controlStates(doc))).toEqual(new Map());
    expect(byTestId('ish-apply-preview')).not.toBeNull();
    await pageScriptClicks('ish-apply-cancel');
    expect(byTestId('ish-apply-preview')).not.toBeNull();

    await adminClicks('ish-apply-confirm');
    const applied = controlStates(doc);
    await pageScriptClicks('ish-apply-undo');
    expect(changedControls(applied, controlStates(doc))).toEqual(new Map());
  });

  it('cannot Fill', async () => {
    const doc = parseHtml(fixtureHtml('ws-user-form'));
    show(doc, 'ws-user-form');
    const before = controlStates(doc);
    await pageScriptClicks('ish-fill');
    expect(changedControls(before, controlStates(doc))).toEqual(new Map());
    expect(byTestId('ish-fill-result')).toBeNull();
    await adminClicks('ish-fill');
    expect(changedControls(before, controlStates(doc)).size).toBeGreaterThan(0);
  });

  it('cannot Export', async () => {
    const onExport = show(livePage('role-permissions'), 'role-permissions');
    await pageScriptClicks('ish-export');
    await pageScriptClicks('ish-export');
    expect(onExport).not.toHaveBeenCalled();
    await adminClicks('ish-export');
    expect(onExport).toHaveBeenCalledTimes(1);
  });
});
