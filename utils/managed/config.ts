import { MAX_PROFILE_BYTES, importCustomProfile } from '@/utils/profiles/import';
import { BUILT_IN_PROFILES } from '@/utils/profiles/registry';
import { SlugSchema, type IntegrationProfile, type OptionValues } from '@/utils/profiles/schema';
import { z } from '@/utils/zod';

/*
 * What an organization sets for everyone through browser policy: Chrome and Edge deliver it as
 * storage.managed (public/managed-schema.json), Firefox from policies.json 3rdparty → Extensions → our id.
 * Neither is trusted: Firefox checks nothing against a schema, Chrome only types, and a policy is written
 * by hand. So each key is parsed on its own here: a malformed one is dropped with a problem the popup
 * shows, and the rest still apply. Pure: the caller reads the storage area (utils/managed/read.ts).
 */

/** The keys of public/managed-schema.json; tests/unit/managed/config.test.ts keeps the two in step. */
export const MANAGED_KEYS = [
  'integration',
  'options',
  'lockIntegration',
  'hideConnectionTest',
  'organizationName',
  'customProfiles',
  'taughtRules',
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

/**
 * Caps that keep a policy cheap to read, whatever it holds (issue 23: 500 taught rules of 1 MB took 7 s to
 * parse; 100,000 option keys gave 100,000 problems). A taught rule is a few hundred characters (its
 * schema allows about 6,000); a profile is at most MAX_PROFILE_BYTES, as an imported file.
 */
export const MANAGED_LIMITS = {
  organizationName: 200,
  customProfiles: 20,
  taughtRules: 500,
  taughtRuleChars: 8 * 1024,
  options: 50,
  optionKey: 64,
  optionValue: 200,
  problems: 100,
} as const;

export interface ManagedConfig {
  /** The integration the organization chose, with its options checked against the profile. */
  integration?: { profileId: string; options: OptionValues };
  /** Users cannot change the integration or its options (only together with a valid `integration`). */
  lockIntegration: boolean;
  hideConnectionTest: boolean;
  organizationName?: string;
  /** Profiles the organization supplies, each checked as an imported profile file is. */
  customProfiles: IntegrationProfile[];
  /** Taught page rules, as records: their own schema belongs to page recognition (see managedTaughtRules). */
  taughtRules: Record<string, unknown>[];
}

export interface ManagedProblem {
  /** The policy key, with a path inside it where that helps (`customProfiles.1.steps`). */
  key: string;
  message: string;
}

export interface ManagedState {
  config: ManagedConfig;
  /** At most MANAGED_LIMITS.problems, worded. */
  problems: ManagedProblem[];
  /** How many more problems there were, counted only. */
  more: number;
}

export const EMPTY_MANAGED: ManagedState = {
  config: { lockIntegration: false, hideConnectionTest: false, customProfiles: [], taughtRules: [] },
  problems: [],
  more: 0,
};

/** Problems as they are found: the first hundred kept, the rest counted (a hostile policy has thousands). */
class ProblemSink {
  readonly listed: ManagedProblem[] = [];
  count = 0;

  push(...problems: ManagedProblem[]): void {
    for (const problem of problems) {
      this.count++;
      if (this.listed.length < MANAGED_LIMITS.problems) this.listed.push(problem);
    }
  }
}

/**
 * Whether `value` written as JSON would hold at most `max` characters, found without writing it: the walk
 * stops as soon as the count passes `max`, so a 1 MB object costs no more than a small one.
 */
export function jsonSizeAtMost(value: unknown, max: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') size += item.length + 2;
    else if (item === null || typeof item !== 'object') size += String(item).length;
    else if (Array.isArray(item)) {
      size += 2 + item.length;
      if (size > max) return false;
      for (const child of item) stack.push(child);
    } else {
      const keys = Object.keys(item);
      size += 2 + keys.length;
      if (size > max) return false;
      for (const key of keys) {
        size += key.length + 3;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    if (size > max) return false;
  }
  return true;
}

const Flag = z.boolean();
const Organization = z.string().trim().min(1).max(MANAGED_LIMITS.organizationName);
const Options = z.record(z.string().max(MANAGED_LIMITS.optionKey), z.string().max(MANAGED_LIMITS.optionValue));
/**
 * A profile or a taught rule: JSON text in Chrome and Edge (their managed schema can only declare it as a
 * string, see public/managed-schema.json), JSON text or the object itself in Firefox's policies.json.
 */
const Entry = z.union([z.string(), z.record(z.string(), z.unknown())]);
const ProfileList = z.array(Entry).max(MANAGED_LIMITS.customProfiles);
const RuleList = z.array(Entry).max(MANAGED_LIMITS.taughtRules);

function zodProblems(key: string, error: z.ZodError): ManagedProblem[] {
  return error.issues.slice(0, MANAGED_LIMITS.problems).map((issue) => ({
    key: [key, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** The organization's profiles that pass every check an imported profile file passes; the others become problems. */
function parseProfiles(raw: unknown, problems: ProblemSink): IntegrationProfile[] {
  const list = ProfileList.safeParse(raw);
  if (!list.success) {
    problems.push(...zodProblems('customProfiles', list.error));
    return [];
  }
  const accepted: IntegrationProfile[] = [];
  list.data.forEach((entry, index) => {
    const at = `customProfiles.${index}`;
    // Text is measured by importCustomProfile before it is parsed; an object is measured here before it is written out.
    if (typeof entry !== 'string' && !jsonSizeAtMost(entry, MAX_PROFILE_BYTES)) {
      problems.push({ key: at, message: `Over ${MAX_PROFILE_BYTES / 1024} KB; a profile is at most that.` });
      return;
    }
    const result = importCustomProfile(typeof entry === 'string' ? entry : JSON.stringify(entry));
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ key: p.path ? `${at}.${p.path}` : at, message: p.message })));
    } else if (accepted.some((p) => p.id === result.profile.id)) {
      problems.push({ key: `${at}.id`, message: `"${result.profile.id}" is listed twice.` });
    } else {
      accepted.push(result.profile);
    }
  });
  return accepted;
}

/** Each taught rule as an object; text that is not a JSON object is a problem. */
function parseRules(raw: unknown, problems: ProblemSink): Record<string, unknown>[] {
  const list = RuleList.safeParse(raw);
  if (!list.success) {
    problems.push(...zodProblems('taughtRules', list.error));
    return [];
  }
  const rules: Record<string, unknown>[] = [];
  const max = MANAGED_LIMITS.taughtRuleChars;
  list.data.forEach((entry, index) => {
    // Measured before it is parsed: a rule is a few hundred characters, and a 1 MB one costs nothing to refuse.
    if (typeof entry === 'string' ? entry.length > max : !jsonSizeAtMost(entry, max)) {
      problems.push({ key: `taughtRules.${index}`, message: `Over ${max / 1024} KB; a taught rule is a few hundred characters.` });
      return;
    }
    let value: unknown = entry;
    if (typeof entry === 'string') {
      try {
        value = JSON.parse(entry);
      } catch {
        value = undefined;
      }
    }
    const rule = z.record(z.string(), z.unknown()).safeParse(value);
    if (rule.success && Object.keys(rule.data).length > 0) rules.push(rule.data);
    else problems.push({ key: `taughtRules.${index}`, message: 'Not a rule: expected the JSON text of a rule object.' });
  });
  return rules;
}

/** Options of `profile` only, each a choice it offers; anything else is a problem and left out. */
function checkOptions(profile: IntegrationProfile, options: OptionValues, problems: ProblemSink): OptionValues {
  const kept: OptionValues = {};
  for (const [id, value] of Object.entries(options)) {
    const option = profile.options.find((o) => o.id === id);
    if (!option) {
      const known = profile.options.map((o) => o.id);
      problems.push({
        key: `options.${id}`,
        message: `${profile.name} has no option "${id}"${known.length ? ` (its options: ${known.join(', ')})` : ''}.`,
      });
    } else if (!option.choices.some((c) => c.value === value)) {
      problems.push({
        key: `options.${id}`,
        message: `"${value}" is not a choice of ${option.label} (choices: ${option.choices.map((c) => c.value).join(', ')}).`,
      });
    } else {
      kept[id] = value;
    }
  }
  return kept;
}

/** The organization's settings from the raw storage.managed contents. Never throws. */
export function parseManagedConfig(raw: unknown): ManagedState {
  if (raw === undefined || raw === null) return EMPTY_MANAGED;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ...EMPTY_MANAGED, problems: [{ key: '(policy)', message: 'The policy is not an object of settings.' }] };
  }
  const source = raw as Record<string, unknown>;
  const problems = new ProblemSink();
  const config: ManagedConfig = { ...EMPTY_MANAGED.config };

  for (const key of Object.keys(source)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) {
      problems.push({ key, message: `Not a setting of Intacct Setup Helper (its settings: ${MANAGED_KEYS.join(', ')}).` });
    }
  }

  const flag = (key: 'lockIntegration' | 'hideConnectionTest'): boolean => {
    if (source[key] === undefined) return false;
    const parsed = Flag.safeParse(source[key]);
    if (!parsed.success) problems.push({ key, message: 'Expected true or false.' });
    return parsed.success && parsed.data;
  };
  const lock = flag('lockIntegration');
  config.hideConnectionTest = flag('hideConnectionTest');

  if (source.organizationName !== undefined) {
    const parsed = Organization.safeParse(source.organizationName);
    if (parsed.success) config.organizationName = parsed.data;
    else problems.push({ key: 'organizationName', message: `Expected the name as text of 1 to ${MANAGED_LIMITS.organizationName} characters.` });
  }

  if (source.customProfiles !== undefined) config.customProfiles = parseProfiles(source.customProfiles, problems);

  if (source.taughtRules !== undefined) config.taughtRules = parseRules(source.taughtRules, problems);

  let options: OptionValues = {};
  if (source.options !== undefined) {
    const keys = typeof source.options === 'object' && source.options !== null ? Object.keys(source.options).length : 0;
    // Counted before each is checked: one problem for a flood of options, not one per option.
    const parsed = keys > MANAGED_LIMITS.options ? null : Options.safeParse(source.options);
    if (!parsed) problems.push({ key: 'options', message: `${keys} options; an integration has at most ${MANAGED_LIMITS.options}.` });
    else if (parsed.success) options = parsed.data;
    else problems.push(...zodProblems('options', parsed.error));
  }

  if (source.integration !== undefined) {
    const id = SlugSchema.safeParse(source.integration);
    const profile = id.success
      ? [...BUILT_IN_PROFILES, ...config.customProfiles].find((p) => p.id === id.data)
      : undefined;
    if (!id.success) problems.push(...zodProblems('integration', id.error));
    else if (!profile) {
      const known = [...BUILT_IN_PROFILES, ...config.customProfiles].map((p) => p.id);
      problems.push({ key: 'integration', message: `No integration "${id.data}" is known (known: ${known.join(', ')}).` });
    } else {
      config.integration = { profileId: profile.id, options: checkOptions(profile, options, problems) };
    }
  } else if (Object.keys(options).length > 0) {
    problems.push({ key: 'options', message: 'Options apply to an integration: set integration too.' });
  }

  if (lock && !config.integration) {
    problems.push({ key: 'lockIntegration', message: 'There is no valid integration to lock, so you can choose one yourself.' });
  }
  config.lockIntegration = lock && config.integration !== undefined;

  return { config, problems: problems.listed, more: problems.count - problems.listed.length };
}

/**
 * Hand-off to page recognition (teach mode): the organization's taught rules, checked here only as a list
 * of objects; utils/storage/taught-rules.ts (organizationTaughtRules) checks each with the rule schema and
 * the background puts them in force beside the admin's own (utils/background/taught-pages.ts).
 */
export function managedTaughtRules(config: ManagedConfig): unknown[] {
  return [...config.taughtRules];
}
