import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { gateExitCode } from '../../src/cli/exit-codes.js';
import { pairOutputs } from '../../src/cli/options.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const report = (cluster: ReturnType<ReturnType<typeof aCluster>['build']>) =>
  analyze([cluster], { now: NOW });
const atRisk = report(aCluster().node('N1').node('N2', { edition: 'standard' }).vm('a').build());
const incomplete = report(aCluster().node('N1').node('N2').vm('a', { guest: null }).build());
const warned = report(aCluster().node('N1').vm('a').build());
const safe = report(aCluster().node('N1').node('N2').vm('a').build());

describe('gateExitCode', () => {
  it.each([
    ['error', 'fail', [1, 3, 0, 0]],
    ['warning', 'fail', [1, 3, 1, 0]],
    ['never', 'fail', [0, 3, 0, 0]],
    ['error', 'pass', [1, 0, 0, 0]],
    ['never', 'pass', [0, 0, 0, 0]],
  ] as const)('--fail-on %s --unknown %s', (failOn, unknown, codes) => {
    expect([atRisk, incomplete, warned, safe].map((r) => gateExitCode(r, { failOn, unknown }))).toEqual(
      codes,
    );
  });
});

describe('pairOutputs', () => {
  it('pairs each format with its output; - is stdout', () => {
    expect(pairOutputs('text', undefined)).toEqual([{ format: 'text', file: null }]);
    expect(pairOutputs(['json', 'junit', 'text'], ['r.json', 'r.xml', '-'])).toEqual([
      { format: 'json', file: 'r.json' },
      { format: 'junit', file: 'r.xml' },
      { format: 'text', file: null },
    ]);
  });

  it.each([
    [['json', 'junit'], undefined, /2 formats but no --output/],
    [['json', 'junit'], ['a.json'], /2 --format but 1 --output/],
    [['json', 'text'], ['-', '-'], /more than one report would go to stdout/],
    [['json', 'junit'], ['a', 'a'], /two reports would be written to a/],
  ] as const)('refuses %j with %j', (formats, outputs, message) => {
    expect(() => pairOutputs([...formats], outputs ? [...outputs] : undefined)).toThrow(message);
  });
});
