import { useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { PageStructureTextSchema, parseFrameProbes, type ProbedFrame } from '@/utils/messages/frame-probe';
import { isApplicationPagePath } from '@/utils/hosts';
import { PAGE_KINDS, isPageKind, type PageKind } from '@/utils/pages/kinds';
import { PAGE_NAMES } from '@/utils/pages/registry';
import { RECOGNIZED } from '@/utils/pages/detector';
import type { ChecklistItem } from '@/utils/checklist/progress';
import type { FrameRecord } from '@/utils/storage/frames';
import { parseTaughtRules, taughtRulesItem, withTaughtPage } from '@/utils/storage/taught-rules';

export interface TabFramesProps {
  /** Frames the detector recognized in the Intacct tab; null while loading or when no tab is known. */
  frames: FrameRecord[] | null;
  /** The Intacct tab the popup speaks of. */
  tabId: number | null;
  /** The checklist's steps done on the open pages, to say where each page is in the setup. */
  here?: readonly ChecklistItem[];
  /** How many steps the checklist has. */
  steps?: number;
}

interface Structure {
  frameId: number;
  text: string;
  copied: boolean;
}

async function probeFrames(tabId: number): Promise<ProbedFrame[]> {
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/probe.js'] });
  return parseFrameProbes(results);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** "step 2 of 13" (the checklist below marks it), or that the page has no step of this integration. */
function StepsOf({ items, total }: { items: readonly ChecklistItem[]; total: number }) {
  if (items.length === 0) return <span className="pp-step-state"> · no step of this integration</span>;
  return (
    <span className="pp-frame-steps" data-testid="ish-tab-page-step" title={items.map((i) => `${i.number}. ${i.step.title}`).join('\n')}>
      {` · step ${items.map((i) => i.number).join(' and ')} of ${total}`}
    </span>
  );
}

/** A frame the helper may learn: one of Intacct's application pages (utils/hosts.ts says why). */
function teachable(frame: ProbedFrame): boolean {
  return isApplicationPagePath(frame.signature.path);
}

/**
 * "Looks like X, not sure": the kind that came closest on a page no detector is sure of, and how close, in
 * words (a page is recognized on two signs: its name and its content, or one of them and its address).
 */
function LooksLike({ kind, score }: { kind: PageKind; score: number }) {
  return (
    <p className="pp-looks-like" data-testid="ish-looks-like" data-page-kind={kind} data-score={score}>
      Looks like the <strong>{PAGE_NAMES[kind]}</strong> page, but the helper is not sure: it found {score >= RECOGNIZED - 1 ? 'only one' : 'less than one'}{' '}
      of the two signs it needs (the page’s name and its fields). If it is that page, choose “Remember this page”.
    </p>
  );
}

/**
 * "This Intacct tab": the setup pages its frames show, every frame the helper does not recognize with
 * "This is the … page" to teach it, and "Copy page structure" for a bug report (issue #9).
 */
export function TabFrames({ frames, tabId, here = [], steps = 0 }: TabFramesProps) {
  const ids = useId();
  const [probed, setProbed] = useState<ProbedFrame[] | null>(null);
  const [chosen, setChosen] = useState<Record<number, PageKind>>({});
  const [status, setStatus] = useState('');
  const [structure, setStructure] = useState<Structure | null>(null);

  const probe = useCallback(async (): Promise<void> => {
    if (tabId === null) return;
    try {
      setProbed(await probeFrames(tabId));
    } catch {
      // Not an Intacct tab (no host permission there) or the tab is gone: nothing to list.
      setProbed([]);
    }
  }, [tabId]);

  useEffect(() => {
    void probe();
  }, [probe, frames]);

  const unknown = (probed ?? []).filter((f) => f.kind === null && !f.shell);
  const recognized = (probed ?? []).filter((f) => f.kind !== null);
  const unlisted = recognized.filter((p) => !(frames ?? []).some((f) => f.frameId === p.frameId));

  const teach = async (frame: ProbedFrame): Promise<void> => {
    const kind = chosen[frame.frameId] ?? frame.closest?.kind;
    if (!kind || !teachable(frame)) return;
    const rules = parseTaughtRules(await taughtRulesItem.getValue());
    await taughtRulesItem.setValue(withTaughtPage(rules, kind, frame.signature, Date.now()));
    setStatus(`Remembered: ${pathOf(frame.url)} is the ${PAGE_NAMES[kind]} page, on any Intacct host.`);
    if (tabId !== null) {
      // Show the guide there now; from the next load on, the detector recognizes the page itself.
      await browser.scripting
        .executeScript({ target: { tabId, frameIds: [frame.frameId] }, files: ['/content-scripts/overlay.js'] })
        .catch(() => undefined);
    }
    await probe();
  };

  const copyStructure = async (frame: ProbedFrame): Promise<void> => {
    if (tabId === null) return;
    try {
      const [answer] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [frame.frameId] },
        files: ['/content-scripts/snapshot.js'],
      });
      const text = PageStructureTextSchema.parse(answer?.result);
      let copied = false;
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch {
        // No clipboard access (the popup lost focus): the text below can be copied by hand.
      }
      setStructure({ frameId: frame.frameId, text, copied });
    } catch {
      setStatus('The page structure could not be read: reload the Intacct page and try again.');
    }
  };

  const saveStructure = (text: string): void => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'intacct-page-structure.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-tab-pages">
      <h2 id={`${ids}-h`}>This Intacct tab</h2>
      {frames === null ? (
        <p className="muted">Open Sage Intacct in this tab to see which setup page you are on.</p>
      ) : frames.length === 0 ? (
        <p className="muted">No setup page is open in this tab.</p>
      ) : (
        <ul className="pp-frames">
          {frames.map((f) => {
            const probedFrame = recognized.find((p) => p.frameId === f.frameId);
            return (
              <li key={f.frameId} data-testid="ish-tab-page" data-page-kind={f.kind}>
                <span>
                  <strong>{PAGE_NAMES[f.kind]}</strong>
                  {f.frameId === 0 ? '' : ' (in the page frame)'}
                  <StepsOf items={here.filter((i) => i.step.pageKinds.includes(f.kind))} total={steps} />
                </span>
                {probedFrame && (
                  <button
                    type="button"
                    className="pp-link"
                    data-testid="ish-copy-structure"
                    aria-label={`Copy page structure (${PAGE_NAMES[f.kind]})`}
                    onClick={() => void copyStructure(probedFrame)}
                  >
                    Copy page structure
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {unknown.map((frame) => (
        <div className="pp-unknown" key={frame.frameId} data-testid="ish-unknown-frame" data-path={pathOf(frame.url)}>
          <p>
            A page in this tab is not one the helper knows: <code>{pathOf(frame.url)}</code>
            {frame.title ? ` (“${frame.title}”)` : ''}.
          </p>
          {frame.closest && <LooksLike kind={frame.closest.kind} score={frame.closest.score} />}
          {!teachable(frame) ? (
            <p className="muted" data-testid="ish-not-teachable">
              Only Intacct’s application pages (under /ia/acct/) can be taught; its structure can still be copied for us.
            </p>
          ) : (
            <label>
              If it is a setup page, tell the helper which:
              <span className="pp-teach">
                This is the
                <select
                  data-testid="ish-teach-kind"
                  value={chosen[frame.frameId] ?? frame.closest?.kind ?? ''}
                  onChange={(e) => {
                    const value = e.target.value;
                    if (isPageKind(value)) setChosen({ ...chosen, [frame.frameId]: value });
                  }}
                >
                  <option value="" disabled>
                    choose…
                  </option>
                  {PAGE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {PAGE_NAMES[k]}
                    </option>
                  ))}
                </select>
                page
              </span>
            </label>
          )}
          <div className="pp-buttons">
            {teachable(frame) && (
              <button type="button" data-testid="ish-teach" disabled={!(chosen[frame.frameId] ?? frame.closest?.kind)} onClick={() => void teach(frame)}>
                Remember this page
              </button>
            )}
            <button type="button" data-testid="ish-copy-structure" onClick={() => void copyStructure(frame)}>
              Copy page structure
            </button>
          </div>
        </div>
      ))}
      {/* Recognized frames the stored list does not hold yet (a page just taught). */}
      {unlisted.length > 0 && (
        <div className="pp-buttons">
          {unlisted.map((frame) => (
              <button type="button" key={frame.frameId} data-testid="ish-copy-structure" onClick={() => void copyStructure(frame)}>
                Copy page structure{frame.kind ? ` (${PAGE_NAMES[frame.kind]})` : ''}
              </button>
            ))}
        </div>
      )}
      {status && (
        <p className="cx-ok-text" role="status" data-testid="ish-teach-status">
          {status}
        </p>
      )}
      {structure && (
        <div className="pp-structure" data-testid="ish-structure">
          <p role="status">
            {structure.copied
              ? 'The page structure is on the clipboard: paste it into your message to support. It holds no values, names, emails or session.'
              : 'Select the text below and copy it, or save it as a file, for your message to support. It holds no values, names, emails or session.'}
          </p>
          <textarea readOnly rows={5} value={structure.text} data-testid="ish-structure-text" aria-label="Page structure" />
          <button type="button" onClick={() => saveStructure(structure.text)}>
            Save as a file
          </button>
        </div>
      )}
    </section>
  );
}
