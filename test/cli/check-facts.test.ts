// Facts of domain.md section 0 through `check` on declared configs, in-process, asserted on the JSON report (or
// on the usage error and its exit code): release and build, owners, Azure Local, dates, drain, AVMA requests.
import { describe, expect, it } from 'vitest';
import {
  checkJson,
  declaredConfig as config,
  type Json,
  runMain,
  tempFiles,
  vmOf,
} from '../helpers/run-main.js';

const files = tempFiles();

describe('release and build', () => {
  it('a guest release that contradicts its build is a config error naming the VM, file, line and key', async () => {
    const file = await files.write(
      'contradiction.yaml',
      config('      - name: app01\n        guest: { release: "2019", build: 20348 }'),
    );
    const result = await runMain(['check', '-c', file, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}:10:`);
    expect(result.stderr).toContain('clusters[0].vms[0].guest.build');
    expect(result.stderr).toMatch(
      /VM app01: build 20348 is Windows Server 2022, but release says Windows Server 2019/,
    );
  });

  it('with only a name, the release comes from the name; a build wins over a name', async () => {
    const file = await files.write(
      'names.yaml',
      config(
        [
          '      - { name: by-name, guest: { os: "Windows Server 2025 Standard" } }',
          '      - { name: by-build, guest: { os: "Windows Server 2019 Standard", build: 20348 } }',
        ].join('\n'),
      ),
    );
    const { code, report } = await checkJson(file);
    expect(vmOf(report, 'by-name')).toMatchObject({ guest: { release: '2025' }, verdict: 'at-risk' });
    expect(vmOf(report, 'by-build')).toMatchObject({ guest: { release: '2022' }, verdict: 'safe' });
    expect(code).toBe(1);
  });
});

describe('possible owners', () => {
  it('compare without case: [HV01, hv01, HV02] is two owners, and no node is listed twice', async () => {
    const file = await files.write(
      'owners.yaml',
      config(
        [
          '      - { name: app, possibleOwners: [HV01, hv01, HV02], guest: { release: "2022" } }',
          '      - { name: one, possibleOwners: [HV01, hv01], guest: { release: "2022" } }',
        ].join('\n'),
      ),
    );
    const { report } = await checkJson(file);
    expect(vmOf(report, 'app').targets).toEqual({ ok: ['HV01', 'HV02'], fail: [], unknown: [] });
    expect(vmOf(report, 'one').targets.ok).toEqual(['HV01']);
    expect(report.clusters[0].findings).toContainEqual(
      expect.objectContaining({
        rule: 'single-failover-target',
        vm: 'one',
        message: 'one can run only on HV01',
      }),
    );
    expect(report.clusters[0].findings).not.toContainEqual(expect.objectContaining({ vm: 'app' }));
  });
});

describe('Azure Local nodes', () => {
  it('a declared Azure Local node shows no Windows Server release, even with a build', async () => {
    const nodes = `
    nodes:
      - name: AZ1
        facts: { edition: AzureLocal, build: 20348, azureLocalAvma: "2022", activated: true, hyperV: true }`;
    const file = await files.write(
      'azure.yaml',
      config('      - { name: app, guest: { release: "2022" } }', nodes),
    );
    const { report } = await checkJson(file);
    expect(report.clusters[0].nodes[0]).toMatchObject({
      name: 'AZ1',
      release: null,
      build: 20348,
      edition: 'azure-local',
    });
    expect(vmOf(report, 'app').verdict).toBe('safe');
  });
});

describe('dates and numbers on the command line and in files', () => {
  const okConfig = () =>
    files.write('dates-ok.yaml', config('      - { name: app, guest: { release: "2022" } }'));

  it('an impossible activationExpires is a config error, not March 2', async () => {
    const nodes = `
    nodes:
      - name: HV01
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true, activationExpires: 2026-02-30 }`;
    const file = await files.write(
      'feb30.yaml',
      config('      - { name: app, guest: { release: "2022" } }', nodes),
    );
    const result = await runMain(['check', '-c', file, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /clusters\[0\]\.nodes\[0\]\.facts\.activationExpires: "2026-02-30" is not a date/,
    );
  });

  it('an impossible expiry in the ignore file is a config error', async () => {
    const file = await okConfig();
    const ignore = await files.write(
      'feb30.avma-ignore.yaml',
      'ignore:\n  - rule: kvp-disabled\n    reason: because\n    expires: 2026-02-30\n',
    );
    const result = await runMain(['check', '-c', file, '--ignore-file', ignore, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ignore\[0\]\.expires: expected a date/);
  });

  it.each(['2026-02-30', '2026-13-01', 'tomorrow'])('--now %s is a usage error', async (now) => {
    const result = await runMain(['check', '-c', await okConfig(), '--now', now, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--now ${now} is not a date`);
  });

  it('--now with a real date judges as of that date', async () => {
    const { report } = await checkJson(await okConfig(), '--now', '2028-02-29');
    expect(report.generatedAt).toBe('2028-02-29T00:00:00.000Z');
  });

  it.each(['-1', '1.5', 'abc'])('--expiry-warning-days %s is a usage error', async (days) => {
    const result = await runMain([
      'check',
      '-c',
      await okConfig(),
      `--expiry-warning-days=${days}`,
      '-f',
      'json',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--expiry-warning-days .* is not a whole number of days, 0 or more/);
  });

  it('--expiry-warning-days 0 is accepted', async () => {
    const { code } = await checkJson(await okConfig(), '--expiry-warning-days', '0');
    expect(code).toBe(0);
  });
});

