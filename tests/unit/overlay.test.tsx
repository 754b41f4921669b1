import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Overlay } from '@/components/overlay/Overlay';
import { notFoundFinding, type Finding } from '@/utils/audit/finding';
import type { PageGuide } from '@/utils/guide/types';
import { LayoutFree } from './layout-free';
import { trusted, trustedClick } from './trusted-click';

const guide: PageGuide = {
  kind: 'ws-user-form',
  pageName: 'Web Services user',
  integrationName: 'Expensify',
  steps: [
    { id: 'ws-user', number: 1, title: 'Create the web services user', menuPath: 'Company > Web Services Users > New', instructions: ['Set User ID to xmlgateway_expensify'] },
  ],
  emptyNote: 'Nothing here',
  cautions: [],
};

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('the overlay panel', () => {
  it('names the page and shows the step done on it', () => {
    act(() => root.render(<Overlay guide={guide} />));
    const panel = host.querySelector('[data-testid="ish-overlay"]');
    expect(panel?.getAttribute('data-page-kind')).toBe('ws-user-form');
    expect(panel?.textContent).toContain('Setup helper · Expensify');
    expect(panel?.textContent).toContain('Step 1.Create the web services user');
    expect(panel?.textContent).toContain('Company > Web Services Users > New');
  });

  it('collapses with its button and with Escape, and says so to assistive tech', () => {
    act(() => root.render(<Overlay guide={guide} />));
    const button = host.querySelector('button');
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    act(() => button?.click());
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(host.querySelector('[data-testid="ish-step"]')).toBeNull();
    act(() => button?.click());
    act(() => {
      host.querySelector('aside')?.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    });
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    // A page script's Escape (not trusted) folds nothing.
    act(() => button?.click());
    act(() => {
      host.querySelector('aside')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(button?.getAttribute('aria-expanded')).toBe('true');
  });

  it('warns before saving where a mistake cannot be undone', () => {
    act(() => root.render(<Overlay guide={{ ...guide, cautions: ['Before you click Save: …'] }} />));
    expect(host.querySelector('[data-testid="ish-caution"]')?.textContent).toBe('Before you click Save: …');
  });

  it('folds passing checks away on a long list with problems, keeping the problems in view', () => {
    const make = (i: number, status: Finding['status']): Finding => ({
      id: `f${i}`, subject: `Object ${i}`, status, found: '', expected: '', message: '', fix: 'Tick it', group: 'General Ledger',
    });
    const many = [make(0, 'wrong'), ...Array.from({ length: 9 }, (_, i) => make(i + 1, 'ok'))];
    act(() => root.render(<Overlay guide={guide} findings={many} />));
    const folded = host.querySelector<HTMLDetailsElement>('[data-testid="ish-passing"]');
    expect(folded?.open).toBe(false);
    expect(folded?.querySelector('summary')?.textContent).toBe('9 passing checks');
    expect(host.querySelector('[data-status="wrong"]')?.closest('details')).toBeNull();
    act(() => root.render(<Overlay guide={guide} findings={many.map((f) => ({ ...f, status: 'ok' as const }))} />));
    expect(host.querySelector('[data-testid="ish-passing"]')).toBeNull();
    expect(host.querySelector('[data-testid="ish-summary"]')?.textContent).toBe('All 10 checks pass');
  });

  it('shows a check it could not find as "Not found", counts it, and never calls the page passing', async () => {
    const ok: Finding = { id: 'field:a', subject: 'User type', status: 'ok', found: 'Business', expected: 'Business', message: '', fix: '', group: '' };
    const nf = notFoundFinding({ id: 'field:b', subject: 'User ID', expected: 'xmlgateway_expensify', lookedFor: 'a field labelled “User ID”' });
    const pointed: Finding[] = [];
    act(() =>
      root.render(
        <LayoutFree>
          <Overlay guide={guide} findings={[ok, nf]} onPointAt={(f) => pointed.push(f)} />
        </LayoutFree>,
      ),
    );
    expect(host.querySelector('[data-testid="ish-summary"]')?.textContent).toBe('1 OK, 1 not found on this page');
    const item = host.querySelector('[data-status="not-found"]');
    expect(item?.getAttribute('data-subject')).toBe('User ID');
    expect(item?.textContent).toContain('Not found');
    expect(item?.textContent).toContain('could not find a field labelled “User ID”');
    const pointAt = item?.querySelector('[data-testid="ish-point-at"]');
    // A page script's click starts nothing; the admin's does.
    await act(async () => (pointAt as HTMLElement | null)?.click());
    expect(pointed).toEqual([]);
    await act(async () => trustedClick(pointAt));
    expect(pointed.map((f) => f.id)).toEqual(['field:b']);
  });

  it('says so when the integration needs nothing on this page', () => {
    act(() => root.render(<Overlay guide={{ ...guide, steps: [] }} />));
    expect(host.textContent).toContain('Nothing here');
  });

  it('shows hostile text as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    act(() => root.render(<Overlay guide={{ ...guide, pageName: hostile }} />));
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain(hostile);
  });
});
