// `npm run bench`: the performance budget of the all-frames design, one figure per line with its unit.
// Load times alternate with/without the extension so machine drift cancels; the figure is a ratio.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { shellUrl } from '../tests/fixtures/intacct/router';
import { EXTENSION_DIR, launchIntacct } from '../tests/e2e/launch';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const detectorFile = path.join(EXTENSION_DIR, 'content-scripts/detector.js');
const detectorBytes = statSync(detectorFile).size;
const detectorGzip = gzipSync(readFileSync(detectorFile)).length;

// The dashboard is a 3-frame page (frameset, iamain, a report frame) that is not a setup page: the cost an
// admin pays all day long.
const url = shellUrl('dashboard');
const without = await launchIntacct({ withExtension: false, headless: true });
const withExt = await launchIntacct({ withExtension: true, headless: true });
const pages = { without: await without.context.newPage(), with: await withExt.context.newPage() };
const times: Record<'with' | 'without', number[]> = { with: [], without: [] };

async function loadOnce(which: 'with' | 'without'): Promise<void> {
  const page = pages[which];
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  if (page.frames().length < 3) throw new Error(`expected a 3-frame page, got ${page.frames().length} frames`);
  // The browser's own navigation timing: from the request to the end of the load event, which waits
  // for every frame. It leaves out Playwright's round trips, which are no part of what an admin waits for.
  const loadMs = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav ? nav.loadEventEnd - nav.startTime : Number.NaN;
  });
  times[which].push(loadMs);
}

// Warm both browsers (first navigation compiles and caches) before measuring.
await loadOnce('without');
await loadOnce('with');
times.with = [];
times.without = [];
for (let i = 0; i < ROUNDS; i++) {
  const order: Array<'with' | 'without'> = i % 2 ? ['with', 'without'] : ['without', 'with'];
  for (const which of order) await loadOnce(which);
}
await without.close();
await withExt.close();

const ratio = median(times.with) / median(times.without);
console.log(`3-frame page load without extension (median of ${ROUNDS}): ${median(times.without).toFixed(1)} ms`);
console.log(`3-frame page load with extension (median of ${ROUNDS}): ${median(times.with).toFixed(1)} ms`);
console.log(`load time with / without extension: ${ratio.toFixed(3)} ratio (budget ≤ 1.03)`);
console.log(`all-frames script size: ${(detectorBytes / 1024).toFixed(1)} kB minified (budget ≤ 20 kB)`);
console.log(`all-frames script size gzip: ${(detectorGzip / 1024).toFixed(1)} kB`);