describe('draining nodes', () => {
  it('a declared drain status is shown in the node row', async () => {
    const nodes = `
    nodes:
      - name: HV01
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true, state: Paused, drainStatus: InProgress }
      - name: HV02
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true }`;
    const file = await files.write(
      'drain.yaml',
      config('      - { name: app, guest: { release: "2022" } }', nodes),
    );
    const { report } = await checkJson(file);
    expect(report.clusters[0].nodes.map((n: Json) => [n.name, n.state, n.drainStatus])).toEqual([
      ['HV01', 'Paused', 'InProgress'],
      ['HV02', null, null],
    ]);
  });
});

describe('AVMA requests logged by the hosts (event 12310)', () => {
  const nodes = (a: string, b: string) => `
    nodes:
      - name: HV01
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true${a} }
      - name: HV02
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true${b} }`;
  const VMS =
    '      - { name: app, guest: { release: "2022" } }\n      - { name: kms-01, guest: { release: "2022" } }';
  const warning = (report: Json) =>
    report.clusters[0].findings.filter((f: Json) => f.rule === 'no-avma-requests');

  it('every host logged none while VMs are assumed to use AVMA: a warning that names the counts', async () => {
    const file = await files.write(
      'quiet.yaml',
      config(VMS, nodes(', avmaRequests30d: 0', ', avmaRequests30d: 0')),
    );
    const { code, report } = await checkJson(file);
    expect(report.clusters[0].nodes.map((n: Json) => n.avmaRequests30d)).toEqual([0, 0]);
    expect(warning(report)).toEqual([
      {
        rule: 'no-avma-requests',
        severity: 'warning',
        message: expect.stringMatching(
          /^no node of c logged an AVMA request \(event 12310\) in the last 30 days \(HV01 0, HV02 0\), yet 2 VMs are assumed to use AVMA \(app, kms-01\)/,
        ),
      },
    ]);
    expect(vmOf(report, 'app').verdict).toBe('safe');
    expect(code).toBe(0);
    expect((await checkJson(file, '--fail-on', 'warning')).code).toBe(1);
  });

  it('silent when a host logged requests, or a count is unknown, or no VM rests on the assumption', async () => {
    const some = await checkJson(
      await files.write('some.yaml', config(VMS, nodes(', avmaRequests30d: 0', ', avmaRequests30d: 14'))),
    );
    expect(some.report.clusters[0].nodes.map((n: Json) => n.avmaRequests30d)).toEqual([0, 14]);
    expect(warning(some.report)).toEqual([]);
    const unknown = await checkJson(
      await files.write('unknown-count.yaml', config(VMS, nodes(', avmaRequests30d: 0', ''))),
    );
    expect(warning(unknown.report)).toEqual([]);
    const declared = `defaults:\n  activation: { default: other, exceptions: [{ vms: "app", activation: avma }] }\n`;
    const known = await checkJson(
      await files.write(
        'declared-channels.yaml',
        config(VMS, nodes(', avmaRequests30d: 0', ', avmaRequests30d: 0'), declared),
      ),
    );
    expect(warning(known.report)).toEqual([]);
  });

  it('a count that is not a whole number of events is a config error', async () => {
    const file = await files.write('bad-count.yaml', config(VMS, nodes(', avmaRequests30d: -1', '')));
    const result = await runMain(['check', '-c', file, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /clusters\[0\]\.nodes\[0\]\.facts\.avmaRequests30d: expected 0 or more events/,
    );
  });
});
