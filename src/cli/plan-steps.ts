// Plan steps from flags or a plan file, with node names resolved against the clusters (case-insensitive).
import type { PlanStep } from '../analyze/plan.js';
import { type Change, describeChange } from '../analyze/what-if.js';
import type { PlanFileStep } from '../config/plan-file.js';
import { UserError } from '../config/user-error.js';
import { type EditionFamily, parseDeclaredEdition } from '../domain/editions.js';
import { isLtscRelease, type LtscRelease, parseRelease } from '../domain/releases.js';
import type { ClusterRecord } from '../model/facts.js';

export interface PlanFlags {
  drain: string[];
  evict: string[];
  upgrade: string[];
  edition: string[];
  addNode: string[];
}

type Where = { cluster: string; node: string };

export function resolveNode(clusters: readonly ClusterRecord[], name: string): Where {
  const [clusterName, nodeName] = name.includes('/')
    ? (name.split('/', 2) as [string, string])
    : [null, name];
  const found = clusters.flatMap((cluster) =>
    clusterName && cluster.name.toLowerCase() !== clusterName.toLowerCase()
      ? []
      : cluster.nodes
          .filter((node) => node.name.toLowerCase() === nodeName.toLowerCase())
          .map((node) => ({ cluster: cluster.name, node: node.name })),
  );
  if (found.length === 1 && found[0]) return found[0];
  const known = clusters.flatMap((c) => c.nodes.map((n) => `${c.name}/${n.name}`)).join(', ');
  if (found.length === 0) throw new UserError(`no node "${name}"`, `known nodes: ${known}`);
  throw new UserError(`"${name}" is a node of several clusters`, 'name it as CLUSTER/NODE');
}

function release(text: string, what: string): LtscRelease {
  const parsed = parseRelease(text);
  if (!parsed || !isLtscRelease(parsed))
    throw new UserError(
      `${what}: "${text}" is not a release avma-check can plan`,
      'use 2012R2, 2016, 2019, 2022 or 2025',
    );
  return parsed;
}

function edition(text: string, what: string): EditionFamily {
  const parsed = parseDeclaredEdition(text);
  if (!parsed)
    throw new UserError(
      `${what}: unknown edition "${text}"`,
      'use Datacenter, Standard, DatacenterEval, ... or an EditionID',
    );
  return parsed;
}

function pair(text: string, flag: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) throw new UserError(`${flag} ${text}: expected NODE=VALUE`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function addNode(
  clusters: readonly ClusterRecord[],
  spec: { name: string; release: LtscRelease; edition: EditionFamily; cluster?: string | undefined },
): Change {
  const cluster = spec.cluster ?? (clusters.length === 1 ? clusters[0]?.name : undefined);
  if (!cluster || !clusters.some((c) => c.name.toLowerCase() === cluster.toLowerCase())) {
    throw new UserError(
      `cannot tell which cluster ${spec.name} joins`,
      `name it as CLUSTER/${spec.name}; clusters: ${clusters.map((c) => c.name).join(', ')}`,
    );
  }
  return { kind: 'add-node', cluster, node: spec.name, release: spec.release, edition: spec.edition };
}

function step(changes: Change[], title?: string): PlanStep {
  return { title: title ?? changes.map(describeChange).join(', '), changes };
}

/** One step per flag, in the order drain, evict, upgrade, edition, add-node (a plan file keeps any order). */
export function stepsFromFlags(clusters: readonly ClusterRecord[], flags: PlanFlags): PlanStep[] {
  return [
    ...flags.drain.map((name) => step([{ kind: 'drain', ...resolveNode(clusters, name) }])),
    ...flags.evict.map((name) => step([{ kind: 'evict', ...resolveNode(clusters, name) }])),
    ...flags.upgrade.map((text) => {
      const [name, to] = pair(text, '--upgrade');
      return step([
        { kind: 'upgrade', ...resolveNode(clusters, name), release: release(to, `--upgrade ${text}`) },
      ]);
    }),
    ...flags.edition.map((text) => {
      const [name, to] = pair(text, '--edition');
      return step([
        { kind: 'edition', ...resolveNode(clusters, name), edition: edition(to, `--edition ${text}`) },
      ]);
    }),
    ...flags.addNode.map((text) => {
      const [name, spec] = pair(text, '--add-node');
      const [rel = '', ed = 'Datacenter'] = spec.split(':');
      const [cluster, node] = name.includes('/')
        ? (name.split('/', 2) as [string, string])
        : [undefined, name];
      return step([
        addNode(clusters, {
          name: node,
          cluster,
          release: release(rel, `--add-node ${text}`),
          edition: edition(ed, `--add-node ${text}`),
        }),
      ]);
    }),
  ];
}

export function stepsFromFile(
  clusters: readonly ClusterRecord[],
  steps: readonly PlanFileStep[],
): PlanStep[] {
  return steps.map((s) => {
    const names = (value: string | string[] | undefined) =>
      value === undefined ? [] : Array.isArray(value) ? value : [value];
    const changes: Change[] = [
      ...names(s.drain).map((name): Change => ({ kind: 'drain', ...resolveNode(clusters, name) })),
      ...names(s.evict).map((name): Change => ({ kind: 'evict', ...resolveNode(clusters, name) })),
      ...Object.entries(s.upgrade ?? {}).map(
        ([name, to]): Change => ({ kind: 'upgrade', ...resolveNode(clusters, name), release: to }),
      ),
      ...Object.entries(s.edition ?? {}).map(
        ([name, to]): Change => ({ kind: 'edition', ...resolveNode(clusters, name), edition: to }),
      ),
      ...(s.addNode ? [addNode(clusters, s.addNode)] : []),
      ...names(s.resume).map((name): Change => ({ kind: 'resume', ...resolveNode(clusters, name) })),
    ];
    return step(changes, s.name);
  });
}
