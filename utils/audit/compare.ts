// Shared wording for values that are "almost right". Sender IDs are compared exactly by Intacct and can't be
// edited once saved (docs/intacct.md#web-services-sender-information), so an admin must be told precisely
// what differs, not just "wrong".

/** Case and surrounding spaces ignored: how Intacct's pickers and the guides treat most values. */
export function looseEquals(a: string, b: string): boolean {
  return squash(a).toLowerCase() === squash(b).toLowerCase();
}

/** Every space and the case ignored: "the same ID, typed differently". */
export function sameIgnoringCaseAndSpaces(a: string, b: string): boolean {
  return stripSpaces(a).toLowerCase() === stripSpaces(b).toLowerCase();
}

export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function stripSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, '');
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * How `found` differs from `expected` when they are the same ignoring case and spaces, in an admin's words:
 * "written with a capital E", "has a space before it". Empty when they are identical or not that close.
 */
export function describeDifference(found: string, expected: string): string {
  if (found === expected || !sameIgnoringCaseAndSpaces(found, expected)) return '';
  const parts: string[] = [];
  const lead = /^[\s\u00a0]+/.exec(found)?.[0].length ?? 0;
  // Tried only where a run of spaces starts, so a long run is scanned once, not once per space.
  const trail = /(?<![\s\u00a0])[\s\u00a0]+$/.exec(found)?.[0].length ?? 0;
  if (lead > 0 && !/^[\s\u00a0]/.test(expected)) parts.push(lead === 1 ? 'has a space before it' : 'has spaces before it');
  if (trail > 0 && !/[\s\u00a0]$/.test(expected)) parts.push(trail === 1 ? 'has a space after it' : 'has spaces after it');
  const core = found.trim();
  if (/[\s\u00a0]/.test(core) && !/[\s\u00a0]/.test(expected.trim())) parts.push('has a space inside it');

  const a = stripSpaces(found);
  const b = stripSpaces(expected);
  const capitals: string[] = [];
  const lowers: string[] = [];
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.charAt(i);
    const y = b.charAt(i);
    if (x === y) continue;
    if (isUpper(x) && isLower(y)) capitals.push(x);
    else if (isLower(x) && isUpper(y)) lowers.push(x);
  }
  const letters = a.split('').filter((c) => isUpper(c) || isLower(c));
  if (capitals.length > 1 && letters.every(isUpper)) parts.push('written in capitals');
  else if (capitals.length === 1) parts.push(`written with a capital ${capitals[0]}`);
  else if (capitals.length > 1) parts.push(`written with capitals ${listWords(capitals)}`);
  if (lowers.length > 1 && letters.every(isLower)) parts.push('written all in lower case');
  else if (lowers.length === 1) parts.push(`written with a lower-case ${lowers[0]}`);
  else if (lowers.length > 1) parts.push(`written with lower-case ${listWords(lowers)}`);
  return listWords(parts);
}

/**
 * Sender IDs Intacct itself uses (docs/intacct.md#web-services-sender-information: the AJAX gateway needs `ajax`; the
 * Printed Document Toolbar needs `cdocs_v2`), keyed by ID, naming their user. A row with one of these is
 * never a mistyped vendor ID, so advice must not be to deactivate it.
 */
export const INTACCT_SENDERS: Readonly<Record<string, string>> = {
  ajax: 'Intacct’s AJAX gateway',
  cdocs_v2: 'Intacct’s Printed Document Toolbar',
};

export function intacctSenderUser(id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(INTACCT_SENDERS, id) ? INTACCT_SENDERS[id] : undefined;
}
