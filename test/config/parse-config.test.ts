import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { parseConfig } from '../../src/config/parse-config.js';

const VALID = `
clusters:
  - name: c1
    nodes:
      - name: N1
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true }
      - name: N2
        facts: { build: 17763, edition: ServerDatacenterCor, activated: true, hyperV: true }
    vms:
      - name: app
        owner: N1
        possibleOwners: [N1, n2]
        guest: { release: "2019", edition: Standard }
`;

function problems(text: string) {
  try {
    parseConfig(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('reads a valid file, with defaults filled in', () => {
    const config = parseConfig(VALID, 'ok.yaml');
    expect(config.clusters[0]?.vms[0]).toMatchObject({
      kvp: true,
      possibleOwners: ['N1', 'n2'],
    });
    // Left out: the cluster's activation settings decide (config/activation.ts), not a schema default.
    expect(config.clusters[0]?.vms[0]?.activation).toBeUndefined();
    expect(config.clusters[0]?.nodes[1]?.facts).toMatchObject({
      build: 17763,
      edition: { family: 'datacenter' },
    });
  });

  it('accepts unquoted releases and every documented key', () => {
    const config = parseConfig(
      `defaults:
  ssh: { username: scan, port: 2222, privateKeyPath: ~/.ssh/id, knownHostsPath: ~/.ssh/known_hosts }
  activation:
    default: other
    exceptions:
      - { vms: "avma-*", activation: avma }
clusters:
  - name: c
    activation:
      default: unknown
      exceptions:
        - { vms: "kms-*", activation: other }
        - { vms: ["lab-*", "test-?"], activation: unknown }
    nodes:
      - name: N1
        host: n1.example.test
        facts: { release: 2022, edition: Datacenter, activated: true, activationExpires: 2027-01-31, hyperV: true, state: Paused, drainStatus: Completed }
      - name: N2
        facts: { edition: AzureLocal, azureLocalAvma: 2022, activated: true, hyperV: true }
    vms:
      - { name: a, kvp: false, activation: other, guest: { os: "Windows Server 2016 Standard" } }
      - { name: u, activation: unknown }
      - { name: b, guest: { build: 20348 } }
`,
      'ok.yaml',
    );
    expect(config.clusters[0]?.nodes[0]?.facts).toMatchObject({
      release: '2022',
      activationExpires: '2027-01-31T00:00:00.000Z',
      state: 'Paused',
      drainStatus: 'Completed',
    });
    expect(config.clusters[0]?.nodes[1]?.facts?.azureLocalAvma).toBe('2022');
    expect(config.defaults?.activation).toEqual({
      default: 'other',
      exceptions: [{ vms: 'avma-*', activation: 'avma' }],
    });
    expect(config.clusters[0]?.activation?.exceptions[1]).toEqual({
      vms: ['lab-*', 'test-?'],
      activation: 'unknown',
    });
  });

  it.each([
    {
      what: 'broken YAML',
      text: 'clusters:\n  - name: c\n    nodes: [\n',
      line: 4,
      key: null,
      message: /invalid YAML/,
    },
    {
      what: 'a duplicate YAML key',
      text: 'clusters:\n  - name: c\n    name: d\n    nodes: []\n',
      line: 3,
      key: null,
      message: /invalid YAML: Map keys must be unique/,
    },
    {
      what: 'an unknown key, at the key itself',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { edtion: Datacenter }\n',
      line: 5,
      key: 'clusters[0].nodes[0].facts.edtion',
      message: /unknown key/,
    },
    {
      what: 'a wrong type',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts:\n          activated: "yes"\n',
      line: 6,
      key: 'clusters[0].nodes[0].facts.activated',
      message: /^expected true or false, not the text "yes"$/,
    },
    {
      what: 'a number where a text is expected: the wrong type, never "required"',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: 42\n',
      line: 4,
      key: 'clusters[0].nodes[0].name',
      message: /^expected a name \(text\), not the number 42$/,
    },
    {
      what: 'a secret pasted where a variable name belongs: its type only, never its value',
      text: 'defaults:\n  ssh:\n    passwordEnv: 20481024\nclusters:\n  - name: c\n    nodes: [{ name: N1 }]\n',
      line: 3,
      key: 'defaults.ssh.passwordEnv',
      message: /^expected the name of an environment variable, not a number$/,
    },
    {
      what: 'an unknown edition',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { edition: Premium }\n',
      line: 5,
      key: 'clusters[0].nodes[0].facts.edition',
      message: /unknown edition "Premium"/,
    },
    {
      what: 'an unknown release',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { release: "2030" }\n',
      line: 5,
      key: 'clusters[0].nodes[0].facts.release',
      message: /unknown release "2030"/,
    },
    {
      what: 'a missing name',
      text: 'clusters:\n  - nodes:\n      - name: N1\n',
      line: 2,
      key: 'clusters[0].name',
      message: /required/,
    },
    {
      what: 'a cluster without nodes',
      text: 'clusters:\n  - name: c\n    nodes: []\n',
      line: 3,
      key: 'clusters[0].nodes',
      message: /at least one node/,
    },
    {
      what: 'a VM owner that is not a node of its cluster',
      text: 'clusters:\n  - name: c\n    nodes: [{ name: N1 }]\n    vms:\n      - name: app\n        owner: N9\n',
      line: 6,
      key: 'clusters[0].vms[0].owner',
      message: /"N9" is not a node of cluster c \(N1\)/,
    },
    {
      what: 'a possible owner that is not a node',
      text: 'clusters:\n  - name: c\n    nodes: [{ name: N1 }]\n    vms:\n      - name: app\n        possibleOwners: [N1, N2]\n',
      line: 6,
      key: 'clusters[0].vms[0].possibleOwners[1]',
      message: /"N2" is not a node/,
    },
    {
      what: 'duplicate node names (Windows names ignore case)',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n      - name: n1\n',
      line: 5,
      key: 'clusters[0].nodes[1].name',
      message: /duplicate node name "n1"/,
    },
    {
      what: 'duplicate VM names',
      text: 'clusters:\n  - name: c\n    nodes: [{ name: N1 }]\n    vms: [{ name: a }, { name: a }]\n',
      line: 4,
      key: 'clusters[0].vms[1].name',
      message: /duplicate VM name/,
    },
    {
      what: 'duplicate cluster names',
      text: 'clusters:\n  - name: c\n    nodes: [{ name: N1 }]\n  - name: c\n    nodes: [{ name: N1 }]\n',
      line: 4,
      key: 'clusters[1].name',
      message: /duplicate cluster name/,
    },
    {
      what: 'a release that contradicts the build',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { release: "2022", build: 17763 }\n',
      line: 5,
      key: 'clusters[0].nodes[0].facts.build',
      message: /node N1: build 17763 is Windows Server 2019, but release says Windows Server 2022/,
    },
    {
      what: 'a guest release that contradicts the guest build',
      text: 'clusters:\n  - name: c\n    nodes: [{ name: N1 }]\n    vms:\n      - name: app01\n        guest: { release: "2019", build: 20348 }\n',
      line: 6,
      key: 'clusters[0].vms[0].guest.build',
      message: /VM app01: build 20348 is Windows Server 2022, but release says Windows Server 2019/,
    },
    {
      what: 'an owner outside the possible owners',
      text: 'clusters:\n  - name: c\n    nodes: [{ name: N1 }, { name: N2 }]\n    vms:\n      - { name: a, owner: N2, possibleOwners: [N1] }\n',
      line: 5,
      key: 'clusters[0].vms[0].owner',
      message: /not among its possibleOwners/,
    },
    {
      what: 'an empty guest',
      text: 'clusters:\n  - name: c\n    nodes: [{ name: N1 }]\n    vms: [{ name: a, guest: {} }]\n',
      line: 4,
      key: 'clusters[0].vms[0].guest',
      message: /at least one of release, edition, os or build/,
    },
    {
      what: 'a password in the file',
      text: 'defaults:\n  ssh: { password: hunter2 }\nclusters:\n  - name: c\n    nodes: [{ name: N1 }]\n',
      line: 2,
      key: 'defaults.ssh.password',
      message: /unknown key/,
    },
    {
      what: 'a date that is not one',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { activationExpires: soon }\n',
      line: 5,
      key: 'clusters[0].nodes[0].facts.activationExpires',
      message: /"soon" is not a date/,
    },
    {
      what: 'an activation channel that is not one',
      text: 'clusters:\n  - name: c\n    activation: { default: kms }\n    nodes: [{ name: N1 }]\n',
      line: 3,
      key: 'clusters[0].activation.default',
      message: /avma, other, unknown/,
    },
    {
      what: 'an exception without a pattern',
      text: 'defaults:\n  activation:\n    exceptions:\n      - { vms: [], activation: other }\nclusters:\n  - name: c\n    nodes: [{ name: N1 }]\n',
      line: 4,
      key: 'defaults.activation.exceptions[0].vms',
      message: /at least one pattern/,
    },
    {
      what: 'an unknown key in the activation settings',
      text: 'defaults:\n  activation: { defualt: other }\nclusters:\n  - name: c\n    nodes: [{ name: N1 }]\n',
      line: 2,
      key: 'defaults.activation.defualt',
      message: /unknown key/,
    },
    {
      what: 'a drain status that is not one',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { drainStatus: Draining }\n',
      line: 5,
      key: 'clusters[0].nodes[0].facts.drainStatus',
      message: /NotInitiated, InProgress, Completed, Failed/,
    },
    {
      what: 'an impossible date, not a roll-over into March',
      text: 'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { activationExpires: 2026-02-30 }\n',
      line: 5,
      key: 'clusters[0].nodes[0].facts.activationExpires',
      message: /"2026-02-30" is not a date/,
    },
  ])('refuses $what with the line and key', ({ text, line, key, message }) => {
    const [problem] = problems(text);
    expect(problem?.line).toBe(line);
    expect(problem?.key).toBe(key);
    expect(problem?.message).toMatch(message);
  });

  it('refuses an empty file and a file that is not a mapping', () => {
    expect(problems('')[0]?.message).toMatch(/empty/);
    expect(problems('- just\n- a list\n')[0]?.message).toMatch(/expected object/);
  });

  it('names every problem, file:line:column first', () => {
    try {
      parseConfig(
        'clusters:\n  - name: c\n    nodes:\n      - name: N1\n        facts: { hyperv: true, edition: Foo }\n',
        'x.yaml',
      );
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        'x.yaml:5:18: clusters[0].nodes[0].facts.hyperv: unknown key (check its spelling against the README)',
        expect.stringMatching(
          /^x\.yaml:5:41: clusters\[0\]\.nodes\[0\]\.facts\.edition: unknown edition "Foo"/,
        ),
      ]);
      return;
    }
    throw new Error('expected a ConfigError');
  });
});

