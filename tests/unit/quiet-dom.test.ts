import { describe, expect, it } from 'vitest';
import { parseHtml } from './pages/load-fixture';

// The unit run's log is read for real warnings: the test DOM must not print a stack trace for every
// stylesheet or script a fixture page links (it did, thousands of lines per CI run).
describe('the unit tests’ DOM', () => {
  it('parses a page that links stylesheets and scripts and holds a frame without printing anything', async () => {
    // happy-dom writes its complaint straight to the worker's stderr, past any console spy.
    const write = process.stderr.write.bind(process.stderr);
    let printed = '';
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      printed += String(chunk);
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      const doc = parseHtml(
        '<html><head><link rel="stylesheet" href="/ia/acct/css/classic.css"><script src="/ia/js/menu.js"></script></head>' +
          '<body><h1>Roles</h1><iframe src="/ia/acct/dashchart.phtml" title="chart"></iframe></body></html>',
      );
      // happy-dom reports a skipped file asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(doc.querySelector('h1')?.textContent).toBe('Roles');
    } finally {
      process.stderr.write = write;
    }
    expect(printed).toBe('');
  });
});
