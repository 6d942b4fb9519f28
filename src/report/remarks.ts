// What a reader must know to weigh a verdict, in the same words in every format: a VM whose use of AVMA is only
// assumed, one whose activation channel is unknown, guest facts from when the VM last ran; a node's drain and
// the AVMA requests it logged.
import type { NodeFacts } from '../model/facts.js';
import type { VmResult } from '../model/report.js';
import { sanitize } from './sanitize.js';

export const ASSUMED_AVMA = 'AVMA assumed';

export function vmRemarks(
  vm: Pick<VmResult, 'activation' | 'activationBasis' | 'guest' | 'state' | 'verdict'>,
): string[] {
  const remarks: string[] = [];
  if (vm.verdict !== 'not-applicable') {
    if (vm.activation === 'unknown') remarks.push('activation channel unknown: failures count as unknown');
    else if (vm.activationBasis === 'assumed') remarks.push(ASSUMED_AVMA);
  }
  if (vm.guest?.stale)
    remarks.push(
      `guest facts from when it last ran (VM ${vm.state ? sanitize(vm.state, 40) : 'not running'})`,
    );
  return remarks;
}

const DRAIN_TEXT = {
  NotInitiated: '',
  InProgress: 'draining',
  Completed: 'drained',
  Failed: 'drain failed',
} as const;

/** The node's state as the cluster sees it: "Up", "Up, draining", "Paused, drained"; what-if drains too. */
export function nodeStateText(
  facts: Pick<NodeFacts, 'state' | 'drainStatus'>,
  whatIfDrained = false,
): string {
  const drain = facts.drainStatus ? DRAIN_TEXT[facts.drainStatus] : '';
  return [facts.state ?? '', drain, whatIfDrained ? 'drained (what-if)' : ''].filter(Boolean).join(', ');
}

/** "12 AVMA requests in 30 days", or null when the count is unknown. */
export function avmaRequestsText(facts: Pick<NodeFacts, 'avmaRequests30d'>): string | null {
  const n = facts.avmaRequests30d;
  return n === null ? null : `${n} AVMA request${n === 1 ? '' : 's'} in 30 days`;
}
