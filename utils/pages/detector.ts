import type { PageKind } from './kinds';
import type { PageSignals, PreSignals } from './signals';

/**
 * One page kind's recognizer. It scores independent signals so that no single changed id, title or
 * path breaks recognition: the page's name (title or heading) and its content (labels, columns) weigh
 * 2 each, a URL hint 1; a page is recognized at RECOGNIZED or more, i.e. on two different signals.
 */
export interface PageDetector {
  kind: PageKind;
  score(s: PageSignals): number;
  /**
   * Could this page be mine? Answered from the cheap first read (names, path, text) before the full read,
   * so an ordinary page costs almost nothing (issue #10). It must say yes wherever `score` could reach
   * RECOGNIZED (tests/unit/pages/gates.test.ts holds every detector to that).
   */
  gate(p: PreSignals): boolean;
}

export const NAME = 2;
export const CONTENT = 2;
export const URL_HINT = 1;
export const RECOGNIZED = 3;
