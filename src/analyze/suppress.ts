// Suppressions from an ignore file (and a baseline): a matching finding stays in the report, marked suppressed
// with its reason, but no longer decides a verdict. An expired suppression stops working. Pure.

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

export interface Subject {
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

/** The first active suppression that matches, or null. A suppression naming a VM never matches a node-wide finding. */
export function findSuppression(
  list: readonly Suppression[],
  subject: Subject,
  now: Date,
): Suppression | null {
  for (const s of list) {
    if (s.rule !== subject.rule || !isActive(s, now)) continue;
    if (s.vm !== undefined && subject.vm === null) continue;
    if (same(s.cluster, subject.cluster) && same(s.node, subject.node) && same(s.vm, subject.vm)) return s;
  }
  return null;
}

export function expiredSuppressions(list: readonly Suppression[], now: Date): Suppression[] {
  return list.filter((s) => !isActive(s, now));
}
