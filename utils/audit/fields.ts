import { notFoundFinding, type Finding, type FindingStatus } from '@/utils/audit/finding';
import type { FieldRule } from '@/utils/profiles/schema';
import { normalizeLabel } from '@/utils/reading/text';
import { findField } from '@/utils/reading/fields';
import { readControl, selectedOption, type ControlState } from '@/utils/reading/state';
import { indexFields, type FieldIndex } from '@/utils/reading/fields';
import { isControl } from '@/utils/reading/controls';
import { isShown, whereHidden } from '@/utils/reading/visibility';
import { describeDifference, intacctSenderUser, looseEquals, sameIgnoringCaseAndSpaces } from './compare';
import { pageSpec } from '@/utils/pages/registry';

export interface FieldCheck {
  status: FindingStatus;
  found: string;
  expected: string;
  message: string;
}

export interface AuditFieldsOptions {
  /** Names the source in messages ("The Expensify guide asks for …"). */
  guideName?: string;
  /** Where the admin pointed at a rule's field on this page ("Point at it"): its name or a stable attribute. */
  taught?: (rule: FieldRule) => TaughtLocator | undefined;
}

/** What the admin taught about one field: the accessible name it has, or an id / name attribute. */
export interface TaughtLocator {
  name?: string;
  attribute?: { key: 'id' | 'name'; value: string };
}

/** The admin's taught fields of a page as the audit asks for them: by the rule's first label. */
export function taughtLocators(fields: readonly { label: string; name?: string | undefined; attribute?: TaughtLocator['attribute'] | undefined }[]) {
  const byLabel = new Map<string, TaughtLocator>();
  for (const f of fields) {
    if (byLabel.has(f.label)) continue;
    byLabel.set(f.label, { ...(f.name ? { name: f.name } : {}), ...(f.attribute ? { attribute: f.attribute } : {}) });
  }
  return (rule: FieldRule): TaughtLocator | undefined => byLabel.get(normalizeLabel(rule.labels[0] ?? ''));
}

/** The field by its labels, else where the admin pointed at it. */
export function locateField(doc: Document, rule: FieldRule, index: FieldIndex, taught?: TaughtLocator): Element | null {
  const found = findField(doc, taught?.name ? [...rule.labels, taught.name] : rule.labels, index);
  if (found || !taught?.attribute) return found;
  const { key, value } = taught.attribute;
  try {
    const el = key === 'id' ? doc.getElementById(value) : doc.getElementsByName(value)[0];
    return el && isControl(el) ? el : null;
  } catch {
    return null;
  }
}

// A simple address check: the point is catching a name or a blank typed where an address belongs
// (Certify emails the web services user's password there), not RFC 5322.
const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:.]{2,}$/;

const TRUTHY = /^(yes|true|on|enabled|checked|ticked)$/i;
const FALSY = /^(no|false|off|disabled|unchecked|)$/i;

function quoted(value: string): string {
  return `“${value}”`;
}

function hasLabel(rule: FieldRule, label: string): boolean {
  return rule.labels.some((l) => normalizeLabel(l) === label);
}

function isSenderIdRule(rule: FieldRule): boolean {
  return hasLabel(rule, 'sender id');
}

function expectedWords(rule: FieldRule): string {
  const e = rule.expect;
  switch (e.kind) {
    case 'equals':
      return e.value;
    case 'oneOf':
      return e.values.length === 2 ? `${e.values[0]} or ${e.values[1]}` : e.values.join(', ');
    case 'nonEmpty':
      return 'a value';
    case 'email':
      return 'a valid email address';
    case 'checked':
      return e.value ? 'ticked' : 'not ticked';
  }
}

function guide(options: AuditFieldsOptions, midSentence = false): string {
  const the = midSentence ? 'the' : 'The';
  return options.guideName ? `${the} ${options.guideName} guide` : `${the} setup guide`;
}

/** Why a wrong value matters, where Intacct's help says so; otherwise what the guide asks for. */
function whyWrong(rule: FieldRule, found: string, options: AuditFieldsOptions): string {
  const expected = expectedWords(rule);
  // What Intacct's help says of this field on this page (the page kind's spec holds it).
  for (const note of pageSpec(rule.pageKind).wrongValue ?? []) {
    if (hasLabel(rule, note.label) && (note.expected === undefined || looseEquals(expected, note.expected))) return note.why(found, guide(options), quoted(expected));
  }
  if (isSenderIdRule(rule)) {
    return `Intacct compares sender IDs exactly and they cannot be changed once added, so ${quoted(found)} is a different sender from ${quoted(expected)}.`;
  }
  return `${guide(options)} asks for ${quoted(expected)}, not ${quoted(found)}.`;
}

/** The message for a value that matches only when case and spaces are ignored, naming what differs. */
function nearMissMessage(rule: FieldRule, found: string, expected: string, options: AuditFieldsOptions): string {
  const diff = describeDifference(found, expected);
  const shown = diff ? `${quoted(found)}, ${diff},` : quoted(found);
  const intacctUse = isSenderIdRule(rule) ? intacctSenderUser(found) : undefined;
  if (intacctUse) {
    // Certify's guide writes "Ajax" where Intacct's help names its AJAX gateway sender "ajax" (profile knownGaps).
    return `${guide(options)} writes ${quoted(expected)}, but ${quoted(found)} is the sender ID ${intacctUse} uses; sender IDs are case-sensitive, so they are two different IDs. Ask the vendor which one it sends before saving.`;
  }
  if (isSenderIdRule(rule)) {
    // Case-sensitive and immutable once added (docs/intacct.md#web-services-sender-information).
    return `Intacct compares sender IDs exactly and they cannot be changed once added, so ${shown} will not work: it must be ${quoted(expected)}.`;
  }
  return `This value is compared exactly, so ${shown} does not match ${quoted(expected)}.`;
}

