// Facts declared in clusters.yaml win over scanned ones, field by field; declared VMs win over scanned VMs.
import { resolveActivation } from '../config/activation.js';
import type { ActivationSettings, NodeConfig } from '../config/schema.js';
import { uniqueNames } from '../domain/names.js';
import type { ClusterRecord, NodeFacts } from '../model/facts.js';

export function overrideFacts(
  scanned: NodeFacts,
  declared: NodeFacts | null,
  given: NodeConfig['facts'],
): NodeFacts {
  if (!declared || !given) return scanned;
  const result: NodeFacts = { ...scanned };
  if (given.release !== undefined || given.build !== undefined) {
    result.release = declared.release;
    result.build = declared.build ?? scanned.build;
  }
  if (given.edition !== undefined) {
    result.edition = declared.edition;
    result.editionId = declared.editionId;
  }
  if (result.edition === 'azure-local') result.release = null;
  if (given.activated !== undefined) result.activated = declared.activated;
  if (given.activationExpires !== undefined) result.activationExpires = declared.activationExpires;
  if (given.hyperV !== undefined) result.hyperV = declared.hyperV;
  if (given.avmaRequests30d !== undefined) result.avmaRequests30d = declared.avmaRequests30d;
  if (given.state !== undefined) result.state = declared.state;
  if (given.drainStatus !== undefined) result.drainStatus = declared.drainStatus;
  if (given.azureLocalAvma !== undefined) result.azureLocalAvma = declared.azureLocalAvma;
  return result;
}

/** Scanned VMs take their activation from the config's settings (a default, exceptions by name pattern). */
export function applyActivationSettings(
  scanned: ClusterRecord,
  settings: ActivationSettings | undefined,
): ClusterRecord {
  return { ...scanned, vms: scanned.vms.map((vm) => ({ ...vm, ...resolveActivation(vm.name, settings) })) };
}

export function applyDeclaredVms(scanned: ClusterRecord, declared: ClusterRecord | undefined): ClusterRecord {
  if (!declared || declared.vms.length === 0) return scanned;
  const byName = new Map(declared.vms.map((vm) => [vm.name.toLowerCase(), vm]));
  const vms = scanned.vms.map((vm) => {
    const mine = byName.get(vm.name.toLowerCase());
    if (!mine) return vm;
    byName.delete(vm.name.toLowerCase());
    return {
      ...vm,
      activation: mine.activation,
      activationBasis: mine.activationBasis,
      kvp: mine.kvp === false ? false : vm.kvp,
      guest: mine.guest ?? vm.guest,
      possibleOwners: uniqueNames(mine.possibleOwners.length > 0 ? mine.possibleOwners : vm.possibleOwners),
    };
  });
  return { ...scanned, vms: [...vms, ...byName.values()] };
}
