import { BUILT_IN_PROFILE_IDS, BUILT_IN_PROFILES } from './registry';
import { IntegrationProfileSchema, type Condition, type IntegrationProfile } from './schema';

export interface ProfileProblem {
  /** Where in the profile, as dot-joined keys and indexes (e.g. `steps.2.pageKinds.0`); '' for the file itself. */
  path: string;
  message: string;
}

/** `more`: how many problems there are beyond the ones listed. */
export type ImportResult = { ok: true; profile: IntegrationProfile } | { ok: false; problems: ProfileProblem[]; more: number };

/** A hand-written profile is a few KB; anything near this is the wrong file, and parsing it would stall the popup. */
export const MAX_PROFILE_BYTES = 256 * 1024;

/**
 * The most problems a refusal lists, and the most values one message names: enough to fix a file in one
 * pass, and a hostile file's thousands of problems (each naming every choice) cannot flood the popup.
 */
export const MAX_PROBLEMS = 100;
export const MAX_VALUES_NAMED = 10;

/** "a, b, c", or the first ten and "and 31 more". */
export function someOf(values: readonly string[], separator = ', '): string {
  const named = values.slice(0, MAX_VALUES_NAMED).join(separator);
  return values.length > MAX_VALUES_NAMED ? `${named} and ${values.length - MAX_VALUES_NAMED} more` : named;
}

const quote = (value: unknown): string => JSON.stringify(String(value));

type SchemaIssue = { code: string; message: string; values?: readonly unknown[]; keys?: readonly string[]; options?: readonly unknown[] };

/** zod's message, with its list of allowed values or unknown keys cut to the first ten. */
function issueMessage(issue: SchemaIssue): string {
  if (issue.code === 'invalid_value' && issue.values && issue.values.length > MAX_VALUES_NAMED) {
    return `Invalid option: expected one of ${someOf(issue.values.map(quote), '|')}`;
  }
  if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > MAX_VALUES_NAMED) {
    return `Unrecognized keys: ${someOf(issue.keys.map(quote))}`;
  }
  if (issue.code === 'invalid_union' && issue.options && issue.options.length > MAX_VALUES_NAMED) {
    return `Invalid discriminator value. Expected ${someOf(issue.options.map((o) => `'${String(o)}'`), ' | ')}`;
  }
  return issue.message;
}

// Letters that draw nothing (Hangul and halfwidth fillers, the braille blank, Khmer's inherent vowels, the
// combining grapheme joiner) and zero-width or invisible format characters: a name made of them, or
// padded with them, looks like another name or like none (issue 23: U+3164 passed as a letter).
const FILLERS = /[\u115F\u1160\u3164\uFFA0\u2800\u17B4\u17B5\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** The name as it will be shown: without filler letters and invisible characters, its spaces squashed. */
export function visibleName(name: string): string {
  return name.replace(FILLERS, '').replace(/\s+/gu, ' ').trim();
}

/** Letters and digits only, case and compatibility forms folded: "Expensify", "EXPENSIFY " and "Ｅxpensify" are one name. */
function comparableName(name: string): string {
  return visibleName(name).normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const BUILT_IN_NAMES = BUILT_IN_PROFILES.map((p) => ({ comparable: comparableName(p.name), name: p.name }));

/**
 * An imported profile may not pass itself off as a built-in one, by id or by name — nor by a name that
 * begins with a built-in's ("Expensify — the built-in Expensify profile, verified by Sage…").
 */
function impersonation(profile: IntegrationProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (BUILT_IN_PROFILE_IDS.has(profile.id)) {
    problems.push({ path: 'id', message: `"${profile.id}" is a built-in profile's id; choose another.` });
  }
  const name = comparableName(profile.name);
  const same = BUILT_IN_NAMES.find((b) => b.comparable === name);
  const prefix = same ? undefined : BUILT_IN_NAMES.find((b) => name.startsWith(b.comparable));
  if (same) {
    problems.push({
      path: 'name',
      message: `"${profile.name}" is the name of the built-in profile "${same.name}"; choose a name of your own, so the two cannot be taken for each other.`,
    });
  } else if (prefix) {
    problems.push({
      path: 'name',
      message: `"${shortName(profile.name)}" begins with the name of the built-in profile "${prefix.name}"; choose a name that does not, so the two cannot be taken for each other.`,
    });
  }
  return problems;
}

/** A long name shortened for a message. */
function shortName(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Why a profile file of `size` bytes is refused unread (the popup checks a file's size before reading it). */
export function profileFileTooLarge(size: number): ProfileProblem | null {
  if (size <= MAX_PROFILE_BYTES) return null;
  return {
    path: '',
    message: `The file is ${Math.ceil(size / 1024)} KB; profiles are limited to ${MAX_PROFILE_BYTES / 1024} KB. Check that this is a profile file.`,
  };
}

/**
 * Reads a profile an admin supplies as JSON. Never throws: every reason for refusal comes back as a
 * problem with its location, so the admin can fix the file in one pass.
 */
export function importCustomProfile(jsonText: string): ImportResult {
  const tooLarge = profileFileTooLarge(jsonText.length > MAX_PROFILE_BYTES ? jsonText.length : new TextEncoder().encode(jsonText).length);
  if (tooLarge) return refuse([tooLarge]);

  // Editors on Windows often save a byte-order mark, which JSON.parse rejects.
  const text = jsonText.startsWith('\uFEFF') ? jsonText.slice(1) : jsonText;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse([{ path: '', message: describeJsonError(text, error) }]);
  }

  const parsed = IntegrationProfileSchema.safeParse(data);
  if (!parsed.success) {
    return refuse(
      parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
        path: issue.path.map((key) => String(key)).join('.'),
        message: issueMessage(issue),
      })),
      Math.max(0, parsed.error.issues.length - MAX_PROBLEMS),
    );
  }

  // The name as it will be shown: filler letters and invisible characters go before any check.
  const profile: IntegrationProfile = { ...parsed.data, name: visibleName(parsed.data.name) };
  const problems = new ProblemList(MAX_PROBLEMS);
  if (!comparableName(profile.name)) problems.add('name', () => 'The name has no visible letter or digit; give the profile a name an admin can read.');
  else for (const p of impersonation(profile)) problems.add(p.path, () => p.message);
  checkProfile(profile, problems);
  return problems.count > 0 ? refuse(problems.listed, problems.count - problems.listed.length) : { ok: true, profile };
}

