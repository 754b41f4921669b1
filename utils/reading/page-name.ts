import { accessibleName } from './accessible';
import { holdsControl } from './controls';
import { hasLayout } from './layout';
import { queryAllDeep, type ContentRoot } from './tree';
import { isShown } from './visibility';
import { shortText, squash } from './text';

/**
 * A page's name as a person sees it: the most prominent title-like text at the top of the frame — the
 * document title (unless it only says "Sage Intacct"), the level-1 headings (or, without any, the first
 * heading of the highest level there is), a dialog's title, the legend of the outermost fieldset, the first
 * table caption, a title-like block, the last item of the breadcrumb, and in a browser the largest bold
 * text near the top. Section headings, tabs and inner legends are the page's sections: they describe a
 * part of the page and never decide alone what the page is.
 */
export interface PageNames {
  /** Title-like texts, as written (squashed). */
  names: string[];
  /** Every item of the breadcrumb trail, as written. */
  trail: string[];
  /** Section titles, tabs, inner legends, captions, summaries, as written. */
  sections: string[];
}

const GENERIC_TITLE = /^(sage\s+)?intacct$|^home$|^untitled$|^loading/i;
// Applied to squashed text (single spaces), so each space is at most one.
const PRODUCT_PREFIX = /^sage intacct ?[-–|:»] ?/i;
const PRODUCT_SUFFIX = / ?[-–|»] ?sage intacct$/i;

function titleOf(doc: Document): string | null {
  const title = squash(doc.title).replace(PRODUCT_PREFIX, '').replace(PRODUCT_SUFFIX, '').trim();
  return title && !GENERIC_TITLE.test(title) ? title : null;
}

function textOf(el: Element, max = 120): string | null {
  const text = shortText(el, max, 60) ?? squash(el.getAttribute('aria-label'));
  return text ? text : null;
}

function headingLevel(el: Element): number {
  const m = /^h([1-6])$/.exec(el.localName);
  if (m) return Number(m[1]);
  const level = Number(el.getAttribute('aria-level'));
  // role=heading without a level is level 2 (WAI-ARIA).
  return Number.isInteger(level) && level >= 1 ? level : 2;
}

const BREADCRUMB = 'nav[aria-label*="breadcrumb" i], [aria-label*="breadcrumb" i], [class*="breadcrumb" i], [class*="crumb" i], [id*="breadcrumb" i]';
const ACTION_ONLY = /^(new|add|create|edit|view|details?|update)$/i;

function breadcrumbTrail(roots: readonly ContentRoot[]): string[] {
  const container = queryAllDeep(roots, BREADCRUMB).find((el) => !holdsControl(el) && (el.textContent ?? '').length < 400);
  if (!container) return [];
  const items = Array.from(container.querySelectorAll('li, a, span, [aria-current]')).filter((el) => !el.querySelector('li, a'));
  const texts = (items.length ? items : [container]).map((el) => squash(el.textContent)).filter((t) => t && !/^[>›»/|\\]+$/.test(t));
  // "Company > Web Services users > New" written as one text.
  const split = texts.length === 1 ? (texts[0] ?? '').split(/ ?[>›»/|] ?/).filter(Boolean) : texts;
  return [...new Set(split)].slice(0, 8);
}

/**
 * In a browser: the title-like text at the top of the frame — the largest bold text there if it stands out
 * from the body text, else the first bold line at the very top (a title bar that is not a heading).
 */
