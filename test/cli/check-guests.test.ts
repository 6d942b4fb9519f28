// Which guests are judged, through `check` on declared configs (domain.md section 0): guests with no published
// AVMA key, and the activation channel set by defaults, name patterns and per-VM declarations.
import { describe, expect, it } from 'vitest';
import { checkJson, declaredConfig as config, type Json, tempFiles, vmOf } from '../helpers/run-main.js';

const files = tempFiles();

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
      unknown: [{ nodes: ['STD'], rules: ['activation-unknown', 'host-not-datacenter'] }],
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
