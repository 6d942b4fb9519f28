// The formats a pipeline consumes, checked by real parsers: JUnit XML, Markdown, GitHub workflow commands, and
// the JSON report against its shipped JSON Schema.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { analyze } from '../../src/analyze/analyze.js';
import { formatGithub } from '../../src/report/github.js';
import { formatJson } from '../../src/report/json.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown, MARKDOWN_LIMIT_BYTES } from '../../src/report/markdown.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const cluster = aCluster('lab')
  .node('N1')
  .node('N2', { release: '2019', build: 17763 })
  .node('N3', { edition: 'standard', activationExpires: '2026-12-01T00:00:00.000Z' })
  .rawNode({
    name: 'N4',
    error: { kind: 'auth', message: 'refused', hint: 'check the key' },
    probeErrors: [],
  })
  .vm('web01', { possibleOwners: ['N1', 'N2', 'N3'] })
  .vm('old01', { guest: { release: '2016' }, possibleOwners: ['N1', 'N2'] })
  .vm('maybe', { guest: { release: '2016' }, possibleOwners: ['N1', 'N4'] })
  .vm('kms', { activation: 'other' })
  .vm('x<&>"\u001b[2J\ud800', { possibleOwners: ['N3'] })
  .build();
const report = analyze([cluster], { now: NOW });
const context = { color: false, exitCode: 1 };

describe('junit', () => {
  const xml = formatJunit(report, context);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(xml);

  it('is well-formed XML, even with hostile names', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('follows the common JUnit schema: counts agree with the testcases', () => {
    const suites = parsed.testsuites.testsuite;
    expect(suites).toHaveLength(1);
    const [suite] = suites;
    const cases = suite.testcase as Record<string, unknown>[];
    expect(suite).toMatchObject({ name: 'lab', tests: '5', errors: '0' });
    expect(Number(suite.failures)).toBe(cases.filter((c) => 'failure' in c).length);
    expect(Number(suite.skipped)).toBe(cases.filter((c) => 'skipped' in c).length);
    expect(parsed.testsuites).toMatchObject({ tests: '5', failures: suite.failures, skipped: suite.skipped });
    for (const c of cases) expect(c).toMatchObject({ classname: 'avma-check.lab', time: '0' });
  });

  it('fails at-risk VMs with each failing target and rule; skips unknown ones with the reason', () => {
    const cases = parsed.testsuites.testsuite[0].testcase as {
      name: string;
      failure?: { '#text': string; message: string };
      skipped?: { message: string };
    }[];
    const web = cases.find((c) => c.name === 'web01');
    expect(web?.failure?.message).toBe('loses AVMA activation on 2 of 3 possible owners');
    expect(web?.failure?.['#text']).toMatch(
      /N2: web01 runs Windows Server 2022, which N2 .* \[guest-newer-than-host\]\nN3: N3 runs Standard.* \[host-not-datacenter\]/,
    );
    expect(cases.find((c) => c.name === 'maybe')?.skipped?.message).toMatch(
      /cannot be judged on 1 of 2 possible owners: N4: N4 could not be read \(auth\)/,
    );
    expect(cases.find((c) => c.name === 'kms')?.skipped?.message).toMatch(/does not use AVMA/);
    expect(cases.find((c) => c.name === 'old01')).not.toHaveProperty('failure');
  });
});

describe('markdown', () => {
  const markdown = formatMarkdown(report, context);

  it('has the verdict, a table of at-risk VMs with reasons, and a table of nodes', () => {
    expect(markdown).toMatch(
      /^## ❌ avma-check: AT RISK\n\n2 VMs at risk, 1 unknown, 1 safe, 1 not using AVMA, in 1 cluster \(exit code 1\)\./,
    );
    expect(markdown).toMatch(
      /^\| lab \| web01 \| Windows Server 2022 Standard \| \*\*N2\*\*: .*\(`guest-newer-than-host`\)<br>\*\*N3\*\*: .*\(`host-not-datacenter`\) \|$/m,
    );
    expect(markdown).toMatch(/^\| lab \| N4 \| +\| +\| +\| +\| +\| auth: refused \|$/m);
  });

  it('escapes what would break a table or inject markup', () => {
    expect(markdown).toContain('x\\<&\\>"');
    expect(markdown).not.toContain('\u001b');
  });

  it('stays under the 1 MiB job-summary limit and says where the rest is', () => {
    const big = analyze([syntheticCluster()], { now: NOW });
    const text = formatMarkdown(big, context);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMIT_BYTES);
    expect(text).toMatch(/cut here to stay under the 1 MiB job-summary limit/);
  });
});

describe('github', () => {
  it('annotates each at-risk VM as an error, unknown VMs as warnings, warnings as notices, escaped', () => {
    const lines = formatGithub(report, context).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(2);
    expect(lines.find((l) => l.includes('web01'))).toMatch(
      /^::error title=AVMA%3A web01 at risk \(lab\)::web01 \(Windows Server 2022 Standard\) loses activation on 2 of 3 possible owners\. /,
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('::notice title=AVMA%3A host-activation-expiring'))).toBe(true);
    expect(lines.every((l) => !l.includes('\u001b'))).toBe(true);
  });

  it('shows at most 10 of each kind, worst first, and points to the summary for the rest', () => {
    const big = analyze([syntheticCluster()], { now: NOW });
    const lines = formatGithub(big, context).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines[0]).toMatch(/loses activation on (\d+) of \1 possible owners/);
    expect(lines.some((l) => /::notice title=AVMA%3A \d+ more VMs at risk::.*job summary/.test(l))).toBe(
      true,
    );
  });
});

describe('json report schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const schema = JSON.parse(
    readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
  );
  const validate = ajv.compile(schema);

  it('describes real output', () => {
    const json = JSON.parse(formatJson(report, context));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const big = JSON.parse(formatJson(analyze([syntheticCluster(8, 200)], { now: NOW }), context));
    expect(validate(big), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses what the report never holds', () => {
    const json = JSON.parse(formatJson(report, context));
    expect(validate({ ...json, verdict: 'fine' })).toBe(false);
    expect(validate({ ...json, extra: 1 })).toBe(false);
  });
});
