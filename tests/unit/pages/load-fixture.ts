import { readFileSync } from 'node:fs';
import path from 'node:path';
import { POD_HOST, type FixturePage } from '../../fixtures/intacct/catalog';

const PAGES_DIR = path.resolve(import.meta.dirname, '../../fixtures/intacct/pages');

export function fixtureHtml(name: string): string {
  return readFileSync(path.join(PAGES_DIR, `${name}.html`), 'utf8');
}

export function parseHtml(html: string): Document {
  // happy-dom refuses to load frames and logs an error for each; detection never looks inside them.
  return new DOMParser().parseFromString(html.replace(/<iframe\b([^>]*)\ssrc=/gi, '<iframe$1 data-src='), 'text/html');
}

export function fixtureUrl(page: FixturePage): string {
  return `${POD_HOST}${page.path}${page.path.includes('?') ? '&' : '?'}.sess=abc..`;
}

/** Ways a tenant's page may differ from our fixture without being another page. */
export const MANGLERS: Record<string, (doc: Document) => void> = {
  'missing title': (doc) => {
    doc.title = '';
    doc.querySelector('title')?.remove();
  },
  'extra wrappers': (doc) => {
    const outer = doc.createElement('div');
    let inner = outer;
    for (let i = 0; i < 3; i++) {
      const next = doc.createElement('div');
      next.className = `wrap-${i}`;
      inner.appendChild(next);
      inner = next;
    }
    while (doc.body.firstChild) inner.appendChild(doc.body.firstChild);
    doc.body.appendChild(outer);
  },
  'renamed ids and classes': (doc) => {
    for (const el of Array.from(doc.querySelectorAll('[id]'))) el.id = `z${el.id}9`;
    for (const el of Array.from(doc.querySelectorAll('[class]'))) el.setAttribute('class', 'renamed');
    for (const el of Array.from(doc.querySelectorAll('label[for]'))) el.setAttribute('for', `z${el.getAttribute('for')}9`);
  },
};
