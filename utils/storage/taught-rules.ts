import { storage } from '#imports';
import { describeJsonError, type ProfileProblem } from '@/utils/profiles/import';
import { PageKindSchema } from '@/utils/profiles/schema';
import { EFFECTIVE_TAUGHT_RULES_KEY, MAX_SIGNATURE_LABELS, MAX_SIGNATURE_NAMES, TAUGHT_RULES_KEY, type PageSignature, type TaughtPage } from '@/utils/pages/taught';
import type { PageKind } from '@/utils/pages/kinds';
import { isApplicationPagePath } from '@/utils/hosts';
import { z } from '@/utils/zod';

/**
 * What the admin taught the helper (issue #9): pages it did not recognize ("This is the … page") and fields
 * it could not find ("Point at it"). Stored in storage.local, shown and removable in the popup, exported
 * and imported as one JSON file — the same file an organization deploys centrally. Structure only: paths
 * without query values, page names, labels, a field's accessible name or a stable attribute.
 */

const Label = z.string().trim().min(1).max(120);

export const TaughtPageSchema = z.strictObject({
  kind: PageKindSchema,
  path: z
    .string()
    .max(300)
    .regex(/^\/[^?#\s]*$/, 'A path such as /ia/acct/editor.phtml, without a query')
    .refine(isApplicationPagePath, 'Only Intacct’s application pages can be taught: a path under /ia/acct/ other than the frameset (frameset.phtml)'),
  queryKeys: z.array(z.string().min(1).max(40)).max(20),
  names: z.array(Label).max(MAX_SIGNATURE_NAMES),
  labels: z.array(Label).max(MAX_SIGNATURE_LABELS),
  taughtAt: z.number().int().nonnegative(),
});

export const TaughtFieldSchema = z
  .strictObject({
    kind: PageKindSchema,
    /** The field as the integration's rule names it (its first label, normalized): "user id". */
    label: Label,
    /** The accessible name the page gives the field the admin clicked. */
    name: Label.optional(),
    /** Where the field has no name: a stable id or name attribute. */
    attribute: z.strictObject({ key: z.enum(['id', 'name']), value: z.string().min(1).max(200) }).optional(),
    taughtAt: z.number().int().nonnegative(),
  })
  .refine((f) => f.name !== undefined || f.attribute !== undefined, { message: 'A taught field needs a name or an attribute' });

export type TaughtField = z.infer<typeof TaughtFieldSchema>;

export const TAUGHT_RULES_FORMAT = 'intacct-setup-helper/taught-rules';

export const TaughtRulesSchema = z.strictObject({
  format: z.literal(TAUGHT_RULES_FORMAT),
  version: z.literal(1),
  pages: z.array(TaughtPageSchema).max(200),
  fields: z.array(TaughtFieldSchema).max(500),
});

export type TaughtRules = z.infer<typeof TaughtRulesSchema>;

export const EMPTY_TAUGHT_RULES: TaughtRules = { format: TAUGHT_RULES_FORMAT, version: 1, pages: [], fields: [] };

export const taughtRulesItem = storage.defineItem<TaughtRules>(`local:${TAUGHT_RULES_KEY}`, { fallback: EMPTY_TAUGHT_RULES });

/** The rules in force (the admin's and the organization's), written by the background only. */
export const effectiveTaughtRulesItem = storage.defineItem<TaughtRules>(`local:${EFFECTIVE_TAUGHT_RULES_KEY}`, {
  fallback: EMPTY_TAUGHT_RULES,
});

/** A stored value that no longer parses counts as nothing taught, never as half a rule. */
export function parseTaughtRules(value: unknown): TaughtRules {
  const parsed = TaughtRulesSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_TAUGHT_RULES;
}

/** Teaches a page; a rule for the same path and query keys is replaced (the admin corrected it). */
export function withTaughtPage(rules: TaughtRules, kind: PageKind, signature: PageSignature, at: number): TaughtRules {
  const page: TaughtPage = { kind, ...signature, taughtAt: at };
  const same = (p: TaughtPage): boolean => p.path === page.path && p.queryKeys.join('&') === page.queryKeys.join('&');
  return TaughtRulesSchema.parse({ ...rules, pages: [page, ...rules.pages.filter((p) => !same(p))].slice(0, 200) });
}

export function withTaughtField(rules: TaughtRules, field: TaughtField): TaughtRules {
  const same = (f: TaughtField): boolean => f.kind === field.kind && f.label === field.label;
  return TaughtRulesSchema.parse({ ...rules, fields: [field, ...rules.fields.filter((f) => !same(f))].slice(0, 500) });
}

export function withoutTaughtPage(rules: TaughtRules, index: number): TaughtRules {
  return { ...rules, pages: rules.pages.filter((_, i) => i !== index) };
}

export function withoutTaughtField(rules: TaughtRules, index: number): TaughtRules {
  return { ...rules, fields: rules.fields.filter((_, i) => i !== index) };
}

/** Taught fields of one page kind, for the audit and the filler. */
export function taughtFieldsFor(rules: TaughtRules, kind: PageKind): TaughtField[] {
  return rules.fields.filter((f) => f.kind === kind);
}

export function taughtRulesFile(rules: TaughtRules): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}

export type TaughtImport = { ok: true; rules: TaughtRules } | { ok: false; problems: ProfileProblem[] };

export const MAX_TAUGHT_FILE_BYTES = 512 * 1024;

/** Why a taught-rules file of `size` bytes (or characters) is refused unread. */
export function taughtFileTooLarge(size: number): ProfileProblem | null {
  return size > MAX_TAUGHT_FILE_BYTES ? { path: '', message: `The file is over ${MAX_TAUGHT_FILE_BYTES / 1024} KB; a taught-rules file is a few KB.` } : null;
}

/** Reads a taught-rules file; every reason for refusal comes back with its place in the file. Never throws. */
export function importTaughtRules(text: string): TaughtImport {
  const tooLarge = taughtFileTooLarge(text.length);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: describeJsonError(body, error) }] };
  }
  const parsed = TaughtRulesSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 100).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  return { ok: true, rules: parsed.data };
}

