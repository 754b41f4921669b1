import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileImport } from '@/components/popup/PackageDownload';
import { TaughtRules } from '@/components/popup/TaughtRules';

// Issue 23: the popup read a whole rules or profile file before checking its size (400 MB: 6.7 s). Now a
// file's size, which the browser knows before reading, refuses it unread.

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

/** A file the admin picks: its size as the browser reports it, and a read the test can watch. */
function pickedFile(size: number, text = '{}') {
  const read = vi.fn(async () => text);
  return { file: { name: 'big.json', size, type: 'application/json', text: read } as unknown as File, read };
}

async function pick(testId: string, file: File): Promise<void> {
  const input = host.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!input) throw new Error(`no ${testId}`);
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

const FOUR_HUNDRED_MB = 400 * 1024 * 1024;

describe('a file the admin picks in the popup', () => {
  it('is refused unread when a profile file is over 256 KB', async () => {
    const onImported = vi.fn();
    act(() => root.render(<ProfileImport onImported={onImported} />));
    const { file, read } = pickedFile(FOUR_HUNDRED_MB);
    await pick('ish-profile-import', file);
    expect(read).not.toHaveBeenCalled();
    expect(host.querySelector('[data-testid="ish-import-problem"]')?.textContent).toContain('The file is 409600 KB; profiles are limited to 256 KB.');
    expect(onImported).not.toHaveBeenCalled();
  });

  it('is refused unread when a taught-rules file is over 512 KB', async () => {
    act(() => root.render(<TaughtRules />));
    const { file, read } = pickedFile(FOUR_HUNDRED_MB);
    await pick('ish-taught-import', file);
    expect(read).not.toHaveBeenCalled();
    expect(host.querySelector('[data-testid="ish-taught-problem"]')?.textContent).toContain('The file is over 512 KB');
  });

  it('is read when it is small', async () => {
    act(() => root.render(<TaughtRules />));
    const { file, read } = pickedFile(40, '{"format":"intacct-setup-helper/taught-rules","version":1,"pages":[],"fields":[]}');
    await pick('ish-taught-import', file);
    expect(read).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(host.querySelector('[data-testid="ish-taught-imported"]')?.textContent).toBe('Imported 0 pages and 0 fields.'));
  });
});