function mostProminent(doc: Document): string | null {
  const view = doc.defaultView;
  const body = doc.body;
  if (!view || !body || !hasLayout(body)) return null;
  let base = 13;
  try {
    base = parseFloat(view.getComputedStyle(body).fontSize) || 13;
  } catch {
    return null;
  }
  let best: { text: string; size: number } | null = null;
  let firstBold: string | null = null;
  let seen = 0;
  const walker = doc.createTreeWalker(body, 1);
  for (let node = walker.nextNode() as Element | null; node && seen < 80; node = walker.nextNode() as Element | null) {
    const own = Array.from(node.childNodes).some((c) => c.nodeType === 3 && squash(c.nodeValue));
    if (!own || holdsControl(node)) continue;
    const rect = node.getBoundingClientRect();
    if (rect.height === 0) continue;
    if (rect.top > 260) break;
    seen++;
    const style = view.getComputedStyle(node);
    const size = parseFloat(style.fontSize) || 0;
    const weight = Number(style.fontWeight) || (style.fontWeight === 'bold' ? 700 : 400);
    if (weight < 500 || node.closest('a, button, nav, [role="navigation"], [role="menubar"], [role="menu"]')) continue;
    const text = textOf(node, 100);
    if (!text) continue;
    if (!firstBold && weight >= 600 && rect.top < 100 && text.length <= 60) firstBold = text;
    if (size >= base * 1.3 && (!best || size > best.size)) best = { text, size };
  }
  return best?.text ?? firstBold;
}

export function readPageNames(doc: Document, roots: readonly ContentRoot[]): PageNames {
  const names: string[] = [];
  const sections: string[] = [];
  const add = (list: string[], text: string | null | undefined): void => {
    const t = squash(text);
    if (t && t.length <= 160 && !list.includes(t)) list.push(t);
  };
  add(names, titleOf(doc));

  const headings = queryAllDeep(roots, 'h1, h2, h3, h4, h5, h6, [role="heading"]').filter((h) => !h.closest('[aria-hidden="true"]'));
  const top = headings.reduce((min, h) => Math.min(min, headingLevel(h)), 7);
  let namedByHeading = false;
  for (const h of headings) {
    const level = headingLevel(h);
    const inDialog = h.closest('[role="dialog"], [role="alertdialog"], dialog');
    if (level === 1 || (!namedByHeading && level === top && !inDialog)) {
      add(names, textOf(h));
      namedByHeading = true;
    } else add(sections, textOf(h));
  }
  for (const dialog of queryAllDeep(roots, '[role="dialog"], [role="alertdialog"], dialog')) {
    if (isShown(dialog)) add(names, accessibleName(dialog));
  }
  // Without a heading, the page's name is in the next most title-like place: the outer legend, the first
  // table's caption, a title block. With one, those are the page's sections.
  const legends = queryAllDeep(roots, 'legend');
  const outer = legends.find((l) => !l.parentElement?.parentElement?.closest('fieldset'));
  for (const legend of legends) add(legend === outer && !namedByHeading ? names : sections, textOf(legend));
  const captions = queryAllDeep(roots, 'caption');
  captions.forEach((c, i) => add(i === 0 && !namedByHeading ? names : sections, textOf(c)));
  if (!namedByHeading) {
    for (const el of queryAllDeep(roots, '[class*="title" i]:not([class*="subtitle" i])').slice(0, 3)) {
      if (!holdsControl(el) && !el.closest('th, li, [role="row"], [role="gridcell"]')) add(names, textOf(el, 80));
    }
  }
  const trail = breadcrumbTrail(roots);
  const last = trail[trail.length - 1];
  const parent = trail[trail.length - 2];
  if (last) {
    add(names, last);
    // "… › Web Services users › New": the item before an action word names the page.
    if (parent && (ACTION_ONLY.test(last) || last.includes('--'))) add(names, parent);
    // "Roles › Subscriptions" is the roles' subscriptions: a one-word item is read with the one before it.
    else if (parent && !/\s/.test(last)) add(names, `${parent} ${last}`);
  }
  add(names, mostProminent(doc));
  for (const el of queryAllDeep(roots, 'summary, [role="tab"], [role="group"][aria-label], [role="region"][aria-label]')) add(sections, textOf(el, 80));
  return { names, trail, sections: sections.filter((s) => !names.includes(s)) };
}
