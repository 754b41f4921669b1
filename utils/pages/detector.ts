import type { PageKind } from './kinds';
import type { PageSignals } from './signals';

/**
 * One page kind's recognizer. It scores independent signals so that no single changed id, title or
 * path breaks recognition: the page's name (title or heading) and its content (labels, columns) weigh
 * 2 each, a URL hint 1; a page is recognized at RECOGNIZED or more, i.e. on two different signals.
 */
export interface PageDetector {
  kind: PageKind;
  score(s: PageSignals): number;
}

export const NAME = 2;
export const CONTENT = 2;
export const URL_HINT = 1;
export const RECOGNIZED = 3;
