import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Finds every regular expression in a source tree and makes the inputs that bring out catastrophic
// backtracking: each pattern's own literal pieces (and every pair of them) repeated to a length, so a
// nested or overlapping quantifier over them has a great many ways to fail.

export interface FoundPattern {
  /** "utils/intacct/response.ts:42". */
  where: string;
  source: string;
  flags: string;
}

export interface HostileInput {
  /** What it repeats, for the failure message. */
  label: string;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every value a string-typed expression can take, when its type is a finite set of string literals. */
function stringValues(checker: ts.TypeChecker, node: ts.Expression): string[] | null {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (!part.isStringLiteral()) return null;
    values.push(part.value);
  }
  return values;
}

/** The pattern sources of `new RegExp(…)` / `RegExp(…)`; null when an argument is not a finite set of strings. */
function constructedSources(checker: ts.TypeChecker, arg: ts.Expression): string[] | null {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return [arg.text];
  if (ts.isTemplateExpression(arg)) {
    let sources = [arg.head.text];
    for (const span of arg.templateSpans) {
      const values = stringValues(checker, span.expression);
      if (!values) return null;
      sources = sources.flatMap((s) => values.map((v) => s + v + span.literal.text));
    }
    return sources;
  }
  return stringValues(checker, arg);
}

/**
 * Every regular expression literal and RegExp construction under `root`. A RegExp built from a value the
 * type checker cannot enumerate is returned in `unknown`, so the check fails rather than skip it.
 */
export function findPatterns(repoRoot: string, root: string): { patterns: FoundPattern[]; unknown: string[] } {
  const files = sourceFiles(path.join(repoRoot, root));
  const config = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => {},
  });
  const program = ts.createProgram(files, { ...(config?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  const patterns: FoundPattern[] = [];
  const unknown: string[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file) ?? ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node): string =>
      `${path.relative(repoRoot, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        patterns.push({ where: where(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flagsArg] = node.arguments ?? [];
        const sources = pattern ? constructedSources(checker, pattern) : null;
        const flags = flagsArg === undefined ? [''] : constructedSources(checker, flagsArg);
        if (!sources || !flags || flags.length !== 1) unknown.push(where(node));
        else for (const source of sources) patterns.push({ where: where(node), source, flags: flags[0] ?? '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { patterns, unknown };
}

// ---- the pattern's own literals ----------------------------------------------------------------------

const CANDIDATES = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t', '\n', '\r', '\u00a0', '\u00e9', '\u200b', '\u2028', '\ufeff', '\ud800', '\udc00', '\u{1f9fe}',
];

const QUANTIFIERS = new Set(['*', '+', '?', '{']);
const BOUNDARIES = new Set(['(', ')', '|', '^', '$']);
const CLASS_ESCAPES: Record<string, string> = { d: '0', D: 'a', w: 'a', W: '!', s: ' ', S: 'a', b: '', B: '' };
const CHAR_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

/** The characters a one-character piece of pattern (a class, an escape, a dot) stands for: up to two of them. */
function representatives(piece: string, flags: string): string[] {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${piece})$`, flags.replace(/[gy]/g, ''));
  } catch {
    return [];
  }
  return CANDIDATES.filter((c) => re.test(c)).slice(0, 2);
}

/** Index just past the `[…]` class that starts at `start`. */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index just past the escape sequence that starts at `start` (a backslash). */
function escapeEnd(source: string, start: number): number {
  const c = source[start + 1] ?? '';
  if (c === 'u' && source[start + 2] === '{') return source.indexOf('}', start) + 1;
  if (c === 'u') return start + 6;
  if (c === 'x') return start + 4;
  if ((c === 'p' || c === 'P') && source[start + 2] === '{') return source.indexOf('}', start) + 1;
  if (c === 'k' && source[start + 2] === '<') return source.indexOf('>', start) + 1;
  if (c === 'c') return start + 3;
  return start + 2;
}

