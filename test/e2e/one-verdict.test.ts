// One judgement, one verdict: for each way the gate can decide, the real CLI path writes every format, and each
// one (text, JSON, JUnit, Markdown, GitHub annotations, SARIF) says what the exit code says.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneVerdict, readGithub, readJunit } from '../helpers/formats.js';
import { run } from '../helpers/main.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-check-verdict-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const node = (name: string, facts: Record<string, string> = {}) => {
  const all = { release: '"2022"', edition: 'Datacenter', activated: 'true', hyperV: 'true', ...facts };
  const text = Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `      - { name: ${name}, facts: { ${text} } }`;
};
const config = (name: string, nodes: string[], vms: string[]) =>
  write(
    `${name}.yaml`,
    `clusters:\n  - name: ${name}\n    nodes:\n${nodes.join('\n')}\n    vms:\n${vms.map((vm) => `      - ${vm}`).join('\n')}\n`,
  );

const atRisk = config(
  'at-risk',
  [node('A'), node('B', { edition: 'Standard' })],
  ['{ name: web, guest: { release: "2022" } }'],
);
const warned = config(
  'warned',
  [node('A', { activationExpires: '2026-12-01' }), node('B')],
  ['{ name: web, guest: { release: "2022" } }'],
);
const unknown = config('unknown', [node('A'), node('B')], ['{ name: mystery }']);
const unread = config(
  'unread',
  [node('A'), '      - { name: B, host: b.example.test }'],
  ['{ name: web, possibleOwners: [A], guest: { release: "2022" } }'],
);
const acceptedDir = mkdtempSync(join(dir, 'accepted-'));
const accepted = join(acceptedDir, 'clusters.yaml');
writeFileSync(accepted, readFileSync(atRisk, 'utf8'));
writeFileSync(
  join(acceptedDir, '.avma-ignore.yaml'),
  'ignore:\n  - rule: host-not-datacenter\n    node: B\n    reason: replacement ordered (ticket 4711)\n    expires: 2027-01-31\n  - rule: kvp-disabled\n    reason: old entry\n    expires: 2026-10-01\n',
);

async function allFormats(args: string[]) {
  const out = (ext: string) => join(dir, `${Math.random().toString(36).slice(2)}.${ext}`);
  const files = {
    text: out('txt'),
    json: out('json'),
    junit: out('xml'),
    markdown: out('md'),
    github: out('gh'),
    sarif: out('sarif'),
  };
  const pairs = Object.entries(files).flatMap(([format, file]) => ['-f', format, '-o', file]);
  const result = await run(['check', ...args, ...pairs]);
  expect(result.stderr).toBe('');
  const read = (file: string) => readFileSync(file, 'utf8');
  return {
    code: result.code,
    out: {
      text: read(files.text),
      json: read(files.json),
      junit: read(files.junit),
      markdown: read(files.markdown),
      github: read(files.github),
      sarif: read(files.sarif),
    },
  };
}

