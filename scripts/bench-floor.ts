// `npm run bench:floor`: what the first touches of a frame cost a content script, on the bench's ordinary
// 3-frame page (issue #10). Five all-frames scripts, each one step more than the last — nothing; read
// `location`; also `document.title`; also the headings and one lookup; also a subtree observer — loaded in
// turn, alternating, median of 22 loads, Chromium's thread-time ScriptDuration over the nothing script.
// It shows where the floor under any page-reading detector lies, which the main bench cannot go below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { POD_HOST } from '../tests/fixtures/intacct/catalog';
import { shellUrl } from '../tests/fixtures/intacct/router';
import { launchIntacct } from '../tests/e2e/launch';

const BODIES: Record<string, string> = {
  noop: 'void 0;',
  location: 'globalThis.__x = location.ancestorOrigins.length;',
  title: 'globalThis.__x = location.ancestorOrigins.length + (document.title || "").length;',
  query: `(function(){var s=(document.title||'').toLowerCase(),f=document.querySelectorAll('h1, h2, [role="heading"]');for(var i=0;i<f.length;i++)s+=(f[i].textContent||'').toLowerCase();globalThis.__x=s.indexOf('role')+!!document.querySelector('input[type="checkbox"], th');})();`,
  observer: `(function(){var s=(document.title||'').toLowerCase(),f=document.querySelectorAll('h1, h2, [role="heading"]');for(var i=0;i<f.length;i++)s+=(f[i].textContent||'').toLowerCase();globalThis.__x=s.indexOf('role')+!!document.querySelector('input[type="checkbox"], th');new MutationObserver(function(){}).observe(document,{childList:true,subtree:true});})();`,
};
const names = Object.keys(BODIES);
const sessions: Record<string, CDPSession> = {};
const pages: Record<string, Page> = {};
for (const name of names) {
  const dir = mkdtempSync(path.join(tmpdir(), `ish-part-${name}-`));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name, version: '1.0', content_scripts: [{ matches: ['https://*.intacct.com/ia/acct/*'], js: ['s.js'], exclude_matches: ['https://*.intacct.com/ia/acct/frameset.phtml*'], all_frames: true, run_at: 'document_idle' }] }));
  writeFileSync(path.join(dir, 's.js'), BODIES[name] ?? '');
  const launched = await launchIntacct({ withExtension: true, extensionDir: dir, headless: true });
  pages[name] = await launched.context.newPage();
  sessions[name] = await launched.context.newCDPSession(pages[name]);
  await sessions[name].send('Performance.enable', { timeDomain: 'threadTicks' } as never);
}
const script = async (name: string): Promise<number> => {
  const { metrics } = (await sessions[name]!.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
};
const cost: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
const ROUNDS = 24;
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 ? [...names].reverse() : names) {
    const page = pages[name]!;
    await page.goto(`${POD_HOST}/blank.html`);
    const before = await script(name);
    await page.goto(shellUrl('dashboard'), { waitUntil: 'load' });
    await page.waitForTimeout(500);
    // The first two rounds warm the caches.
    if (round > 1) cost[name]!.push((await script(name)) - before);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const LABELS: Record<string, string> = {
  noop: 'a script that does nothing',
  location: 'reads location.ancestorOrigins',
  title: 'also reads document.title',
  query: 'also reads the headings and looks up one element',
  observer: 'also observes the document (the bench floor)',
};
for (const name of names) {
  const over = median(cost[name]!) - median(cost.noop!);
  console.log(`ordinary page load, ${LABELS[name]}: ${median(cost[name]!).toFixed(2)} ms script, ${over.toFixed(2)} ms over doing nothing`);
}
process.exit(0);