/**
 * The pattern's literal pieces: each single-character atom's characters, and each run of atoms that stand
 * unquantified side by side ("<!--", "html", "-->"). Runs break at groups, alternatives, anchors and
 * quantifiers, the places where backtracking chooses.
 */
export function literalsOf(source: string, flags: string): { pieces: string[]; leading: string } {
  const pieces = new Set<string>();
  let run = '';
  let leading: string | null = null;
  const endRun = (): void => {
    if (run) pieces.add(run);
    if (run && leading === null) leading = run;
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    let atom: string[] | null = null;
    let next = i + 1;
    if (c === '\\') {
      next = escapeEnd(source, i);
      const e = source[i + 1] ?? '';
      if (e in CLASS_ESCAPES) {
        atom = CLASS_ESCAPES[e] ? representatives(source.slice(i, next), flags) : null;
        if (e === 'b' || e === 'B') {
          endRun();
          i = next;
          continue;
        }
      } else if (e in CHAR_ESCAPES) atom = [CHAR_ESCAPES[e] ?? ''];
      else if (/[1-9k]/.test(e)) atom = null;
      else if (e !== '' && 'uxcpP'.includes(e)) atom = representatives(source.slice(i, next), flags);
      else atom = [e];
    } else if (c === '[') {
      next = classEnd(source, i);
      atom = representatives(source.slice(i, next), flags);
    } else if (c === '.') {
      atom = ['a'];
    } else if (BOUNDARIES.has(c)) {
      endRun();
      if (c === '(' && source[i + 1] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        next = source[i + 2] === '<' && !'=!'.includes(source[i + 3] ?? '') ? source.indexOf('>', i) + 1 : source[i + 2] === '<' ? i + 4 : i + 3;
      }
      i = next;
      continue;
    } else if (QUANTIFIERS.has(c)) {
      // A quantifier: the atom before it is a piece of its own, not part of the run.
      next = c === '{' ? source.indexOf('}', i) + 1 || i + 1 : i + 1;
      if (source[next] === '?') next++;
      endRun();
      i = next;
      continue;
    } else {
      atom = [c];
    }
    for (const a of atom ?? []) if (a) pieces.add(a);
    const quantified = QUANTIFIERS.has(source[next] ?? '');
    if (!atom || atom.length === 0 || quantified) {
      endRun();
    } else {
      run += atom[0];
    }
    i = next;
  }
  endRun();
  // Longer pieces first: they carry the pattern's structure; the whole set stays small enough to pair.
  const ordered = [...pieces].sort((a, b) => b.length - a.length).slice(0, 14);
  return { pieces: ordered, leading: leading ?? '' };
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.max(1, Math.floor(length / unit.length)));
}

/**
 * Each piece, and each ordered pair of pieces, repeated to `length` characters; bare, after the pattern's
 * leading literal, and followed by a character that rarely matches (so a match must fail at the very end,
 * after every way of splitting the repetitions has been tried).
 */
export function hostileInputs(source: string, flags: string, length: number): HostileInput[] {
  const { pieces, leading } = literalsOf(source, flags);
  const units: { label: string; unit: string }[] = [];
  for (const a of pieces) units.push({ label: JSON.stringify(a), unit: a });
  for (const a of pieces) for (const b of pieces) if (a !== b) units.push({ label: JSON.stringify(a + b), unit: a + b });
  const inputs: HostileInput[] = [];
  for (const { label, unit } of units) {
    const body = repeatTo(unit, length);
    inputs.push({ label: `${label} × ${Math.floor(body.length / unit.length)} + "\\u0001"`, text: `${body}\u0001` });
    inputs.push({ label: `${label} × ${Math.floor(body.length / unit.length)}`, text: body });
    if (leading && leading !== unit) inputs.push({ label: `${JSON.stringify(leading)} then ${label} repeated + "\\u0001"`, text: `${leading}${body}\u0001` });
  }
  return inputs;
}