it('refuses a YAML alias bomb instead of expanding it', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    levels.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(', ')}]`,
    );
  const [problem] = problems(`${levels.join('\n')}\nclusters: []\n`);
  expect(problem?.message).toMatch(/invalid YAML: .*alias/i);
});

describe('parseConfig of JSON', () => {
  const json = JSON.stringify(
    {
      clusters: [
        {
          name: 'c1',
          nodes: [
            { name: 'N1', facts: { release: '2022', edition: 'Datacenter', activated: true, hyperV: true } },
            { name: 'N2', facts: { build: 17763, edition: 'ServerDatacenterCor', activated: true } },
          ],
          vms: [{ name: 'app', owner: 'N1', possibleOwners: ['N1', 'n2'], guest: { release: '2019' } }],
        },
      ],
    },
    null,
    2,
  );

  it('reads the same config as the YAML parser does from the same text', () => {
    // A comment makes the same text YAML only: the YAML parser reads it.
    expect(parseConfig(json, 'c.json')).toEqual(parseConfig(`# yaml\n${json}`, 'c.yaml'));
  });

  it('names the line and column of each problem, as for YAML', () => {
    const bad = json
      .replace('"edition": "Datacenter"', '"edition": "Enterprize"')
      .replace('"activated": true,\n            "hyperV"', '"activated": true,\n            "hyperv"');
    const found = problems(bad);
    expect(found.map((p) => [p.line, p.column, p.key])).toEqual([
      [10, 24, 'clusters[0].nodes[0].facts.edition'],
      [12, 13, 'clusters[0].nodes[0].facts.hyperv'],
    ]);
    // The same text read as YAML (one line further down) puts them in the same places.
    const asYaml = problems(`# yaml\n${bad}`);
    expect(asYaml.map((p) => [(p.line ?? 0) - 1, p.column, p.key])).toEqual(
      found.map((p) => [p.line, p.column, p.key]),
    );
    const owner = problems(json.replace('"owner": "N1"', '"owner": "N9"'));
    expect(owner.map((p) => [p.line, p.column, p.key])).toEqual([[27, 20, 'clusters[0].vms[0].owner']]);
  });

  it('refuses a key given twice, with its line, as the YAML parser does', () => {
    const twice = json.replace('"name": "c1",', '"name": "c1",\n      "name": "c2",');
    expect(problems(twice)).toEqual([
      expect.objectContaining({ line: 5, column: 7, message: 'invalid YAML: Map keys must be unique' }),
    ]);
  });
});
