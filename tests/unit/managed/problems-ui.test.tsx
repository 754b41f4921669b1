import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { PolicyProblems } from '@/components/popup/Managed';

// Issue 23: a policy with thousands of problems shows the first hundred and counts the rest.
it('the popup lists the policy’s problems it was given and counts the rest', () => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const problems = Array.from({ length: 100 }, (_, i) => ({ key: `setting${i}`, message: 'Not a setting of Intacct Setup Helper.' }));
  act(() => root.render(<PolicyProblems problems={problems} more={4900} />));
  expect(host.querySelectorAll('[data-testid="ish-policy-problem"]')).toHaveLength(100);
  expect(host.querySelector('[data-testid="ish-policy-more"]')?.textContent).toBe('and 4900 more');
  expect(host.textContent).toContain('5000 settings were ignored');
  act(() => root.unmount());
  host.remove();
});
