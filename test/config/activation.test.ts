import { describe, expect, it } from 'vitest';
import { activationSettingsOf, matchesVmPattern, resolveActivation } from '../../src/config/activation.js';
import { parseConfig } from '../../src/config/parse-config.js';

describe('matchesVmPattern', () => {
  it.each([
    ['kms-*', 'kms-client01', true],
    ['kms-*', 'KMS-Client01', true],
    ['kms-*', 'kms-', true],
    ['kms-*', 'xkms-01', false],
    ['test-?', 'test-1', true],
    ['test-?', 'test-12', false],
    ['*sql*', 'prod-SQL-01', true],
    ['web01', 'WEB01', true],
    ['web01', 'web011', false],
    ['*', 'anything', true],
    ['a.b', 'axb', false],
    ['[x]*', '[x]-vm', true],
    ['db-??-*', 'db-eu-primary', true],
    ['ü*', 'Überserver', true],
  ])('%s against %s: %s', (pattern, name, match) => {
    expect(matchesVmPattern(pattern, name)).toBe(match);
  });

  it('stays fast on patterns that would make a regular expression backtrack', () => {
    const started = performance.now();
    expect(matchesVmPattern('a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(256))).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('resolveActivation', () => {
  const settings = {
    default: 'unknown' as const,
    exceptions: [
      { vms: 'kms-*', activation: 'other' as const },
      { vms: ['lab-*', 'kms-lab-?'], activation: 'avma' as const },
    ],
  };

  it('a per-VM declaration wins over everything', () => {
    expect(resolveActivation('kms-01', settings, 'avma')).toEqual({
      activation: 'avma',
      activationBasis: 'declared',
    });
  });

  it('then the first exception whose pattern matches', () => {
    expect(resolveActivation('KMS-lab-1', settings)).toEqual({
      activation: 'other',
      activationBasis: 'pattern',
    });
    expect(resolveActivation('lab-7', settings)).toEqual({ activation: 'avma', activationBasis: 'pattern' });
  });

  it('then the default', () => {
    expect(resolveActivation('app01', settings)).toEqual({
      activation: 'unknown',
      activationBasis: 'default',
    });
  });

  it('with nothing said, AVMA is assumed', () => {
    expect(resolveActivation('app01', undefined)).toEqual({ activation: 'avma', activationBasis: 'assumed' });
    expect(resolveActivation('app01', { exceptions: [{ vms: 'x*', activation: 'other' }] })).toEqual({
      activation: 'avma',
      activationBasis: 'assumed',
    });
  });
});

describe('activationSettingsOf', () => {
  it("a cluster's activation replaces that of defaults as a whole", () => {
    const config = parseConfig(
      `defaults:
  activation: { default: other, exceptions: [{ vms: "avma-*", activation: avma }] }
clusters:
  - name: own
    activation: { exceptions: [{ vms: "kms-*", activation: other }] }
    nodes: [{ name: N1 }]
  - name: inherits
    nodes: [{ name: N1 }]
`,
      'a.yaml',
    );
    const [own, inherits] = config.clusters;
    if (!own || !inherits) throw new Error('two clusters');
    expect(resolveActivation('avma-01', activationSettingsOf(config, own))).toEqual({
      activation: 'avma',
      activationBasis: 'assumed',
    });
    expect(resolveActivation('app', activationSettingsOf(config, inherits))).toEqual({
      activation: 'other',
      activationBasis: 'default',
    });
    expect(resolveActivation('avma-01', activationSettingsOf(config, inherits)).activationBasis).toBe(
      'pattern',
    );
  });
});
