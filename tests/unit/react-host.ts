import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';
import { LayoutFree } from './layout-free';

/**
 * A fresh element of the test document to render into, for each test of the calling file. The overlay's
 * sealed buttons take presses without layout checks here (layout-free.tsx says why).
 */
export function reactHost() {
  let host: HTMLElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
  });
  const at = (): HTMLElement => {
    if (!host) throw new Error('reactHost is used outside a test');
    return host;
  };
  return {
    render: (node: ReactNode): void => act(() => root?.render(createElement(LayoutFree, null, node))),
    byTestId: (id: string): HTMLElement | null => at().querySelector<HTMLElement>(`[data-testid="${id}"]`),
    allByTestId: (id: string): HTMLElement[] => [...at().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)],
  };
}
