// `npm run evidence`: the evidence pack of a whole-user audit of the demo Intacct, made headless by the
// built extension exactly as an admin makes it, in evidence-output/. Then checks it the way an auditor
// would (`sha256sum -c SHA256SUMS`, done here in Node so it needs no coreutils) and says where it is.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/e2e/launch';
import { PACK_FILE_NAMES, writeDemoEvidence } from './evidence-pack';

const outDir = path.join(ROOT, 'evidence-output');
rmSync(outDir, { recursive: true, force: true });
const dir = await writeDemoEvidence(outDir);

const bad: string[] = [];
for (const line of readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8').split('\n').filter(Boolean)) {
  const [digest, name] = line.split(/ {2}/);
  if (!digest || !name) bad.push(`unreadable line: ${line}`);
  else if (createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex') !== digest) bad.push(`${name}: digest differs`);
}
const shown = path.relative(process.cwd(), dir) || dir;
console.log(`Wrote the evidence pack of the demo company's whole-user audit to ${shown}/:`);
for (const name of PACK_FILE_NAMES) console.log(`  ${name}`);
if (bad.length) {
  console.log(`The checksums do not match: ${bad.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log(`SHA256SUMS matches the three files. Check it yourself: (cd ${shown} && sha256sum -c SHA256SUMS)`);
}
