// Builds the store packages (`wxt zip` for Chrome, `wxt zip -b firefox` for Firefox, which also writes the
// sources zip AMO asks for) and prints each zip's size on its own line, in kB (1 kB = 1000 bytes).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.output');
const started = Date.now();

for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
  const run = spawnSync('npx', ['wxt', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    console.error(`zip-sizes: \`wxt ${args.join(' ')}\` failed`);
    console.error((run.stderr || run.stdout || '').slice(-3000));
    process.exit(1);
  }
}

// Only the zips these two runs wrote (a filesystem's mtime may be a little coarse, hence the second).
const zips = readdirSync(OUT)
  .filter((name) => name.endsWith('.zip'))
  .map((name) => ({ name, stat: statSync(path.join(OUT, name)) }))
  .filter(({ stat }) => stat.mtimeMs >= started - 1000)
  .sort((a, b) => a.name.localeCompare(b.name));
if (zips.length === 0) {
  console.error('zip-sizes: wxt wrote no zip to .output/');
  process.exit(1);
}
const width = Math.max(...zips.map((z) => z.name.length));
for (const { name, stat } of zips) console.log(`${name.padEnd(width)}  ${(stat.size / 1000).toFixed(1)} kB`);
