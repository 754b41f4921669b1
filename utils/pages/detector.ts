import type { PageKind } from './kinds';
import type { PageSignals } from './signals';

/**
 * One page kind's recognizer. It weighs independent evidence so that no single changed id, title or
 * path breaks recognition, and no single heading decides alone: the page's name (where a person sees it:
 * title, main heading, breadcrumb, dialog title) and its content (labels, columns) weigh 2 each, a URL hint
 * 1; a page is recognized at RECOGNIZED or more, i.e. on two different signals. Where two kinds of page
 * share their content (a Web Services user and a regular user), the evidence that tells them apart is
 * weighed on both sides, and a page without any of it is not claimed.
 */
export interface PageDetector {
  kind: PageKind;
  score(s: PageSignals): number;
}

export const NAME = 2;
export const CONTENT = 2;
export const URL_HINT = 1;
export const RECOGNIZED = 3;

/** Whether one of the page's names (title, main heading, dialog title, last breadcrumb item) matches `pattern`. */
export function namedAs(s: PageSignals, pattern: RegExp): boolean {
  return s.names.some((n) => pattern.test(n));
}

/** Whether the page sits under a breadcrumb item matching `pattern` ("Web Services users › Add"). */
export function underTrail(s: PageSignals, pattern: RegExp): boolean {
  return s.trail.some((n) => pattern.test(n));
}
