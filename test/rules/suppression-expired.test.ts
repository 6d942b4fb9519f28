// suppression-expired is raised by the judgement for each ignore entry past its expiry, not by a check.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE } from '../../src/analyze/gate.js';
import { judge } from '../../src/analyze/judge.js';
import rule from '../../src/rules/suppression-expired.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const cluster = aCluster('c').node('N1').node('N2', { edition: 'standard' }).vm('v').build();
const run = (expires: string | undefined) =>
  judge([cluster], {
    now: NOW,
    expiryWarningDays: 30,
    baseline: null,
    gate: DEFAULT_GATE,
    ignore: {
      file: 'i.yaml',
      entries: [{ rule: 'host-not-datacenter', node: 'N2', reason: 'ordered', expires, source: 'i.yaml:4' }],
    },
  });

describe(rule.id, () => {
  it('stays silent for an entry without expiry or one still running', () => {
    expect(run(undefined).findings).toEqual([]);
    expect(run('2026-12-31T00:00:00.000Z').findings).toEqual([]);
  });

  it('reports an entry past its expiry, with where it is, as a warning', () => {
    const { findings } = run('2026-11-01T00:00:00.000Z');
    expect(findings).toEqual([
      {
        rule: rule.id,
        severity: rule.severity,
        message:
          'the suppression of host-not-datacenter for N2 ("ordered") expired on 2026-11-01; its findings count again',
        source: 'i.yaml:4',
      },
    ]);
  });
});
