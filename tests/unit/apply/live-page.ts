import { fixtureHtml, parseHtml } from '../pages/load-fixture';

/**
 * A demo page with its own inline script running, as in the browser (a DOMParser document runs none):
 * the Permissions window's script ticks a section's boxes when its All or Read only radio is chosen, and
 * switches the section to Custom when a box is clicked.
 */
export function livePage(name: string): Document {
  const html = fixtureHtml(name);
  const doc = parseHtml(html);
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (script) new Function('document', 'window', script)(doc, { close: () => {} });
  return doc;
}
