// .avma-ignore.yaml: findings to suppress, each with a required reason and an optional expiry.
//   ignore:
//     - rule: host-evaluation-edition
//       node: LAB03                  # optional matchers: cluster, node, vm (exact, case-insensitive, or *)
//       reason: evaluation host until the licence arrives (ticket 4711)
//       expires: 2027-01-31          # optional: after it, the suppression stops working and says so
import { z } from 'zod';
import type { Suppression } from '../analyze/suppress.js';
import { ruleById, rules } from '../rules/index.js';
import { ConfigError, keyPath } from './config-error.js';
import { parseDate } from './dates.js';
import { describeIssue } from './describe-issue.js';
import { readInputFile } from './load-config.js';
import { readYaml } from './parse-input.js';
import { positionOf, positionOfKey } from './positions.js';

const entry = z.strictObject({
  rule: z
    .string({ error: 'expected the id of the rule to suppress' })
    .refine((id) => ruleById(id) !== undefined, {
      message: `not a rule id (avma-check rules lists them: ${rules.map((r) => r.id).join(', ')})`,
    }),
  cluster: z.string().min(1).optional(),
  node: z.string().min(1).optional(),
  vm: z.string().min(1).optional(),
  reason: z
    .string({ error: 'expected a reason: say why this finding is accepted' })
    .trim()
    .min(3, 'expected a reason: say why this finding is accepted'),
  expires: z
    .string({ error: 'expected a date such as 2027-01-31' })
    .refine((v) => parseDate(v) !== null, 'expected a date such as 2027-01-31')
    .optional(),
});

const fileSchema = z.strictObject({ ignore: z.array(entry, { error: 'expected a list under ignore' }) });

export function parseIgnoreFile(text: string, file: string): Suppression[] {
  const { doc, lines, data } = readYaml(text, file);
  const result = fileSchema.safeParse(data ?? { ignore: [] }, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(
      file,
      result.error.issues.slice(0, 20).map((issue) => {
        const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        const position = unknown
          ? positionOfKey(doc, lines, issue.path, unknown)
          : positionOf(doc, lines, issue.path);
        return {
          line: position?.line ?? null,
          column: position?.column ?? null,
          key: keyPath(unknown ? [...issue.path, unknown] : issue.path),
          message: unknown ? 'unknown key (rule, cluster, node, vm, reason, expires)' : describeIssue(issue),
        };
      }),
    );
  }
  return result.data.ignore.map((e, i) => {
    const position = positionOf(doc, lines, ['ignore', i]);
    return {
      rule: e.rule,
      cluster: e.cluster,
      node: e.node,
      vm: e.vm,
      reason: e.reason,
      expires: e.expires ? parseDate(e.expires)?.toISOString() : undefined,
      source: `${file}:${position?.line ?? '?'}`,
    };
  });
}

export async function loadIgnoreFile(file: string): Promise<Suppression[]> {
  return parseIgnoreFile(await readInputFile(file), file);
}
