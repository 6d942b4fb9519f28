import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { analyze } from '../../src/analyze/analyze.js';
import { DEFAULT_GATE } from '../../src/analyze/gate.js';
import { judge } from '../../src/analyze/judge.js';
import { judgePlan } from '../../src/analyze/plan.js';
import { rollingUpgradeTargets, suggestOrder } from '../../src/analyze/suggest-order.js';
import { applyChanges, type Change } from '../../src/analyze/what-if.js';
import type { ClusterRecord } from '../../src/model/facts.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const options = { now: NOW };
const judging = { now: NOW, expiryWarningDays: 30, ignore: null, baseline: null, gate: DEFAULT_GATE };
// Halfway through a 2019 -> 2022 rolling upgrade: N1 is done.
const cluster = aCluster('c')
  .node('N1')
  .node('N2', { release: '2019', build: 17763 })
  .node('N3', { release: '2019', build: 17763 })
  .vm('new-on-n1-n3', { possibleOwners: ['N1', 'N3'] })
  .vm('new-on-n1-n2', { possibleOwners: ['N1', 'N2'] })
  .vm('old', { guest: { release: '2019' } })
  .build();

describe('judgePlan', () => {
  it('reports for each step which VMs become at risk, which recover, and which have no node left', () => {
    const plan = judgePlan(
      [cluster],
      [
        { title: 'upgrade N3', changes: [{ kind: 'upgrade', cluster: 'c', node: 'N3', release: '2022' }] },
        { title: 'drain N1', changes: [{ kind: 'drain', cluster: 'c', node: 'N1' }] },
        { title: 'evict N2', changes: [{ kind: 'evict', cluster: 'c', node: 'N2' }] },
      ],
      judging,
    );
    expect(plan.initial.report.counts).toMatchObject({ atRisk: 2, safe: 1 });
    expect(plan.steps.map((s) => [s.title, s.newlyAtRisk, s.recovered, s.nowhere])).toEqual([
      ['upgrade N3', [], ['c/new-on-n1-n3'], []],
      ['drain N1', [], [], ['c/new-on-n1-n2']],
      ['evict N2', [], [], ['c/new-on-n1-n2']],
    ]);
  });

  it("the plan's verdict is the worst step from the first on, not the state before it", () => {
    const steps = (changes: Parameters<typeof judgePlan>[1]) => judgePlan([cluster], changes, judging);
    const fixed = steps([
      { title: 'upgrade N2', changes: [{ kind: 'upgrade', cluster: 'c', node: 'N2', release: '2022' }] },
      { title: 'upgrade N3', changes: [{ kind: 'upgrade', cluster: 'c', node: 'N3', release: '2022' }] },
    ]);
    expect(fixed.initial.gate.verdict).toBe('fail');
    expect(fixed.steps.map((s) => s.judgement.gate.verdict)).toEqual(['fail', 'pass']);
    expect([fixed.verdict, fixed.worstStep]).toEqual(['fail', 1]);
    const oneGo = steps([
      {
        title: 'upgrade both',
        changes: [
          { kind: 'upgrade', cluster: 'c', node: 'N2', release: '2022' },
          { kind: 'upgrade', cluster: 'c', node: 'N3', release: '2022' },
        ],
      },
    ]);
    expect([oneGo.verdict, oneGo.worstStep]).toEqual(['pass', 1]);
  });

  it('a planned node joins the cluster healthy, and VMs without possible owners can land on it', () => {
    const plan = judgePlan(
      [cluster],
      [
        {
          title: 'add',
          changes: [{ kind: 'add-node', cluster: 'c', node: 'N4', release: '2025', edition: 'datacenter' }],
        },
      ],
      judging,
    );
    const old = plan.steps[0]?.judgement.report.clusters[0]?.vms.find((vm) => vm.name === 'old');
    expect(old?.targets.map((t) => [t.node, t.verdict])).toContainEqual(['N4', 'ok']);
  });
});

describe('judgePlan on a large cluster', () => {
  it('judges each step as a full judgement of every change so far would', () => {
    const big = syntheticCluster(64, 400);
    const steps = [
      { title: 'drain HV59', changes: [{ kind: 'drain', cluster: 'hv-max', node: 'HV59' } as const] },
      {
        title: 'upgrade HV59, resume it',
        changes: [
          { kind: 'upgrade', cluster: 'hv-max', node: 'HV59', release: '2025' } as const,
          { kind: 'resume', cluster: 'hv-max', node: 'HV59' } as const,
        ],
      },
      { title: 'evict HV58', changes: [{ kind: 'evict', cluster: 'hv-max', node: 'HV58' } as const] },
      {
        title: 'edition HV57',
        changes: [{ kind: 'edition', cluster: 'hv-max', node: 'HV57', edition: 'standard' } as const],
      },
    ];
    const plan = judgePlan([big], steps, judging);
    expect(plan.initial).toEqual(judge([big], judging));
    let changes: Change[] = [];
    for (const [i, step] of steps.entries()) {
      changes = [...changes, ...step.changes];
      expect(plan.steps[i]?.judgement).toEqual(judge(applyChanges([big], changes), judging));
    }
  });
});

