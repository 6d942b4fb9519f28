// A plan file: ordered steps of what-if changes, such as a rolling upgrade node by node.
//   steps:
//     - name: upgrade HV03 first         # optional
//       upgrade: { HV03: "2025" }
//     - drain: HV04                       # a node or a list of nodes
//     - resume: HV04                      # a drained node takes VMs again
//     - evict: [HV04]
//     - edition: { HV05: Datacenter }
//     - addNode: { name: HV06, release: "2025", edition: Datacenter, cluster: hv-prod }
import { z } from 'zod';
import { parseDeclaredEdition } from '../domain/editions.js';
import { isLtscRelease, parseRelease } from '../domain/releases.js';
import { ConfigError, keyPath } from './config-error.js';
import { describeIssue } from './describe-issue.js';
import { readInputFile } from './load-config.js';
import { readYaml } from './parse-input.js';
import { positionOf } from './positions.js';

const nodes = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: 'expected a node name or a list of node names',
});
const release = z.union([z.string(), z.number()]).transform((value, context) => {
  const parsed = parseRelease(value);
  if (!parsed || !isLtscRelease(parsed)) {
    context.addIssue({
      code: 'custom',
      message: `"${value}" is not a release avma-check can plan: use 2012R2, 2016, 2019, 2022 or 2025`,
    });
    return z.NEVER;
  }
  return parsed;
});
const edition = z.string().transform((value, context) => {
  const parsed = parseDeclaredEdition(value);
  if (!parsed) {
    context.addIssue({ code: 'custom', message: `unknown edition "${value}"` });
    return z.NEVER;
  }
  return parsed;
});

const stepSchema = z
  .strictObject({
    name: z.string().optional(),
    drain: nodes.optional(),
    resume: nodes.optional(),
    evict: nodes.optional(),
    upgrade: z.record(z.string(), release).optional(),
    edition: z.record(z.string(), edition).optional(),
    addNode: z
      .strictObject({
        name: z.string().min(1),
        release,
        edition: edition.default('datacenter'),
        cluster: z.string().optional(),
      })
      .optional(),
  })
  .refine(
    (step) => step.drain || step.resume || step.evict || step.upgrade || step.edition || step.addNode,
    'a step needs drain, resume, evict, upgrade, edition or addNode',
  );

export const planFileSchema = z.strictObject({ steps: z.array(stepSchema).min(1, 'list at least one step') });
export type PlanFile = z.output<typeof planFileSchema>;
export type PlanFileStep = PlanFile['steps'][number];

export function parsePlanFile(text: string, file: string): PlanFile {
  const { doc, lines, data } = readYaml(text, file);
  const result = planFileSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(
      file,
      result.error.issues.slice(0, 20).map((issue) => {
        const position = positionOf(doc, lines, issue.path);
        const keys =
          issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : describeIssue(issue);
        return {
          line: position?.line ?? null,
          column: position?.column ?? null,
          key: keyPath(issue.path),
          message: keys,
        };
      }),
    );
  }
  return result.data;
}

export async function loadPlanFile(file: string): Promise<PlanFile> {
  return parsePlanFile(await readInputFile(file), file);
}
