// A plan judges each step from the step before (the analyzer remembers): every step, its counts, gate, whole
// judgement and newly at risk or recovered VMs must be what a fresh judgement of the changes so far gives.
import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { DEFAULT_GATE } from '../../src/analyze/gate.js';
import { judge } from '../../src/analyze/judge.js';
import { judgePlan, type PlanStep } from '../../src/analyze/plan.js';
import { applyChanges, type Change } from '../../src/analyze/what-if.js';
import { LTSC_RELEASES } from '../../src/domain/releases.js';
import { NOW } from '../helpers/cluster.js';

const options = { now: NOW, expiryWarningDays: 30, ignore: null, baseline: null, gate: DEFAULT_GATE };
describe('judgePlan', () => {
  it.each([1, 2, 3, 4, 5])('judges every step as a fresh judgement does (seed %i)', (seed) => {
    let s = seed;
    const rnd = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    const clusters = [syntheticCluster(16, 400)];
    const steps: PlanStep[] = [];
    for (let i = 0; i < 20; i++) {
      const node = clusters[0]?.nodes[Math.floor(rnd() * 16)]?.name ?? 'HV01';
      const kinds = ['drain', 'resume', 'upgrade', 'edition', 'evict'] as const;
      const kind = kinds[Math.floor(rnd() * kinds.length)];
      const change: Change =
        kind === 'upgrade'
          ? {
              kind,
              cluster: 'hv-max',
              node,
              release: LTSC_RELEASES[Math.floor(rnd() * LTSC_RELEASES.length)] as never,
            }
          : kind === 'edition'
            ? { kind, cluster: 'hv-max', node, edition: rnd() < 0.5 ? 'standard' : 'datacenter' }
            : { kind: kind as 'drain', cluster: 'hv-max', node };
      steps.push({ title: `${i}`, changes: [change] });
    }
    const plan = judgePlan(clusters, steps, options);
    let changes: Change[] = [];
    let before = judge(clusters, options);
    plan.steps.forEach((step, i) => {
      changes = [...changes, ...(steps[i]?.changes ?? [])];
      const fresh = judge(applyChanges(clusters, changes), options);
      expect(step.gate).toEqual(fresh.gate);
      expect(step.counts).toEqual(fresh.report.counts);
      expect(step.judgement).toEqual(fresh);
      const was = new Set(
        before.report.clusters.flatMap((c) =>
          c.vms.filter((v) => v.gate === 'at-risk').map((v) => `${c.name}/${v.name}`),
        ),
      );
      const is = new Set(
        fresh.report.clusters.flatMap((c) =>
          c.vms.filter((v) => v.gate === 'at-risk').map((v) => `${c.name}/${v.name}`),
        ),
      );
      expect(step.newlyAtRisk).toEqual([...is].filter((k) => !was.has(k)));
      expect(step.recovered).toEqual([...was].filter((k) => !is.has(k)));
      before = fresh;
    });
  });
});
