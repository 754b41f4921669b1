import { RECOGNIZED, type PageDetector } from './detector';
import { readPageSignals, type PageSignals } from './signals';
import { PAGE_KINDS, type PageKind } from './kinds';
import { PAGE_SPECS } from './registry';

// In the order of PAGE_KINDS: on a tie the earlier kind wins.
export const DETECTORS: readonly PageDetector[] = PAGE_KINDS.map((kind) => PAGE_SPECS[kind]);

function scoresOf(signals: PageSignals): Partial<Record<PageKind, number>> {
  const scores: Partial<Record<PageKind, number>> = {};
  for (const d of DETECTORS) {
    try {
      scores[d.kind] = d.score(signals);
    } catch {
      scores[d.kind] = 0;
    }
  }
  return scores;
}

/** Every detector's score, for tests and for explaining a miss. */
export function scorePage(doc: Document, url: string): Partial<Record<PageKind, number>> {
  return scoresOf(readPageSignals(doc, url));
}

/** The best-scoring kind and its score, recognized or not ("looks like X, not sure"). */
export interface PageGuess {
  kind: PageKind | null;
  /** The best kind even below RECOGNIZED, and its score; null when nothing scored. */
  closest: { kind: PageKind; score: number } | null;
}

export function guessPage(doc: Document, url: string): PageGuess {
  try {
    const scores = scoresOf(readPageSignals(doc, url));
    let closest: PageGuess['closest'] = null;
    for (const d of DETECTORS) {
      const score = scores[d.kind] ?? 0;
      if (score > 0 && (!closest || score > closest.score)) closest = { kind: d.kind, score };
    }
    return { kind: closest && closest.score >= RECOGNIZED ? closest.kind : null, closest };
  } catch {
    return { kind: null, closest: null };
  }
}

/**
 * Which setup page this document is, or null, as the built-in detectors see it (pages the admin taught:
 * `detectTaughtPage` in taught.ts). Never throws: an admin's ordinary pages must never see an error from
 * us, whatever their markup.
 */
export function detectPage(doc: Document, url: string): PageKind | null {
  return guessPage(doc, url).kind;
}
