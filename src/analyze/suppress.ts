// Entries of an ignore file (.avma-ignore.yaml): a rule id, optional matchers, a required reason and an optional
// expiry after which the entry stops working and says so. Pure.

export interface Suppression {
  rule: string;
  cluster?: string | undefined;
  node?: string | undefined;
  vm?: string | undefined;
  reason: string;
  /** ISO date-time after which the suppression no longer applies. */
  expires?: string | undefined;
  /** Where it came from, for messages: file:line. */
  source?: string | undefined;
}

interface Subject {
  rule: string;
  cluster: string;
  node: string | null;
  vm: string | null;
}

const same = (pattern: string | undefined, value: string | null) =>
  pattern === undefined ||
  pattern === '*' ||
  (value !== null && pattern.toLowerCase() === value.toLowerCase());

export function isActive(suppression: Suppression, now: Date): boolean {
  return !suppression.expires || Date.parse(suppression.expires) > now.getTime();
}

/** Whether an entry covers a finding. An entry naming a VM never covers a node-wide finding as a whole. */
export function suppressionMatches(s: Suppression, subject: Subject): boolean {
  if (s.rule !== subject.rule) return false;
  if (s.vm !== undefined && subject.vm === null) return false;
  return same(s.cluster, subject.cluster) && same(s.node, subject.node) && same(s.vm, subject.vm);
}

/** The first active entry that covers the finding, or null. */
export function findSuppression(
  list: readonly Suppression[],
  subject: Subject,
  now: Date,
): Suppression | null {
  return list.find((s) => isActive(s, now) && suppressionMatches(s, subject)) ?? null;
}

export function expiredSuppressions(list: readonly Suppression[], now: Date): Suppression[] {
  return list.filter((s) => !isActive(s, now));
}

/** An entry with no cluster, node or VM: it covers the rule everywhere. */
export function coversWholeRule(s: Suppression): boolean {
  return s.cluster === undefined && s.node === undefined && s.vm === undefined;
}
