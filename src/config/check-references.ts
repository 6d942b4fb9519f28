// Checks a schema-valid config cannot express: unique names, owners that are nodes of their cluster,
// release and build that agree, for nodes and guests alike.
import { isSemiAnnualEditionId } from '../domain/editions.js';
import { sameName } from '../domain/names.js';
import { type Release, releaseFromBuild, releaseName } from '../domain/releases.js';
import type { Config } from './schema.js';

export interface ReferenceProblem {
  path: PropertyKey[];
  message: string;
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

/** A declared release that the declared build contradicts (domain.md section 0: the build decides). */
function releaseContradiction(
  who: string,
  declared: { release?: Release; build?: number; edition?: { text: string } } | undefined,
): string | null {
  if (!declared?.release || declared.build === undefined) return null;
  const fromBuild = releaseFromBuild(declared.build, isSemiAnnualEditionId(declared.edition?.text ?? ''));
  if (!fromBuild || fromBuild === declared.release) return null;
  return `${who}: build ${declared.build} is ${releaseName(fromBuild)}, but release says ${releaseName(declared.release)}`;
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
      const problem = releaseContradiction(`node ${node.name}`, node.facts);
      if (problem) problems.push({ path: [...base, 'nodes', n, 'facts', 'build'], message: problem });
    });
    cluster.vms.forEach((vm, v) => {
      const at = [...base, 'vms', v];
      const problem = releaseContradiction(`VM ${vm.name}`, vm.guest);
      if (problem) problems.push({ path: [...at, 'guest', 'build'], message: problem });
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
