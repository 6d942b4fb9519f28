import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import { render } from '../../src/report/types.js';
import { readJunit, validateJunit } from '../helpers/formats.js';
import { judged } from '../helpers/judgement.js';
import { lab } from './lab.js';

type Case = {
  name: string;
  failure?: { '#text': string; message: string };
  error?: { message: string; '#text': string };
  skipped?: string;
  'system-out'?: string;
};
const xml = render(formatJunit, judged([lab]), {
  color: false,
  exitCode: 1,
  timings: { totalMs: 1234.5678, clusters: new Map([['lab', 250]]) },
});
const suites = readJunit(xml).suites;
const cases = (suites[0]?.cases ?? []) as Case[];
const byName = (name: string) => cases.find((c) => c.name === name);

describe('junit', () => {
  it('validates against both Jenkins JUnit schemas, even with hostile names', () => {
    validateJunit(xml);
  });

  it('a testcase per node and per VM, with real times', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'node N1',
      'node N2',
      'node N3',
      'node N4',
      'web01',
      'old01',
      'maybe',
      'kms',
      'x<&>"',
    ]);
    expect(xml).toMatch(/<testsuites name="avma-check" tests="9" failures="2" errors="2" time="1\.235">/);
    expect(xml).toMatch(/<testsuite name="lab" [^>]*time="0\.250"/);
  });

  it('fails at-risk VMs with each failing target and rule; errors unknown VMs and unread nodes', () => {
    expect(byName('web01')?.failure?.message).toBe('loses AVMA activation on 2 of 3 possible owners');
    expect(byName('web01')?.failure?.['#text']).toMatch(
      /N2: web01 runs Windows Server 2022, which N2 .* \[guest-newer-than-host\]\nN3: N3 runs Standard.* \[host-not-datacenter\]/,
    );
    expect(byName('maybe')?.error?.message).toBe('cannot be judged on 1 of 2 possible owners');
    expect(byName('node N4')?.error?.['#text']).toMatch(
      /N4 could not be read \(auth\): refused\nhint: check the key/,
    );
    expect(byName('kms')?.skipped).toMatch(/does not use AVMA/);
    expect(byName('old01')).not.toHaveProperty('failure');
    expect(byName('node N3')?.['system-out']).toMatch(/N3 runs Standard/);
  });

  it('with --unknown pass, unknowns are skipped with the reason, not errors', () => {
    const passing = render(formatJunit, judged([lab], { gate: { failOn: 'error', unknown: 'pass' } }), {
      color: false,
      exitCode: 1,
    });
    validateJunit(passing);
    expect(readJunit(passing).errors).toBe(0);
  });
});
