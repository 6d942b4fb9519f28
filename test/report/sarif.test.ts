import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { formatSarif, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { render } from '../../src/report/types.js';
import { rules } from '../../src/rules/index.js';
import { validateSarif } from '../helpers/formats.js';
import { judged } from '../helpers/judgement.js';
import { lab } from './lab.js';

const sarif = (j = judged([lab]), locate = true) =>
  JSON.parse(
    render(formatSarif, j, {
      color: false,
      exitCode: 1,
      version: '9.9.9',
      locate: locate ? (_c, s) => ({ file: 'clusters dir/clusters.yaml', line: s.vm ? 20 : 4 }) : null,
    }),
  );

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with and without locations', () => {
    validateSarif(sarif());
    validateSarif(sarif(judged([lab]), false));
  });

  it('names every rule of the registry with its explanation and remedy', () => {
    const driver = sarif().runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'avma-check', version: '9.9.9' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    const rule = driver.rules.find((r: { id: string }) => r.id === 'host-not-datacenter');
    expect(rule.help.text).toBe(rules.find((r) => r.id === 'host-not-datacenter')?.remedy);
  });

  it("a VM's findings of one rule on several nodes are one result, located in the config", () => {
    const results = sarif().runs[0].results;
    const kvp = results.filter((r: { ruleId: string }) => r.ruleId === 'guest-newer-than-host');
    expect(kvp).toHaveLength(1);
    expect(kvp[0]).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'clusters%20dir/clusters.yaml' },
            region: { startLine: 20 },
          },
        },
      ],
      partialFingerprints: { 'avmaFinding/v1': 'lab/guest-newer-than-host//web01' },
    });
    expect(results.find((r: { ruleId: string }) => r.ruleId === 'node-unreachable').level).toBe('warning');
    expect(results.find((r: { ruleId: string }) => r.ruleId === 'host-activation-expiring').level).toBe(
      'note',
    );
  });

  it(`keeps to GitHub's ${SARIF_MAX_RESULTS} results per run and says how many it left out`, () => {
    const big = sarif(judged([syntheticCluster()]), false).runs[0];
    expect(big.results.length).toBeLessThanOrEqual(SARIF_MAX_RESULTS);
    expect(big.results[0].level).toBe('error');
  });
});
