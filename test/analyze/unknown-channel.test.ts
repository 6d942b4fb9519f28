// A VM whose activation channel is unknown: judged as if it used AVMA, but never failed for certain.
import { describe, expect, it } from 'vitest';
import { makeAcceptor } from '../../src/analyze/accept.js';
import { analyze } from '../../src/analyze/analyze.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const cluster = aCluster()
  .node('N1')
  .node('N2', { edition: 'standard' })
  .node('N3', { hyperV: null })
  .vm('known', {})
  .vm('unknown', { activation: 'unknown', activationBasis: 'declared' })
  .vm('fine', { activation: 'unknown', activationBasis: 'default', possibleOwners: ['N1'] })
  .build();

const vmsOf = (accept?: Parameters<typeof analyze>[1]['accept']) =>
  analyze([cluster], { now: NOW, accept }).clusters[0]?.vms ?? [];

describe('activation unknown', () => {
  it('where it would fail, the target is unknown, behind activation-unknown and the real rule', () => {
    const [known, unknown] = vmsOf();
    expect(known).toMatchObject({ verdict: 'at-risk', gate: 'at-risk' });
    expect(unknown).toMatchObject({ verdict: 'unknown', gate: 'unknown', activationBasis: 'declared' });
    expect(unknown?.targets).toEqual([
      { node: 'N1', verdict: 'ok', rules: [] },
      { node: 'N2', verdict: 'unknown', rules: ['activation-unknown', 'host-not-datacenter'] },
      { node: 'N3', verdict: 'unknown', rules: ['facts-missing'] },
    ]);
  });

  it('ok everywhere: safe', () => {
    expect(vmsOf()[2]).toMatchObject({
      verdict: 'safe',
      gate: 'safe',
      targets: [{ node: 'N1', verdict: 'ok' }],
    });
  });

  it('the gate follows the same way when the failure itself is accepted, and when nothing is', () => {
    const acceptFailure = makeAcceptor(
      [{ rule: 'host-not-datacenter', node: 'N2', reason: 'being fixed' }],
      null,
      NOW,
    );
    expect(vmsOf(acceptFailure)[1]).toMatchObject({ verdict: 'unknown', gate: 'unknown' });
    const acceptMissing = makeAcceptor([{ rule: 'facts-missing', reason: 'we know' }], null, NOW);
    // Only the failure remains open: unknown, never at-risk.
    expect(vmsOf(acceptMissing)[1]).toMatchObject({ verdict: 'unknown', gate: 'unknown' });
    expect(vmsOf(acceptMissing)[0]).toMatchObject({ verdict: 'at-risk', gate: 'at-risk' });
  });

  it('accepting activation-unknown for the VM leaves out what fails only if it uses AVMA', () => {
    const both = makeAcceptor(
      [
        { rule: 'activation-unknown', vm: 'unknown', reason: 'its channel is being checked' },
        { rule: 'facts-missing', reason: 'we know' },
      ],
      null,
      NOW,
    );
    expect(vmsOf(both)[1]).toMatchObject({ verdict: 'unknown', gate: 'safe' });
    const onlyChannel = makeAcceptor(
      [{ rule: 'activation-unknown', vm: 'unknown', reason: 'its channel is being checked' }],
      null,
      NOW,
    );
    // N3's missing facts are still open.
    expect(vmsOf(onlyChannel)[1]).toMatchObject({ verdict: 'unknown', gate: 'unknown' });
  });
});