function refuse(problems: ProfileProblem[], beyond = 0): ImportResult {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) + beyond };
}

/** Problems as they are found: the first `max` worded, the rest only counted (a hostile file has tens of thousands). */
class ProblemList {
  readonly listed: ProfileProblem[] = [];
  count = 0;

  constructor(private readonly max: number) {}

  add(path: string, message: () => string): void {
    this.count++;
    if (this.listed.length < this.max) this.listed.push({ path, message: message() });
  }
}

/**
 * Consistency the schema cannot express: unique ids, conditions that name real options and choices,
 * field rules placed on a page their step covers. Run on built-in profiles by the tests too.
 */
export function crossCheckProfile(profile: IntegrationProfile): ProfileProblem[] {
  const problems = new ProblemList(Infinity);
  checkProfile(profile, problems);
  return problems.listed;
}

function checkProfile(profile: IntegrationProfile, problems: ProblemList): void {
  const choicesByOption = new Map<string, string[]>();

  firstDuplicates(profile.options.map((o) => o.id)).forEach((first, index) => {
    problems.add(`options.${index}.id`, () => `Option id "${profile.options[index]?.id}" is already used by options.${first}.`);
  });
  profile.options.forEach((option, i) => {
    const values = option.choices.map((c) => c.value);
    if (!choicesByOption.has(option.id)) choicesByOption.set(option.id, values);
    firstDuplicates(values).forEach((first, j) => {
      problems.add(`options.${i}.choices.${j}.value`, () => `Choice "${values[j]}" is already listed as choices.${first}.`);
    });
    if (!values.includes(option.default)) {
      problems.add(`options.${i}.default`, () => `Default "${option.default}" is not one of the choices (${someOf(values)}).`);
    }
  });

  const checkWhen = (when: readonly Condition[] | undefined, at: string): void => {
    when?.forEach((condition, k) => {
      const choices = choicesByOption.get(condition.option);
      if (!choices) {
        const declared = [...choicesByOption.keys()];
        problems.add(`${at}.when.${k}.option`, () => `No option "${condition.option}" is declared${declared.length ? ` (declared: ${someOf(declared)})` : ' (the profile has no options)'}.`);
        return;
      }
      condition.in.forEach((value, m) => {
        if (!choices.includes(value)) {
          problems.add(`${at}.when.${k}.in.${m}`, () => `"${value}" is not a choice of option "${condition.option}" (choices: ${someOf(choices)}).`);
        }
      });
    });
  };

  firstDuplicates(profile.steps.map((s) => s.id)).forEach((first, i) => {
    problems.add(`steps.${i}.id`, () => `Step id "${profile.steps[i]?.id}" is already used by steps.${first}.`);
  });

  const ruleIds: string[] = [];
  const rulePaths: string[] = [];
  profile.steps.forEach((step, i) => {
    checkWhen(step.when, `steps.${i}`);
    step.fields?.forEach((rule, j) => {
      const at = `steps.${i}.fields.${j}`;
      checkWhen(rule.when, at);
      ruleIds.push(rule.id);
      rulePaths.push(at);
      // A rule on a page its step never visits would never be shown.
      if (!step.pageKinds.includes(rule.pageKind)) {
        problems.add(`${at}.pageKind`, () => `Page "${rule.pageKind}" is not among step "${step.id}"'s pageKinds (${someOf(step.pageKinds) || 'none'}).`);
      }
    });
  });
  firstDuplicates(ruleIds).forEach((first, n) => {
    problems.add(`${rulePaths[n]}.id`, () => `Field rule id "${ruleIds[n]}" is already used at ${rulePaths[first]}.`);
  });

  profile.subscriptions.forEach((s, i) => checkWhen(s.when, `subscriptions.${i}`));
  profile.permissions.forEach((p, i) => checkWhen(p.when, `permissions.${i}`));

  firstDuplicates(profile.senderIds.map((s) => s.id)).forEach((first, i) => {
    problems.add(`senderIds.${i}.id`, () => `Sender ID "${profile.senderIds[i]?.id}" is already listed as senderIds.${first}.`);
  });

  if (profile.package?.kind === 'built') {
    const fields = profile.package.customFields;
    firstDuplicates(fields.map((f) => f.customFieldId)).forEach((first, i) => {
      problems.add(`package.customFields.${i}.customFieldId`, () => `Custom field "${fields[i]?.customFieldId}" is already defined as customFields.${first}.`);
    });
  }

  unsafeCharacters(profile, problems);
}