describe('every format says what the exit code says', () => {
  it.each([
    ['a VM at risk', [atRisk], 1],
    ['a VM at risk, --fail-on never', [atRisk, '--fail-on', 'never'], 0],
    ['a warning', [warned], 0],
    ['a warning, --fail-on warning', [warned, '--fail-on', 'warning'], 1],
    ['a VM that cannot be judged', [unknown], 3],
    ['a VM that cannot be judged, --unknown pass', [unknown, '--unknown', 'pass'], 0],
    ['a node not read', [unread], 3],
    ['a node not read, --unknown pass', [unread, '--unknown', 'pass'], 0],
    ['a VM at risk accepted by the ignore file beside the config', [accepted], 0],
    ['accepted, but the expired entry fails --fail-on warning', [accepted, '--fail-on', 'warning'], 1],
  ] as const)('%s', async (_name, [file, ...flags], code) => {
    const { code: actual, out } = await allFormats(['-c', file, '--now', '2026-11-22', ...flags]);
    expect(actual).toBe(code);
    expectOneVerdict(code, out);
  });

  it('--fail-on warning: the warning is a failure everywhere, not a notice', async () => {
    const { out } = await allFormats(['-c', warned, '--now', '2026-11-22', '--fail-on', 'warning']);
    expect(out.text).toMatch(/Verdict: FAIL: 1 warning \(--fail-on warning\)/);
    expect(readGithub(out.github).error.join('\n')).toMatch(/A's activation expires on 2026-12-01/);
    const junit = readJunit(out.junit);
    const nodeA = junit.suites[0]?.cases.find((c) => c.name === 'node A') as {
      failure?: { message: string };
    };
    expect(nodeA.failure?.message).toMatch(/1 warning/);
    expect(JSON.parse(out.sarif).runs[0].results).toContainEqual(
      expect.objectContaining({ ruleId: 'host-activation-expiring', level: 'error' }),
    );
  });

  it('an accepted finding keeps its real verdict in every report, marked with who accepted it and until when', async () => {
    const { out } = await allFormats(['-c', accepted, '--now', '2026-11-22']);
    const json = JSON.parse(out.json);
    const web = json.clusters[0].vms[0];
    expect([web.verdict, web.gate]).toEqual(['at-risk', 'safe']);
    expect(web.targets.fail).toEqual([{ rules: ['host-not-datacenter'], nodes: ['B'] }]);
    expect(json.clusters[0].verdict).toBe('at-risk');
    expect(json.ignoreFile).toMatchObject({ entries: 2, suppressed: 1 });
    expect(json.clusters[0].findings).toContainEqual(
      expect.objectContaining({
        rule: 'host-not-datacenter',
        accepted: expect.objectContaining({ by: 'ignore-file', expires: '2027-01-31T00:00:00.000Z' }),
      }),
    );
    expect(out.text).toMatch(/suppressed by .*\.avma-ignore\.yaml:2 until 2027-01-31: replacement ordered/);
    expect(out.text).toMatch(/Verdict: PASS: 1 VM at risk only by accepted findings/);
    expect(out.markdown).toMatch(/VMs at risk or unknown by accepted findings only/);
    const sarif = JSON.parse(out.sarif).runs[0].results;
    expect(
      sarif.find((r: { ruleId: string }) => r.ruleId === 'host-not-datacenter').suppressions,
    ).toHaveLength(1);
  });

  it('every format says which ignore file was used and how many findings it suppressed', async () => {
    const { out } = await allFormats(['-c', accepted, '--now', '2026-11-22']);
    const note = /ignore file .*\.avma-ignore\.yaml: 2 entries, 1 finding suppressed/;
    expect(out.text).toMatch(note);
    expect(JSON.parse(out.json).ignoreFile).toMatchObject({ entries: 2, suppressed: 1 });
    expect(out.markdown).toMatch(note);
    expect(out.junit).toMatch(note);
    expect(readGithub(out.github).notice.join('\n')).toMatch(note);
    const sarif = JSON.parse(out.sarif).runs[0].invocations[0].toolExecutionNotifications;
    expect(sarif.map((n: { message: { text: string } }) => n.message.text).join('\n')).toMatch(note);
  });

  it('an expired suppression is a finding of its own in every format', async () => {
    const { out } = await allFormats(['-c', accepted, '--now', '2026-11-22']);
    const message = /the suppression of kvp-disabled \("old entry"\) expired on 2026-10-01/;
    expect(out.text).toMatch(message);
    expect(JSON.parse(out.json).findings).toEqual([
      expect.objectContaining({ rule: 'suppression-expired', source: expect.stringMatching(/:6$/) }),
    ]);
    expect(out.markdown).toMatch(message);
    expect(out.junit.replace(/&quot;/g, '"')).toMatch(message);
    expect(out.github).toMatch(message);
    expect(JSON.parse(out.sarif).runs[0].results).toContainEqual(
      expect.objectContaining({
        ruleId: 'suppression-expired',
        locations: [
          expect.objectContaining({
            physicalLocation: expect.objectContaining({ region: { startLine: 6 } }),
          }),
        ],
      }),
    );
  });

  it('annotations and SARIF results point into the clusters.yaml', async () => {
    const { out } = await allFormats(['-c', atRisk, '--now', '2026-11-22']);
    const [error] = readGithub(out.github).error;
    expect(error).toContain(`file=${atRisk.replace(/:/g, '%3A')},line=7,`);
    const result = JSON.parse(out.sarif).runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'host-not-datacenter',
    );
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: encodeURI(atRisk) },
      region: { startLine: 5 },
    });
  });
});
