// The terminal UI's what-if judge remembers and judges again only what a change can affect: whatever the
// sequence of changes, its judgement must be the one a full judgement of the changed clusters gives.
import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { DEFAULT_GATE } from '../../src/analyze/gate.js';
import { type JudgeOptions, judge } from '../../src/analyze/judge.js';
import { applyChanges, type Change } from '../../src/analyze/what-if.js';
import { whatIfJudge } from '../../src/analyze/what-if-judge.js';
import { LTSC_RELEASES } from '../../src/domain/releases.js';
import type { ClusterRecord } from '../../src/model/facts.js';
import { aCluster, NOW } from '../helpers/cluster.js';

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

const small = aCluster('lab')
  .node('A')
  .node('B', { release: '2019', build: 17763 })
  .node('C', { edition: 'standard', editionId: 'ServerStandard' })
  .rawNode({ name: 'D', error: { kind: 'timeout', message: 'no answer', hint: null } })
  .vm('pinned', { possibleOwners: ['A', 'B'] })
  .vm('ghost-owner', { possibleOwners: ['A', 'Z'] })
  .vm('old', { guest: { release: '2019' } })
  .vm('kvp-off', { kvp: false })
  .build();

const CLUSTERS: ClusterRecord[] = [syntheticCluster(64, 300), small];

const OPTIONS: JudgeOptions = {
  now: NOW,
  expiryWarningDays: 30,
  gate: DEFAULT_GATE,
  ignore: {
    file: '.avma-ignore.yaml',
    entries: [
      { rule: 'host-not-datacenter', node: 'HV58', reason: 'replacement ordered' },
      { rule: 'node-unreachable', vm: 'vm-00011', reason: 'one VM only' },
      { rule: 'guest-newer-than-host', cluster: 'lab', reason: 'lab' },
    ],
  },
  baseline: {
    file: 'last.json',
    findings: [
      {
        cluster: 'hv-max',
        rule: 'host-not-activated',
        node: 'HV57',
        vm: null,
        message: 'HV57 is not activated',
      },
    ],
  },
};

function randomChange(r: ReturnType<typeof random>): Change {
  const cluster = r.pick(CLUSTERS);
  const node = r.next() < 0.1 ? `NEW${Math.floor(r.next() * 3)}` : r.pick(cluster.nodes).name;
  const release = r.pick(LTSC_RELEASES);
  switch (
    r.pick(['drain', 'drain', 'resume', 'evict', 'upgrade', 'upgrade', 'edition', 'add-node'] as const)
  ) {
    case 'drain':
      return { kind: 'drain', cluster: cluster.name, node };
    case 'resume':
      return { kind: 'resume', cluster: cluster.name, node };
    case 'evict':
      return { kind: 'evict', cluster: cluster.name, node };
    case 'upgrade':
      return { kind: 'upgrade', cluster: cluster.name, node, release };
    case 'edition':
      return {
        kind: 'edition',
        cluster: cluster.name,
        node,
        edition: r.pick(['datacenter', 'standard'] as const),
      };
    case 'add-node':
      return { kind: 'add-node', cluster: cluster.name, node, release, edition: 'datacenter' };
  }
}

// VMs judged alike share their results unless an ignore entry names a VM (judge-vm.ts): each way is tried.
const OPTION_SETS: Record<string, JudgeOptions> = {
  'an entry naming a VM': OPTIONS,
  'entries naming no VM': {
    ...OPTIONS,
    ignore: {
      file: '.avma-ignore.yaml',
      entries: (OPTIONS.ignore?.entries ?? []).filter((entry) => entry.vm === undefined),
    },
  },
  'no ignore file or baseline': { ...OPTIONS, ignore: null, baseline: null },
};

describe('whatIfJudge', () => {
  it.each([1, 2, 3].flatMap((seed) => Object.keys(OPTION_SETS).map((set) => [seed, set] as const)))(
    'judges as a full judgement does, over random changes (seed %i, %s)',
    (seed, set) => {
      const options = OPTION_SETS[set] as JudgeOptions;
      const r = random(seed);
      const incremental = whatIfJudge(options);
      let changes: Change[] = [];
      for (let step = 0; step < 25; step++) {
        const roll = r.next();
        if (roll < 0.6) changes = [...changes, randomChange(r)];
        else if (roll < 0.7) changes = [];
        else if (roll < 0.85) changes = changes.slice(0, -1);
        else changes = [randomChange(r), randomChange(r)];
        const expected = judge(applyChanges(CLUSTERS, changes), options);
        expect(incremental(CLUSTERS, changes), `step ${step}: ${JSON.stringify(changes)}`).toEqual(expected);
      }
    },
  );

  it('judges again only VMs that can land on a changed node, and returns to the same judgement on reset', () => {
    const judgeWhatIf = whatIfJudge(OPTIONS);
    const before = judgeWhatIf(CLUSTERS, []);
    const drain: Change = { kind: 'drain', cluster: 'lab', node: 'C' };
    const after = judgeWhatIf(CLUSTERS, [drain]);
    const vm = (j: typeof before, name: string) => j.report.clusters[1]?.vms.find((v) => v.name === name);
    // "pinned" cannot land on C: the same result; "old" can land on every node: judged again.
    expect(vm(after, 'pinned')).toBe(vm(before, 'pinned'));
    expect(vm(after, 'old')).not.toBe(vm(before, 'old'));
    expect(after.report.clusters[0]).toBe(before.report.clusters[0]);
    expect(judgeWhatIf(CLUSTERS, [])).toBe(before);
  });
});
