import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { SectionPanel } from '@/components/popup/SectionTabs';
import { SECTIONS } from '@/components/popup/sections';
import { EMPTY_MANAGED, type ManagedState } from '@/utils/managed/config';
import { BUILT_IN_PROFILES } from '@/utils/profiles/registry';

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

const panel = (section: string) => host.querySelector<HTMLElement>(`[data-testid="ish-section"][data-section="${section}"]`);

/** Renders the popup and lets its storage reads settle. */
async function renderPopup(managed: ManagedState = EMPTY_MANAGED): Promise<void> {
  await act(async () => {
    root.render(
      <Popup
        profiles={BUILT_IN_PROFILES}
        selection={{ profileId: 'expensify', options: {} }}
        onSelectionChange={() => {}}
        frames={[]}
        section="audit"
        managed={managed}
        send={async () => undefined}
      />,
    );
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

describe('the Audit section under a policy that turns the connection test off', () => {
  it('says plainly that the whole-user audit is off, why, and that the organization’s policy did it', async () => {
    await renderPopup({ ...EMPTY_MANAGED, config: { ...EMPTY_MANAGED.config, hideConnectionTest: true } });
    const audit = panel('audit');
    expect(audit?.querySelector('[data-testid="ish-whole-user"]')).toBeNull();
    const off = audit?.querySelector<HTMLElement>('[data-testid="ish-whole-user-off"]');
    expect(off).not.toBeNull();
    const text = off?.textContent ?? '';
    expect(text).toMatch(/whole-user audit is off/i);
    expect(text).toContain('connection test');
    expect(text).toContain('your organization’s policy');
    expect(text).toContain('Set by your organization');
  });

  it('says nothing of the kind without that policy', async () => {
    await renderPopup();
    expect(panel('audit')?.querySelector('[data-testid="ish-whole-user"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="ish-whole-user-off"]')).toBeNull();
  });
});

// WAI-ARIA Authoring Practices, Tabs: a tab panel is a Tab stop (tabindex="0") only when it holds nothing
// focusable or the first element with content in it is not focusable; where it starts with a control, that
// control is the next stop and the panel adds none.
describe('a section panel’s own Tab stop', () => {
  const render = (children: React.ReactNode) => act(() => root.render(<SectionPanel section="setup" active="setup">{children}</SectionPanel>));
  const stop = () => panel('setup')?.getAttribute('tabindex') ?? null;

  it('is there when the panel starts with text, a heading, or holds nothing', () => {
    render(
      <section>
        <h2>This Intacct tab</h2>
        <button type="button">Copy page structure</button>
      </section>,
    );
    expect(stop()).toBe('0');
    render(<p>No setup page is open in this tab.</p>);
    expect(stop()).toBe('0');
    render(null);
    expect(stop()).toBe('0');
  });

  it('is not there when the panel starts with a control, wrapped or not', () => {
    render(<button type="button">Start</button>);
    expect(stop()).toBeNull();
    render(
      <section>
        {'  '}
        <div>
          <label>
            <input type="checkbox" /> Ticked
          </label>
        </div>
      </section>,
    );
    expect(stop()).toBeNull();
    render(
      <details>
        <summary>Custom profile</summary>
        <p>Import a profile file</p>
      </details>,
    );
    expect(stop()).toBeNull();
  });

  it('skips what is hidden or not focusable: a disabled button, a link without href, a hidden input', () => {
    render(
      <>
        <input type="hidden" value="x" />
        <button type="button" disabled>
          Export
        </button>
      </>,
    );
    expect(stop()).toBe('0');
    render(
      <>
        <div hidden>
          <button type="button">Hidden</button>
        </div>
        <a>Not a link</a>
      </>,
    );
    expect(stop()).toBe('0');
  });

  it('follows the panel’s content as it changes inside a child', async () => {
    function Toggle({ first }: { first: 'text' | 'control' }) {
      return first === 'text' ? <p>Connected</p> : <button type="button">Test the connection</button>;
    }
    render(<Toggle first="control" />);
    expect(stop()).toBeNull();
    // A change the panel itself does not render: a child's DOM is replaced underneath it.
    await act(async () => {
      const p = document.createElement('p');
      p.textContent = 'Never tested';
      panel('setup')?.prepend(p);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(stop()).toBe('0');
  });

  it('in the popup, every panel follows the rule', async () => {
    await renderPopup();
    for (const section of SECTIONS) {
      const el = panel(section);
      expect(el, section).not.toBeNull();
      const first = firstContent(el as HTMLElement);
      expect(el?.getAttribute('tabindex') ?? null, `${section} starts with ${first?.nodeName ?? 'nothing'}`).toBe(
        first && first.nodeType === 1 ? null : '0',
      );
    }
  });
});

/** The test's own reading of the rule: the first text or focusable control, in document order. */
function firstContent(root: HTMLElement): Node | null {
  const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
  const walk = (node: Node): Node | null => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 && (child.nodeValue ?? '').trim()) return child;
      if (child.nodeType !== 1) continue;
      const el = child as HTMLElement;
      if (el.hidden) continue;
      if (el.matches(focusable)) return el;
      const inner = walk(el);
      if (inner) return inner;
    }
    return null;
  };
  return walk(root);
}
