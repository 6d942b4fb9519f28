// Roll-ups: rule severities -> target verdict -> VM verdict -> cluster and run verdicts.
import type {
  RunVerdict,
  TargetResult,
  TargetVerdict,
  VerdictCounts,
  VmResult,
  VmVerdict,
} from '../model/report.js';
import type { Severity } from '../rules/types.js';

export function targetVerdict(severities: Iterable<Severity>): TargetVerdict {
  let verdict: TargetVerdict = 'ok';
  for (const severity of severities) {
    if (severity === 'error') return 'fail';
    if (severity === 'unknown') verdict = 'unknown';
  }
  return verdict;
}

/** Safe only when ok on every node it could land on; at risk when any fails, or when there is none left. */
export function vmVerdict(targets: readonly Pick<TargetResult, 'verdict'>[]): VmVerdict {
  if (targets.length === 0) return 'at-risk';
  let verdict: VmVerdict = 'safe';
  for (const target of targets) {
    if (target.verdict === 'fail') return 'at-risk';
    if (target.verdict === 'unknown') verdict = 'unknown';
  }
  return verdict;
}

export function countVerdicts(
  vms: Iterable<Pick<VmResult, 'verdict'>>,
  counts = emptyCounts(),
): VerdictCounts {
  for (const vm of vms) {
    if (vm.verdict === 'safe') counts.safe++;
    else if (vm.verdict === 'at-risk') counts.atRisk++;
    else if (vm.verdict === 'unknown') counts.unknown++;
    else counts.notApplicable++;
  }
  return counts;
}

export function emptyCounts(): VerdictCounts {
  return { safe: 0, atRisk: 0, unknown: 0, notApplicable: 0 };
}

/** At risk when any VM is; incomplete when a VM is unknown or a node could not be read; safe otherwise. */
export function clusterVerdict(counts: VerdictCounts, anyNodeUnread: boolean): RunVerdict {
  if (counts.atRisk > 0) return 'at-risk';
  if (counts.unknown > 0 || anyNodeUnread) return 'incomplete';
  return 'safe';
}

const RUN_ORDER: Record<RunVerdict, number> = { safe: 0, incomplete: 1, 'at-risk': 2 };

export function worstVerdict(verdicts: Iterable<RunVerdict>): RunVerdict {
  let worst: RunVerdict = 'safe';
  for (const verdict of verdicts) if (RUN_ORDER[verdict] > RUN_ORDER[worst]) worst = verdict;
  return worst;
}