// Nothing a guide writes: C0 controls but tab and line breaks, DEL, C1, noncharacters, and unpaired
// surrogates (XML cannot carry them, and a data: URL cannot encode the last).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// In an ID the admin types into Intacct, invisible characters make two IDs that look the same: tabs and
// line breaks too, zero-width and bidirectional controls.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const ID_PATHS = /^(senderIds\.\d+\.id|package\.customFields\.\d+\.customFieldId|wsUser\.userId|role\.name)$/;

function codePoint(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[0] ?? '';
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Control characters anywhere, invisible ones in IDs: a profile is plain text an admin reads and types. */
function unsafeCharacters(profile: IntegrationProfile, problems: ProblemList): void {
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (CONTROL.test(value)) {
        problems.add(path, () => `Contains a control character (${codePoint(value, CONTROL)}); use plain text.`);
      } else if (ID_PATHS.test(path) && INVISIBLE.test(value)) {
        problems.add(path, () => `Contains an invisible character (${codePoint(value, INVISIBLE)}); an ID must be typed exactly, so use visible characters only.`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i)));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(profile, '');
}

/** index of each repeat → index of the first occurrence. */
function firstDuplicates(values: readonly string[]): Map<number, number> {
  const seen = new Map<string, number>();
  const repeats = new Map<number, number>();
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else repeats.set(index, first);
  });
  return repeats;
}

// ---- JSON error position ------------------------------------------------------------------------------

// Engines word JSON errors differently and V8 often leaves out the position, so we find it ourselves.
export function describeJsonError(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const offset = findJsonErrorOffset(text);
  if (offset < 0) return `The file is not valid JSON (${detail}).`;
  const { line, column } = lineAndColumn(text, offset);
  const where = offset >= text.length ? 'The file ends too early' : `Unexpected ${JSON.stringify(text.slice(offset, offset + 12))}`;
  return `The file is not valid JSON: ${where} at line ${line}, column ${column}.`;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

type ScanState = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after-value';

/**
 * Offset of the first JSON syntax error (text.length when the text ends too early), or -1 if none is
 * found. Iterative, so deeply nested input cannot overflow the stack.
 */
export function findJsonErrorOffset(text: string): number {
  const n = text.length;
  const open: string[] = [];
  let state: ScanState = 'value';
  let i = 0;
  const skipSpace = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  for (;;) {
    skipSpace();
    if (state === 'after-value') {
      if (open.length === 0) return i < n ? i : -1;
      if (i >= n) return n;
      const c = text[i];
      const top = open[open.length - 1];
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
        open.pop();
        i++;
      } else {
        return i;
      }
      continue;
    }
    if (i >= n) return n;
    const c = text[i];

    if (state === 'key' || state === 'key-or-close') {
      if (c === '}' && state === 'key-or-close') {
        open.pop();
        i++;
        state = 'after-value';
        continue;
      }
      if (c !== '"') return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      skipSpace();
      if (i >= n) return n;
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }

    if (c === ']' && state === 'value-or-close') {
      open.pop();
      i++;
      state = 'after-value';
    } else if (c === '{') {
      open.push('{');
      i++;
      state = 'key-or-close';
    } else if (c === '[') {
      open.push('[');
      i++;
      state = 'value-or-close';
    } else if (c === '"') {
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'after-value';
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, i));
      if (literal) {
        i += literal.length;
      } else {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return i;
        i += match[0].length;
      }
      state = 'after-value';
    }
  }
}

/** Index just past the closing quote, or -(errorOffset + 1). */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 1);
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === undefined) return -(text.length + 1);
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1);
        i += 6;
      } else if ('"\\/bfnrt'.includes(next)) {
        i += 2;
      } else {
        return -(i + 1);
      }
      continue;
    }
    i++;
  }
  return -(text.length + 1);
}
