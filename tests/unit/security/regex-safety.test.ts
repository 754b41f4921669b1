// @vitest-environment node
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '@/utils/reading/text';
import { findPatterns, hostileInputs, literalsOf } from './regex-inputs';

// No regular expression of utils/ may take long over hostile text (issue 15: one pattern took over a
// minute on a 313-byte gateway reply). Every pattern there, found in the source, runs over its own literals
// repeated to 100 kB under a time limit; a pattern with nested or overlapping quantifiers fails here
// before it ships.

const REPO = path.resolve(__dirname, '../../..');
const LENGTH = 100_000;
/**
 * Per input. A linear pattern takes about a millisecond over 100 kB; a quadratic one several seconds, an
 * exponential one forever. The margin both ways keeps the check steady on a busy machine.
 */
const LIMIT_MS = 250;

/**
 * Patterns that only ever see text normalizeLabel has squashed (single spaces, no run of whitespace), so
 * they are checked on the hostile inputs squashed the same way. utils/pages/signals.ts belongs to the
 * detector's speed work (issue 10); its texts all come through normalizeLabel (readPageSignals, texts()).
 */
const SQUASHED_ONLY: ReadonlyArray<{ file: string; source: string }> = [
  { file: 'utils/pages/signals.ts', source: '\\s+(?:information|info|details|detail|page)$' },
  { file: 'utils/pages/signals.ts', source: '\\s*(?::|\\s--\\s|\\s[-–]\\s)\\s*' },
];

// One context for every run: vm's timeout interrupts a regular expression mid-backtrack, which a plain
// time check after the call could never do.
const sandbox = vm.createContext({ re: /x/, text: '' });
const run = new vm.Script(`re.lastIndex = 0; re.global ? text.replace(re, '') : re.test(text);`);

/** Milliseconds, or Infinity when the limit interrupted it. */
function timeOne(pattern: RegExp, text: string): number {
  sandbox.re = pattern;
  sandbox.text = text;
  const started = performance.now();
  try {
    run.runInContext(sandbox, { timeout: LIMIT_MS });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
    return Infinity;
  }
  return performance.now() - started;
}

function slowest(pattern: RegExp, inputs: { label: string; text: string }[]): { label: string; ms: number } {
  let worst = { label: '', ms: 0 };
  for (const input of inputs) {
    let ms = timeOne(pattern, input.text);
    // Once more before blaming the pattern: another process may have held the core.
    if (ms >= LIMIT_MS) ms = timeOne(pattern, input.text);
    if (ms >= LIMIT_MS) return { label: input.label, ms };
    if (ms > worst.ms) worst = { label: input.label, ms };
  }
  return worst;
}

/** Nothing to repeat, nothing to backtrack over: a search for fixed alternatives is linear. */
function hasQuantifier(source: string): boolean {
  return /(?<!\\)[*+?{]/.test(source.replace(/\[(?:\\.|[^\]\\])*\]/g, '[]'));
}

describe('the hostile-input generator', () => {
  it('finds the pieces of a comment pattern, so it builds the input that froze the background', () => {
    const { pieces } = literalsOf('^(?:<!--[\\s\\S]*?-->\\s*)*<html', 'i');
    expect(pieces).toEqual(expect.arrayContaining(['<!--', '-->', '<html']));
    const inputs = hostileInputs('^(?:<!--[\\s\\S]*?-->\\s*)*<html', 'i', 2000).map((i) => i.text);
    expect(inputs.some((t) => t.startsWith('<!---->'.repeat(10)))).toBe(true);
  });

  it('catches that pattern (the one response.ts had) within the time limit', () => {
    const bad = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i;
    const result = slowest(bad, hostileInputs(bad.source, bad.flags, LENGTH));
    expect(result.ms).toBe(Infinity);
  });

  it('catches a quadratic scan too (a trailing-space trim over 100 kB of spaces)', () => {
    const bad = /\s+$/;
    expect(slowest(bad, hostileInputs(bad.source, bad.flags, LENGTH)).ms).toBeGreaterThan(LIMIT_MS);
  });

  it('passes a linear pattern', () => {
    const good = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
    expect(slowest(good, hostileInputs(good.source, good.flags, LENGTH)).ms).toBeLessThan(LIMIT_MS);
  });
});

describe('every regular expression in utils/', () => {
  const { patterns, unknown } = findPatterns(REPO, 'utils');

  it('is found, literal or constructed from values the type checker can list', () => {
    expect(patterns.length).toBeGreaterThan(50);
    expect(unknown, 'RegExp built from a value that is not a finite set of strings: make it one, or a literal').toEqual([]);
  });

  it(`runs over its own literals repeated to ${LENGTH / 1000} kB in under ${LIMIT_MS} ms per input`, () => {
    const started = performance.now();
    const slow: string[] = [];
    let inputs = 0;
    for (const p of patterns) {
      if (!hasQuantifier(p.source)) continue;
      const squashedOnly = SQUASHED_ONLY.some((x) => p.where.startsWith(`${x.file}:`) && x.source === p.source);
      const hostile = hostileInputs(p.source, p.flags, LENGTH).map((i) => (squashedOnly ? { ...i, text: normalizeLabel(i.text) } : i));
      inputs += hostile.length;
      const worst = slowest(new RegExp(p.source, p.flags), hostile);
      if (worst.ms >= LIMIT_MS) slow.push(`${p.where} /${p.source}/${p.flags} on ${worst.label}: over ${LIMIT_MS} ms`);
    }
    console.log(`regular-expression check: ${patterns.length} patterns, ${inputs} inputs, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(slow).toEqual([]);
  }, 300_000);

  it('lists squashed-only patterns that still exist, so an exemption cannot outlive its pattern', () => {
    for (const x of SQUASHED_ONLY) expect(patterns.some((p) => p.where.startsWith(`${x.file}:`) && p.source === x.source), x.source).toBe(true);
  });
});
