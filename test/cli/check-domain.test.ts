// The domain decisions of domain.md section 0 through `check` on declared configs, in-process, asserted on the
// JSON report (or on the usage error and its exit code).
import { describe, expect, it } from 'vitest';
import { checkJson, type Json, runMain, tempFiles } from '../helpers/run-main.js';

const files = tempFiles();

const NODES = `
    nodes:
      - name: HV01
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true }
      - name: HV02
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true }`;

function config(vms: string, nodes = NODES, extra = ''): string {
  return `${extra}clusters:\n  - name: c${nodes}\n    vms:\n${vms}\n`;
}

const vmOf = (report: Json, name: string) => report.clusters[0].vms.find((vm: Json) => vm.name === name);

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

describe('guests that are not AVMA guests', () => {
  const STANDARD_NODE = `
    nodes:
      - name: HV01
        facts: { release: "2025", edition: Datacenter, activated: true, hyperV: true }
      - name: STD
        facts: { release: "2025", edition: Standard, activated: true, hyperV: true }`;
  const GUESTS: [string, string, string | null][] = [
    [
      'ess22',
      '{ release: "2022", edition: Essentials }',
      'no AVMA key is published for Windows Server 2022 Essentials',
    ],
    [
      'ess25',
      '{ os: "Windows Server 2025 Essentials" }',
      'no AVMA key is published for Windows Server 2025 Essentials',
    ],
    [
      'eval-id',
      '{ release: "2022", edition: ServerDatacenterEval }',
      'no AVMA key is published for Windows Server 2022 Datacenter Evaluation',
    ],
    [
      'eval-name',
      '{ os: "Windows Server 2019 Standard Evaluation" }',
      'no AVMA key is published for Windows Server 2019 Standard Evaluation',
    ],
    [
      'foundation',
      '{ build: 9600, edition: Foundation }',
      'no AVMA key is published for Windows Server 2012 R2 Foundation',
    ],
    [
      'hvserver',
      '{ os: "Microsoft Hyper-V Server 2019" }',
      'no AVMA key is published for Hyper-V Server 2019',
    ],
    [
      'nested-hci',
      '{ edition: AzureLocal, build: 20348 }',
      'no AVMA key is published for Azure Local (Azure Stack HCI) guests',
    ],
    ['kms', '{ release: "2022" }, activation: other', 'activated another way: declared activation: other'],
    ['win11', '{ os: "Windows 11 Enterprise" }', 'client Windows: AVMA activates Windows Server guests only'],
    ['linux', '{ os: "Ubuntu 24.04 LTS" }', 'not Windows: AVMA activates Windows Server guests only'],
    ['old', '{ release: "2012" }', 'Windows Server 2012 is older than 2012 R2, which AVMA cannot activate'],
    ['ess19', '{ release: "2019", edition: Essentials }', null],
  ];

  it('are not-applicable with the reason, whichever form the fact is declared in; Essentials 2019 stays', async () => {
    const vms = GUESTS.map(([name, guest]) => `      - { name: ${name}, guest: ${guest} }`).join('\n');
    const { code, report } = await checkJson(await files.write('not-avma.yaml', config(vms, STANDARD_NODE)));
    for (const [name, , reason] of GUESTS) {
      const vm = vmOf(report, name);
      if (reason === null) expect(vm, name).toMatchObject({ verdict: 'at-risk', reason: null });
      else
        expect(vm, name).toMatchObject({
          verdict: 'not-applicable',
          reason,
          targets: { ok: [], fail: [], unknown: [] },
        });
    }
    expect(report.counts).toMatchObject({ notApplicable: GUESTS.length - 1, atRisk: 1 });
    expect(code).toBe(1);
  });
});

