// The README is the product's surface: every command, option, format, exit code and file format it promises
// is checked against the code, and the command reference is the CLI's own --help.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCliReference } from '../../scripts/cli-doc.js';
import { commands } from '../../src/cli/commands/index.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { DIFF_FORMATS, PLAN_FORMATS, REPORT_FORMATS } from '../../src/report/format-names.js';
import { COLLECTOR_SCRIPT, SKIP_CLUSTER_GROUPS_LINE } from '../../src/scan/collector-script.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = (title: string) => {
  const start = readme.indexOf(`\n## ${title}`);
  expect(start, `README has a section "${title}"`).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 4);
  return readme.slice(start, end < 0 ? undefined : end);
};

describe('README', () => {
  it('the command reference is what --help prints (npm run docs)', async () => {
    expect(readme).toContain(await renderCliReference());
  });

  it('the commands table names every command', () => {
    const table = section('Commands');
    for (const name of [...commands.map((c) => c.command.split(' ')[0]), 'completion'])
      expect(table).toMatch(new RegExp(`\\| \`avma-check ${name}\\b`));
  });

  it('the options every judging command shares are each explained', () => {
    const table = section('Commands');
    for (const option of [
      '--format',
      '--output',
      '--fail-on',
      '--unknown',
      '--ignore-file',
      '--baseline',
      '--save-snapshot',
      '--expiry-warning-days',
      '--now',
      '--no-tui',
    ])
      expect(
        table.split('\n').some((line) => line.startsWith('| `') && line.split('|')[1]?.includes(option)),
      ).toBe(true);
  });

  it('every format of every command is described', () => {
    const reports = section('Reports');
    for (const format of REPORT_FORMATS) expect(reports).toMatch(new RegExp(`^\\| \`${format}\` \\|`, 'm'));
    for (const format of [...PLAN_FORMATS, ...DIFF_FORMATS]) expect(reports).toContain(`\`${format}\``);
  });

  it('every exit code is in the table', () => {
    const table = section('Exit codes');
    for (const code of Object.values(ExitCode)) expect(table).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('the ignore file format shows every key', () => {
    const ignore = section('The ignore file');
    for (const key of ['rule', 'cluster', 'node', 'vm', 'reason', 'expires']) expect(ignore).toContain(key);
  });

  it('the JSON example shows every top-level field of the schema', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
    );
    const json = section('JSON report');
    expect(json).toContain(`schema version ${schema.properties.schemaVersion.const}`);
    for (const key of schema.required) expect(json).toContain(`"${key}"`);
  });

  it('the set-up is two commands, and CI runs the same test command', () => {
    expect(section('Set-up')).toMatch(/```sh\nnpm ci && bin\/avma-check demo .*\nnpm test .*\n```/);
    expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/m);
  });

  it('names the line that leaves the cluster groups to one node, which the collector honours', () => {
    expect(section('Scanning over SSH')).toContain(`\`${SKIP_CLUSTER_GROUPS_LINE}\``);
    const variable = SKIP_CLUSTER_GROUPS_LINE.split(' ')[0] as string;
    expect(COLLECTOR_SCRIPT).toContain(`if (${variable} -ne $true) {`);
  });
});
