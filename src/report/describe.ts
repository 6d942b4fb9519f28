// Display phrases for node and guest facts, shared by the text formatter and (later) the terminal UI.
import { editionName } from '../domain/editions.js';
import { releaseName } from '../domain/releases.js';
import type { GuestOs, NodeFacts } from '../model/facts.js';
import type { Acceptance, Finding, RunVerdict, VmVerdict } from '../model/report.js';
import { sanitize } from './sanitize.js';

export function releaseText(facts: Pick<NodeFacts, 'release' | 'build'>): string {
  if (facts.release) return facts.release === '2012R2' ? '2012 R2' : facts.release;
  return facts.build === null ? '?' : `build ${facts.build}`;
}

export function editionText(facts: NodeFacts): string {
  return facts.edition ? editionName(facts.edition) : '?';
}

export function activationText(facts: NodeFacts): string {
  if (facts.activated === null) return 'activation ?';
  if (!facts.activated) {
    if (facts.onlyAddOnLicenses) return 'not activated (only add-on licences)';
    return `not activated${facts.licenseState ? ` (${facts.licenseState})` : ''}`;
  }
  return facts.activationExpires ? `activated until ${facts.activationExpires.slice(0, 10)}` : 'activated';
}

export function hyperVText(facts: NodeFacts): string {
  if (facts.hyperV === null) return 'Hyper-V ?';
  return facts.hyperV ? 'Hyper-V' : 'no Hyper-V';
}

export function guestText(guest: GuestOs | null): string {
  if (!guest) return 'guest unknown';
  if (guest.release) {
    const edition = guest.edition ? ` ${editionName(guest.edition)}` : '';
    return `${releaseName(guest.release)}${edition}`;
  }
  if (guest.name) return sanitize(guest.name, 80);
  return guest.build === null ? 'guest unknown' : `build ${guest.build}`;
}

export const RUN_VERDICT_TEXT: Record<RunVerdict, string> = {
  safe: 'SAFE',
  'at-risk': 'AT RISK',
  incomplete: 'INCOMPLETE',
};

export const VM_VERDICT_TEXT: Record<VmVerdict, string> = {
  safe: 'safe',
  'at-risk': 'at risk',
  unknown: 'unknown',
  'not-applicable': 'not using AVMA',
};

type MessageOf = (rule: string, node: string, vm: string) => string;

// One index per findings list, however many sections and views ask (it is immutable once analysed).
const indexes = new WeakMap<readonly Finding[], MessageOf>();

/** Finds the message of a rule for a target: the target's own, else the node's, else the VM's. */
export function findingIndex(findings: readonly Finding[]): MessageOf {
  const known = indexes.get(findings);
  if (known) return known;
  // rule -> node ('' for none) -> VM ('' for none) -> the first message: no key strings to build.
  const byRule = new Map<string, Map<string, Map<string, string>>>();
  for (const finding of findings) {
    let byNode = byRule.get(finding.rule);
    if (!byNode) {
      byNode = new Map();
      byRule.set(finding.rule, byNode);
    }
    let byVm = byNode.get(finding.node ?? '');
    if (!byVm) {
      byVm = new Map();
      byNode.set(finding.node ?? '', byVm);
    }
    if (!byVm.has(finding.vm ?? '')) byVm.set(finding.vm ?? '', finding.message);
  }
  const messageOf: MessageOf = (rule, node, vm) => {
    const byNode = byRule.get(rule);
    return byNode?.get(node)?.get(vm) ?? byNode?.get(node)?.get('') ?? byNode?.get('')?.get(vm) ?? rule;
  };
  indexes.set(findings, messageOf);
  return messageOf;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Why a finding is accepted, in words: "suppressed by FILE:LINE until DATE: REASON" or "in the baseline FILE". */
export function acceptanceText(accepted: Acceptance): string {
  const until = accepted.expires ? ` until ${accepted.expires.slice(0, 10)}` : '';
  if (accepted.by === 'baseline') return `in the baseline ${sanitize(accepted.source ?? '', 200)}`;
  return `suppressed by ${sanitize(accepted.source ?? 'the ignore file', 200)}${until}: ${sanitize(accepted.reason)}`;
}
