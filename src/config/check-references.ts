// Checks a schema-valid config cannot express: unique names, owners that are nodes of their cluster,
// release and build that agree.
import { releaseFromBuild, releaseName } from '../domain/releases.js';
import type { Config } from './schema.js';

export interface ReferenceProblem {
  path: PropertyKey[];
  message: string;
}

/** Windows computer names compare without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function duplicates<T extends { name: string }>(items: readonly T[], path: PropertyKey[], what: string) {
  const seen = new Map<string, number>();
  const problems: ReferenceProblem[] = [];
  items.forEach((item, index) => {
    const key = item.name.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      problems.push({
        path: [...path, index, 'name'],
        message: `duplicate ${what} "${item.name}" (also at index ${first})`,
      });
  });
  return problems;
}

export function checkReferences(config: Config): ReferenceProblem[] {
  const problems = duplicates(config.clusters, ['clusters'], 'cluster name');
  config.clusters.forEach((cluster, c) => {
    const base: PropertyKey[] = ['clusters', c];
    problems.push(...duplicates(cluster.nodes, [...base, 'nodes'], 'node name'));
    problems.push(...duplicates(cluster.vms, [...base, 'vms'], 'VM name'));
    const nodeNames = new Set(cluster.nodes.map((node) => node.name.toLowerCase()));
    const isNode = (name: string) => nodeNames.has(name.toLowerCase());
    const nodeList = cluster.nodes.map((node) => node.name).join(', ');
    cluster.nodes.forEach((node, n) => {
      const facts = node.facts;
      if (!facts?.release || facts.build === undefined) return;
      const fromBuild = releaseFromBuild(facts.build, /acor$/i.test(facts.edition?.text ?? ''));
      if (fromBuild && fromBuild !== facts.release) {
        problems.push({
          path: [...base, 'nodes', n, 'facts', 'build'],
          message: `build ${facts.build} is ${releaseName(fromBuild)}, but release says ${releaseName(facts.release)}`,
        });
      }
    });
    cluster.vms.forEach((vm, v) => {
      const at = [...base, 'vms', v];
      if (vm.owner && !isNode(vm.owner)) {
        problems.push({
          path: [...at, 'owner'],
          message: `"${vm.owner}" is not a node of cluster ${cluster.name} (${nodeList})`,
        });
      }
      (vm.possibleOwners ?? []).forEach((owner, o) => {
        if (!isNode(owner)) {
          problems.push({
            path: [...at, 'possibleOwners', o],
            message: `"${owner}" is not a node of cluster ${cluster.name} (${nodeList})`,
          });
        }
      });
      const owners = vm.possibleOwners ?? [];
      if (
        vm.owner &&
        owners.length > 0 &&
        isNode(vm.owner) &&
        !owners.some((owner) => sameName(owner, vm.owner ?? ''))
      ) {
        problems.push({
          path: [...at, 'owner'],
          message: `"${vm.owner}" runs the VM but is not among its possibleOwners`,
        });
      }
    });
  });
  return problems;
}