describe('suggestOrder', () => {
  it("upgrades every node below its cluster's newest release", () => {
    expect(rollingUpgradeTargets([cluster]).map((u) => `${u.node}->${u.release}`)).toEqual([
      'N2->2022',
      'N3->2022',
    ]);
  });

  it('orders the upgrades so that VMs recover as early as possible, and keeps every safe VM safe', () => {
    const wide = aCluster('w')
      .node('A')
      .node('B', { release: '2019', build: 17763 })
      .node('C', { release: '2019', build: 17763 })
      .vm('needs-c', { possibleOwners: ['A', 'C'] })
      .vm('needs-c-too', { possibleOwners: ['A', 'C'] })
      .vm('needs-b', { possibleOwners: ['A', 'B'] })
      .build();
    const suggestion = suggestOrder([wide], rollingUpgradeTargets([wide]), options);
    expect(suggestion.order.map((u) => u.node)).toEqual(['C', 'B']);
    expect(suggestion).toMatchObject({ keepsEverySafe: true, lost: null });
  });

  it('says when no order exists and why: a VM pinned to one node has nowhere to go while it is drained', () => {
    const pinned = aCluster('p')
      .node('A')
      .node('B', { release: '2019', build: 17763 })
      .vm('only-b', { possibleOwners: ['B'], guest: { release: '2019' } })
      .build();
    const suggestion = suggestOrder([pinned], rollingUpgradeTargets([pinned]), options);
    expect(suggestion).toMatchObject({
      keepsEverySafe: false,
      worstSafe: 0,
      initialSafe: 1,
      lost: { step: 1, node: 'B', whileDrained: true, vms: ['p/only-b'] },
    });
  });

  it('searches exactly up to 16 nodes, and says when the order comes from a heuristic beyond', () => {
    const build = (n: number) => {
      const big = aCluster('big');
      for (let i = 0; i < n; i++) big.node(`N${i}`, i === 0 ? {} : { release: '2019', build: 17763 });
      big.vm('v', { possibleOwners: ['N0', 'N5'] });
      return big.build();
    };
    for (const [n, exact] of [
      [9, true],
      [17, true],
      [20, false],
    ] as const) {
      const suggestion = suggestOrder([build(n)], rollingUpgradeTargets([build(n)]), options);
      expect(suggestion.order).toHaveLength(n - 1);
      expect(suggestion.exact).toBe(exact);
      // v is at risk until N5 is upgraded: both searches upgrade it first.
      expect(suggestion.order[0]?.node).toBe('N5');
      expect(suggestion.keepsEverySafe).toBe(true);
    }
  });
});

/** Every order of the upgrades, judged by full analyses as a plan would be: the reference for the search. */
function bruteForce(clusters: ClusterRecord[], upgrades: ReturnType<typeof rollingUpgradeTargets>) {
  const safe = (changes: Change[]) => analyze(applyChanges(clusters, changes), options).counts.safe;
  const initial = safe([]);
  const orders: (typeof upgrades)[] = [];
  const permute = (done: typeof upgrades, left: typeof upgrades) => {
    if (left.length === 0) orders.push(done);
    for (const [i, u] of left.entries()) permute([...done, u], [...left.slice(0, i), ...left.slice(i + 1)]);
  };
  permute([], upgrades);
  return orders.map((order) => {
    const counts: number[] = [];
    const changes: Change[] = [];
    for (const u of order) {
      counts.push(safe([...changes, { kind: 'drain', cluster: u.cluster, node: u.node }]));
      changes.push({ kind: 'upgrade', ...u });
      counts.push(safe(changes));
    }
    return {
      nodes: order.map((u) => u.node),
      worst: Math.min(initial, ...counts),
      sum: counts.reduce((a, b) => a + b, 0),
    };
  });
}

describe('suggestOrder against every order', () => {
  const GUESTS = ['2016', '2019', '2022', '2025'] as const;
  const RELEASES = ['2016', '2019', '2022'] as const;
  const BUILDS = { '2016': 14393, '2019': 17763, '2022': 20348 } as const;

  it.each([1, 2, 3, 4, 5, 6])('finds the best order on a random cluster (seed %i)', (seed) => {
    let state = seed * 7919;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const builder = aCluster('r');
    const names = Array.from({ length: 5 }, (_, i) => `H${i}`);
    for (const name of names) {
      const release = RELEASES[next(3)] as (typeof RELEASES)[number];
      builder.node(name, { release, build: BUILDS[release], ...(next(6) === 0 && { activated: false }) });
    }
    for (let v = 0; v < 14; v++) {
      const owners = names.filter(() => next(3) === 0);
      builder.vm(`vm${v}`, {
        possibleOwners: next(4) === 0 ? [] : owners.length > 0 ? owners : [names[next(5)] as string],
        guest: { release: GUESTS[next(4)] as (typeof GUESTS)[number] },
      });
    }
    const cluster = builder.build();
    const upgrades = cluster.nodes.map((n) => ({ cluster: 'r', node: n.name, release: '2025' as const }));
    const all = bruteForce([cluster], upgrades);
    const best = all.reduce((a, b) => (b.worst > a.worst || (b.worst === a.worst && b.sum > a.sum) ? b : a));
    const suggestion = suggestOrder([cluster], upgrades, options);
    expect(suggestion.exact).toBe(true);
    // The first best order, in the order the upgrades were given, with the worst moment it reports.
    expect(suggestion.order.map((u) => u.node)).toEqual(best.nodes);
    expect(suggestion.worstSafe).toBe(best.worst);
  });
});