describe('which guests use AVMA (activation defaults and exceptions)', () => {
  const NODES_WITH_STANDARD = `
    nodes:
      - name: HV01
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true }
      - name: STD
        facts: { release: "2022", edition: Standard, activated: true, hyperV: true }`;
  const VMS = [
    '      - { name: kms-01, guest: { release: "2022" } }',
    '      - { name: lab-1, guest: { release: "2022" } }',
    '      - { name: test-a, guest: { release: "2022" } }',
    '      - { name: app, guest: { release: "2022" } }',
    '      - { name: kms-avma, activation: avma, guest: { release: "2022" } }',
    '      - { name: pinned, possibleOwners: [HV01], guest: { release: "2022" } }',
  ].join('\n');
  const rows = (report: Json) =>
    report.clusters[0].vms.map((vm: Json) => [vm.name, vm.activation, vm.activationBasis, vm.verdict]);

  it('with nothing said, every VM is assumed to use AVMA, and the report says so', async () => {
    const { code, report } = await checkJson(
      await files.write('assumed.yaml', config(VMS, NODES_WITH_STANDARD)),
    );
    expect(rows(report).map((row: Json[]) => row.slice(1, 3))).toContainEqual(['avma', 'assumed']);
    expect(vmOf(report, 'kms-avma')).toMatchObject({ activation: 'avma', activationBasis: 'declared' });
    expect(code).toBe(1);
  });

  it('defaults and patterns apply before per-VM declarations, which still win', async () => {
    const extra = `defaults:
  activation:
    default: other
    exceptions:
      - { vms: "kms-*", activation: other }
      - { vms: ["lab-*", "test-?"], activation: unknown }
`;
    const cluster = `
    activation:
      default: avma
      exceptions:
        - { vms: "KMS-*", activation: other }
        - { vms: ["lab-*", "test-?"], activation: unknown }${NODES_WITH_STANDARD}`;
    const { code, report } = await checkJson(await files.write('patterns.yaml', config(VMS, cluster, extra)));
    expect(rows(report)).toEqual([
      ['kms-01', 'other', 'pattern', 'not-applicable'],
      ['lab-1', 'unknown', 'pattern', 'unknown'],
      ['test-a', 'unknown', 'pattern', 'unknown'],
      ['app', 'avma', 'default', 'at-risk'],
      ['kms-avma', 'avma', 'declared', 'at-risk'],
      ['pinned', 'avma', 'default', 'safe'],
    ]);
    expect(vmOf(report, 'kms-01').reason).toBe(
      'activated another way: its name matches an activation exception with activation: other',
    );
    expect(vmOf(report, 'lab-1').targets).toEqual({
      ok: ['HV01'],
      fail: [],
      unknown: [{ node: 'STD', rules: ['activation-unknown', 'host-not-datacenter'] }],
    });
    expect(report.clusters[0].findings).toContainEqual({
      rule: 'activation-unknown',
      severity: 'unknown',
      vm: 'test-a',
      message: 'test-a would lose activation on STD if it uses AVMA; whether it does is not known',
    });
    expect(code).toBe(1);
  });

  it('a cluster whose default is other, with VMs of unknown activation only: incomplete, never at risk', async () => {
    const extra =
      'defaults:\n  activation: { default: other, exceptions: [{ vms: "lab-*", activation: unknown }] }\n';
    const { code, report } = await checkJson(
      await files.write('unknown.yaml', config(VMS, NODES_WITH_STANDARD, extra)),
    );
    expect(vmOf(report, 'app')).toMatchObject({
      activation: 'other',
      activationBasis: 'default',
      verdict: 'not-applicable',
    });
    expect(vmOf(report, 'lab-1')).toMatchObject({ verdict: 'unknown', gate: 'unknown' });
    expect(report.counts).toEqual({ safe: 0, atRisk: 1, unknown: 1, notApplicable: 4 });
    expect(vmOf(report, 'kms-avma').verdict).toBe('at-risk');
    expect(code).toBe(1);
    const withoutDeclared = config(
      VMS.split('\n')
        .filter((line) => !line.includes('kms-avma'))
        .join('\n'),
      NODES_WITH_STANDARD,
      extra,
    );
    const second = await checkJson(await files.write('unknown2.yaml', withoutDeclared));
    expect(second.report.verdict).toBe('incomplete');
    expect(second.code).toBe(3);
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
