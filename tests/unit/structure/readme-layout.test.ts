import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's Layout table names every folder of the project, and only folders that exist (issue #22):
// a newcomer reading it finds each folder, and a folder added or moved fails here until the table says so.
const root = path.resolve(__dirname, '../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const start = readme.indexOf('### Layout\n');
const end = readme.indexOf('\n## ', start);
const table = readme.slice(start, end).split('\n').filter((line) => line.startsWith('| `'));

/** Folders of the tracked tree, two levels deep (`utils/audit/`), hidden ones left out. */
function trackedFolders(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    if (parts.length < 2 || parts[0]?.startsWith('.')) continue;
    folders.add(`${parts[0]}/`);
    if (parts.length > 2) folders.add(`${parts[0]}/${parts[1]}/`);
  }
  return [...folders].sort();
}

const named = (line: string): string[] => [...line.matchAll(/`([^`\s]+\/)`/g)].map((m) => m[1] ?? '');

describe("the README's Layout", () => {
  it('is there', () => {
    expect(start).toBeGreaterThan(0);
    expect(table.length).toBeGreaterThan(10);
  });

  it('names every folder of the tree', () => {
    const mentioned = new Set(table.flatMap(named));
    // A top folder is named by its own row or by rows of its folders (`utils/audit/`, `utils/pages/`, …).
    const isNamed = (folder: string): boolean => mentioned.has(folder) || (folder.split('/').length === 2 && [...mentioned].some((m) => m.startsWith(folder)));
    const missing = trackedFolders().filter((folder) => !isNamed(folder));
    expect(missing, 'folders the Layout table does not name').toEqual([]);
  });

  it('names only folders that exist', () => {
    const heads = table.map((line) => line.split('|')[1] ?? '').flatMap(named);
    expect(heads.filter((folder) => !existsSync(path.join(root, folder)))).toEqual([]);
  });
});
