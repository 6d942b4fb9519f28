// A VM judged on its own: the rules that judge the VM and its list of targets, whatever node it lands on
// (judge-vm.ts judges the targets). Pure.
import type { NodeRecord, VmRecord } from '../model/facts.js';
import type { Finding } from '../model/report.js';
import type { Rule } from '../rules/types.js';
import { ON_NOTHING, type OnItsOwn, type VmState } from './analysis-state.js';
import type { VmScope } from './judge-vm.js';
import { judged, record } from './judged.js';

/**
 * The VM's own hits (rules that judge the VM and its list of targets). The same hits with the same messages as
 * last time keep last time's findings: a drain asks again of thousands of VMs whose own findings do not change.
 */
export function judgeOnItsOwn(
  scope: Pick<VmScope, 'vmRules' | 'context' | 'finding'>,
  vm: VmRecord,
  targets: readonly NodeRecord[],
  last: VmState | undefined,
): OnItsOwn {
  let hits: { rule: Rule; message: string }[] | null = null;
  const onItsTargets = { vm, targets };
  const rules = scope.vmRules;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as Rule;
    const hit = rule.checkVm?.(onItsTargets, scope.context);
    if (!hit) continue;
    hits ??= [];
    hits.push({ rule, message: hit.message });
  }
  if (!hits) return ON_NOTHING;
  const had = last?.own.findings;
  if (
    last &&
    had?.length === hits.length &&
    hits.every((hit, i) => had[i]?.rule === hit.rule.id && had[i]?.message === hit.message)
  )
    return last.own;
  const onVm = judged();
  const findings: Finding[] = [];
  for (const { rule, message } of hits)
    record(onVm, rule, scope.finding(findings, rule, null, vm.name, message));
  return { onVm, findings };
}
