import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Comments cite what the project knows about Intacct as `docs/intacct.md#<anchor>`. These tests keep every
 * citation pointing at a heading that exists, and keep out citations of the team's shared reference by
 * section number (the word "reference", a section sign and a number), which a clone of this repository
 * cannot follow.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOC = 'docs/intacct.md';

// Build output, dependencies and local artifacts (.gitignore), not the project's own files.
const SKIP_DIRS = new Set([
  'node_modules',
  '.output',
  '.wxt',
  '.git',
  'demo-output',
  'test-results',
  'playwright-report',
  '.reports',
  'evidence-output',
]);
const TEXT_FILE = /\.(?:[cm]?[jt]sx?|css|html?|md|json|sh|ya?ml|txt|xml)$/i;

/** Every text file of the project, as paths relative to its root with forward slashes. */
function projectFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : projectFiles(path.join(dir, entry.name));
    if (!entry.isFile() || !TEXT_FILE.test(entry.name)) return [];
    return [path.relative(ROOT, path.join(dir, entry.name)).split(path.sep).join('/')];
  });
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation dropped (letters, digits, spaces, hyphens and
 * underscores stay), each space a hyphen. Link text stands for a link; inline code loses its backticks.
 */
function githubSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Headings of a markdown text (outside code fences), in order. */
function headingsOf(markdown: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const match = /^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/.exec(line);
    if (match?.[1]) headings.push(match[1]);
  }
  return headings;
}

/** GitHub's anchors for those headings: a repeated slug gets -1, -2… */
function anchorsOf(markdown: string): string[] {
  const seen = new Map<string, number>();
  return headingsOf(markdown).map((heading) => {
    const slug = githubSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    return count === 0 ? slug : `${slug}-${count}`;
  });
}

interface Citation {
  file: string;
  line: number;
  anchor: string;
}

const CITATION = /docs\/intacct\.md#([A-Za-z0-9_%-]+)/g;

function citationsIn(file: string, text: string): Citation[] {
  return text.split('\n').flatMap((line, index) =>
    Array.from(line.matchAll(CITATION), (match) => ({ file, line: index + 1, anchor: match[1] ?? '' })),
  );
}

// "reference", then a section sign, or a section sign before a number: the shared reference's section
// numbers. The sign is written as an escape here so this file does not match itself.
const SECTION_CITATION = /reference\s*\u00a7|\u00a7\s*\d/i;

/**
 * Where each section of the shared reference went, to say what to write instead (branches written before
 * docs/intacct.md existed still cite the numbers).
 */
const FORMER_SECTIONS: Readonly<Record<string, string>> = {
  '0': 'summary',
  '1': 'xml-gateway',
  '1.1': 'gateway-transport',
  '1.2': 'request-envelope',
  '1.3': 'api-sessions',
  '1.4': 'reply-shapes',
  '1.5': 'error-catalogue',
  '1.6': 'gateway-functions',
  '1.7': 'rest-api',
  '2': 'recorded-replies',
  '3': 'web-ui',
  '3.1': 'hosts-and-urls',
  '3.2': 'navigation-paths',
  '3.3': 'page-contents-and-labels',
  '3.4': 'page-markup',
  '3.5': 'page-markup',
  '4': 'permissions-model',
  '4.1': 'published-connector-requirements',
  '5': 'custom-package-xml',
  '6': 'practices-the-facts-suggest',
  '7': 'unknowns',
};

function sectionCitationsIn(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    if (!SECTION_CITATION.test(line)) return [];
    const number = /\u00a7\s*(\d+(?:\.\d+)?)/.exec(line)?.[1] ?? '';
    const instead = FORMER_SECTIONS[number] ?? FORMER_SECTIONS[number.split('.')[0] ?? ''];
    const hint = instead ? `; cite ${DOC}#${instead} (or a heading under it) instead` : `; cite a heading of ${DOC} instead`;
    return [`${file}:${index + 1}: ${line.trim()}${hint}`];
  });
}

const doc = readFileSync(path.join(ROOT, DOC), 'utf8');
const anchors = new Set(anchorsOf(doc));
const files = projectFiles();

describe('GitHub anchors as this test computes them', () => {
  it('follows GitHub: lower case, punctuation dropped, spaces as hyphens, repeats numbered', () => {
    expect(githubSlug('Error catalogue')).toBe('error-catalogue');
    expect(githubSlug('One errorno, several causes')).toBe('one-errorno-several-causes');
    expect(githubSlug('Replies with HTTP 400 and 401')).toBe('replies-with-http-400-and-401');
    expect(githubSlug('Role-based and user-based permissions')).toBe('role-based-and-user-based-permissions');
    expect(githubSlug('`getUserPermissions` & friends: what (it) covers?')).toBe('getuserpermissions--friends-what-it-covers');
    expect(githubSlug('[Linked](https://example.com) heading')).toBe('linked-heading');
    expect(anchorsOf('# A\n## Notes\n```\n# not a heading\n```\n### Notes\n')).toEqual(['a', 'notes', 'notes-1']);
  });
});

describe(`citations of ${DOC}`, () => {
  it('finds the files to check, the citations in them and the headings they cite', () => {
    expect(files).toContain('utils/intacct/classify.ts');
    expect(files).toContain('README.md');
    expect(files.some((file) => file.startsWith('node_modules/') || file.startsWith('.output/'))).toBe(false);
    expect(anchors.has('error-catalogue')).toBe(true);
    expect(files.flatMap((file) => citationsIn(file, readFileSync(path.join(ROOT, file), 'utf8'))).length).toBeGreaterThan(50);
  });

  it('gives every heading its own anchor, so a citation names one place', () => {
    const slugs = headingsOf(doc).map(githubSlug);
    expect(slugs.filter((slug, index) => slugs.indexOf(slug) !== index)).toEqual([]);
  });

  it('names a heading that exists in every citation, in any file of the project', () => {
    const broken = files
      .flatMap((file) => citationsIn(file, readFileSync(path.join(ROOT, file), 'utf8')))
      .filter((citation) => !anchors.has(citation.anchor))
      .map((citation) => `${citation.file}:${citation.line}: ${DOC}#${citation.anchor}`);
    expect(broken, `no heading of ${DOC} has these anchors`).toEqual([]);
  });

  it(`links within ${DOC} to its own headings`, () => {
    const links = Array.from(doc.matchAll(/\]\(#([^)\s]+)\)/g), (match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it('leaves no citation of the shared reference by section number', () => {
    const left = files.flatMap((file) => sectionCitationsIn(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(left).toEqual([]);
  });

  it('maps every former section number to a heading that exists', () => {
    expect(Object.values(FORMER_SECTIONS).filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });
});