function matchesValue(state: ControlState, control: Element, value: string, caseSensitive: boolean): boolean {
  if (caseSensitive ? state.value === value : looseEquals(state.value, value)) return true;
  // A select may carry the wanted value in the option's value rather than its text.
  if (state.kind === 'select' && control.tagName === 'SELECT') {
    const raw = selectedOption(control as HTMLSelectElement)?.getAttribute('value');
    if (raw !== null && raw !== undefined && raw !== '') return caseSensitive ? raw === value : looseEquals(raw, value);
  }
  return false;
}

function stateAsBoolean(state: ControlState): boolean | null {
  if (state.checked !== undefined) return state.checked;
  if (TRUTHY.test(state.value.trim())) return true;
  if (FALSY.test(state.value.trim())) return false;
  return null;
}

/** Compares one control with one rule. Exported for the filler, which fills only what is not ok. */
export function checkField(rule: FieldRule, control: Element, options: AuditFieldsOptions = {}): FieldCheck {
  const state = readControl(control);
  const expected = expectedWords(rule);
  const e = rule.expect;
  const empty = state.value.trim() === '';
  const missing = (message: string): FieldCheck => ({ status: 'missing', found: '', expected, message });
  const wrong = (message: string, found = state.value): FieldCheck => ({ status: 'wrong', found, expected, message });
  const ok = (found = state.value): FieldCheck => ({ status: 'ok', found, expected, message: '' });

  switch (e.kind) {
    case 'checked': {
      const on = stateAsBoolean(state);
      const found = on === null ? state.value : on ? 'ticked' : 'not ticked';
      if (on === e.value) return ok(found);
      if (e.value && on === false) return { ...missing(`${guide(options)} asks for ${rule.subject} to be ticked.`), found };
      return wrong(`${guide(options)} asks for ${rule.subject} to be ${e.value ? 'ticked' : 'left unticked'}.`, found);
    }
    case 'nonEmpty':
      if (empty && state.checked !== true) return missing(`${rule.subject} is empty; this setup needs it filled in.`);
      return ok();
    case 'email':
      if (empty) return missing(`${rule.subject} is empty; this setup needs a valid email address.`);
      if (!EMAIL.test(state.value.trim())) return wrong(`${quoted(state.value)} is not a valid email address.`);
      return ok();
    case 'equals':
    case 'oneOf': {
      const values = e.kind === 'equals' ? [e.value] : e.values;
      if (empty) {
        return missing(`${rule.subject} is empty; ${guide(options, true)} asks for ${quoted(expected)}.`);
      }
      if (values.some((v) => matchesValue(state, control, v, e.caseSensitive))) return ok();
      const near = e.caseSensitive ? values.find((v) => sameIgnoringCaseAndSpaces(state.value, v)) : undefined;
      if (near !== undefined) return wrong(nearMissMessage(rule, state.value, near, options));
      return wrong(whyWrong(rule, state.value, options));
    }
  }
}

/**
 * One finding per rule: checked where its field is on the page, `not-found` where it is not (never passed
 * over). Not expected, and so no finding: a field shown only on demand (the T&E sequence dialog) while it
 * is absent or closed, and a field of the other UI generation on a page that shows its replacement (Last
 * name on the current WS user form, which has Contact name). Never throws.
 */
export function auditFields(
  doc: Document,
  rules: readonly FieldRule[],
  stepIdOf?: (ruleId: string) => string | undefined,
  options: AuditFieldsOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<Element>();
  let index: FieldIndex | undefined;
  for (const rule of rules) {
    try {
      index ??= indexFields(doc);
      const control = locateField(doc, rule, index, options.taught?.(rule));
      const stepId = stepIdOf?.(rule.id);
      const shown = control !== null && isShown(control);
      // A field shown only on demand (the T&E sequence dialog) is not expected until the admin opens it.
      if (!shown && rule.onDemand) continue;
      if (!control) {
        if (rule.replacedBy?.length && findField(doc, rule.replacedBy, index)) continue;
        findings.push(
          notFoundFinding({
            id: `field:${rule.id}`,
            subject: rule.subject,
            expected: expectedWords(rule),
            lookedFor: `a field labelled “${rule.labels[0]}”`,
            stepId,
          }),
        );
        continue;
      }
      // On the page but not in view (a collapsed section, another tab): its state is in the DOM, so it is
      // checked all the same and the finding says where it is.
      const where = shown ? null : whereHidden(control);
      // Two rules resolving to one control would report the same box twice.
      if (seen.has(control)) continue;
      seen.add(control);
      const check = checkField(rule, control, options);
      const finding: Finding = {
        id: `field:${rule.id}`,
        subject: rule.subject,
        status: check.status,
        found: check.found,
        expected: check.expected,
        message: check.message,
        fix: check.status === 'ok' ? '' : rule.fix,
        group: '',
        target: control,
      };
      if (stepId) finding.stepId = stepId;
      if (where) finding.where = where;
      findings.push(finding);
    } catch (error) {
      console.warn('[intacct-setup-helper] skipped a field check', rule.id, error);
    }
  }
  return findings;
}