/** Imported rules join the ones already taught; an imported rule for the same page or field wins. */
export function mergeTaughtRules(current: TaughtRules, incoming: TaughtRules): TaughtRules {
  let next = current;
  for (const page of [...incoming.pages].reverse()) {
    const { kind, taughtAt, ...signature } = page;
    next = withTaughtPage(next, kind, signature, taughtAt);
  }
  for (const field of [...incoming.fields].reverse()) next = withTaughtField(next, field);
  return next;
}

/**
 * The organization's taught rules from its policy (utils/managed/config.ts hands them over as records):
 * each record is a taught page (it has a `path`) or a taught field (it has a `label`), checked with the same
 * schema as the admin's own; a record that does not pass is left out and said why.
 */
export function organizationTaughtRules(records: readonly unknown[]): { rules: TaughtRules; problems: string[] } {
  const pages: TaughtPage[] = [];
  const fields: TaughtField[] = [];
  const problems: string[] = [];
  records.slice(0, 700).forEach((record, i) => {
    const isPage = typeof record === 'object' && record !== null && 'path' in record;
    const parsed = isPage ? TaughtPageSchema.safeParse(record) : TaughtFieldSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`taughtRules.${i}${issue?.path.length ? `.${issue.path.map(String).join('.')}` : ''}: ${issue?.message ?? 'not a taught rule'}`);
    } else if (isPage) pages.push(parsed.data as TaughtPage);
    else fields.push(parsed.data as TaughtField);
  });
  const rules = TaughtRulesSchema.safeParse({ ...EMPTY_TAUGHT_RULES, pages: pages.slice(0, 200), fields: fields.slice(0, 500) });
  return { rules: rules.success ? rules.data : EMPTY_TAUGHT_RULES, problems };
}
