// The plan command printed for a what-if: the right flags, and names from the nodes quoted so that a shell
// reads them back exactly, or refused when they hold control characters.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE } from '../../src/analyze/gate.js';
import type { Change } from '../../src/analyze/what-if.js';
import {
  type PlanCommandInput,
  planCommand,
  planCommandText,
  shellQuote,
} from '../../src/cli/plan-command.js';
import { aCluster } from '../helpers/cluster.js';

const lab = aCluster('lab').node('HV03').node('HV04').build();
const judge = {
  gate: DEFAULT_GATE,
  ignoreFile: undefined,
  baseline: undefined,
  expiryWarningDays: 30,
  now: undefined,
};
const fromConfig: PlanCommandInput = {
  source: { kind: 'config', file: 'clusters.yaml' },
  judge,
  ignoreFile: undefined,
  clusters: [lab],
};
const drain = (node: string, cluster = 'lab'): Change => ({ kind: 'drain', cluster, node });

/** The words a shell makes of the command line (sh and bash must agree). */
function shellWords(command: string): string[] {
  const script = `set -- ${command}; printf '%s\\0' "$@"`;
  const [sh, bash] = ['sh', 'bash'].map((shell) =>
    execFileSync(shell, ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1),
  );
  expect(bash).toEqual(sh);
  return sh ?? [];
}

describe('planCommand', () => {
  it('names the input and one flag per change, in the order plan runs them', () => {
    const changes: Change[] = [
      { kind: 'upgrade', cluster: 'lab', node: 'HV03', release: '2025' },
      drain('HV04'),
    ];
    expect(planCommand(fromConfig, changes)).toEqual({
      command: 'avma-check plan --config clusters.yaml --drain HV04 --upgrade HV03=2025',
      notes: ['Each change is a step of the plan; its last step is the what-if as shown.'],
    });
    const snapshot = { ...fromConfig, source: { kind: 'snapshot', file: 'scan.json' } } as const;
    expect(planCommand(snapshot, [{ kind: 'evict', cluster: 'lab', node: 'HV03' }])).toEqual({
      command: 'avma-check plan --snapshot scan.json --evict HV03',
      notes: [],
    });
  });

  it('a scan is reproduced from its snapshot: the one it saves, or one to save', () => {
    const saved = planCommand({ ...fromConfig, source: { kind: 'scan', savedSnapshot: 'scan.json' } }, [
      drain('HV04'),
    ]);
    expect(saved).toMatchObject({ command: 'avma-check plan --snapshot scan.json --drain HV04' });
    const unsaved = planCommand({ ...fromConfig, source: { kind: 'scan', savedSnapshot: undefined } }, [
      drain('HV04'),
    ]);
    expect(unsaved).toMatchObject({ command: 'avma-check plan --snapshot SNAPSHOT.json --drain HV04' });
    expect('notes' in unsaved && unsaved.notes[0]).toMatch(/saved none, so scan again with --save-snapshot/);
  });

  it('keeps the run’s judgement options, and names nodes as CLUSTER/NODE when there are several clusters', () => {
    const other = aCluster('dr').node('HV04').build();
    const input: PlanCommandInput = {
      ...fromConfig,
      clusters: [lab, other],
      ignoreFile: 'ops/.avma-ignore.yaml',
      judge: {
        ...judge,
        gate: { failOn: 'warning', unknown: 'pass' },
        baseline: 'last.json',
        expiryWarningDays: 14,
        now: new Date('2026-11-22T00:00:00.000Z'),
      },
    };
    expect(planCommand(input, [drain('HV04', 'dr')])).toMatchObject({
      command:
        'avma-check plan --config clusters.yaml --ignore-file ops/.avma-ignore.yaml --baseline last.json ' +
        '--fail-on warning --unknown pass --expiry-warning-days 14 --now 2026-11-22T00:00:00.000Z --drain dr/HV04',
    });
  });

  it.each([['HV 01'], ["it's"], ['$(touch owned)'], ['`id`; rm -rf ~'], ['-x'], ['=cmd'], ['*']])(
    'quotes %j so that the shell reads it back as it was',
    (name) => {
      const cluster = aCluster('lab').node(name).build();
      const plan = planCommand({ ...fromConfig, clusters: [cluster] }, [drain(name)]);
      if (!('command' in plan)) throw new Error(plan.error);
      const words = shellWords(plan.command);
      const at = words.findIndex((word) => word.startsWith('--drain'));
      expect(words[at] === '--drain' ? words[at + 1] : words[at]?.slice('--drain='.length)).toBe(name);
    },
  );

  it.each([['N\u001b[2J1'], ['web\u0007'], ['evil\u202eexe.txt'], ['a\nb']])(
    'refuses %j, showing it escaped, never raw',
    (name) => {
      const plan = planCommand(fromConfig, [drain(name)]);
      expect(plan).toHaveProperty('error');
      const text = planCommandText(plan);
      expect(text).toMatch(/^# No plan command for this what-if: the node name ".*" has control characters/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
      expect(text.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    },
  );

  it('refuses a slash in a name, which plan would read as CLUSTER/NODE', () => {
    expect(planCommand(fromConfig, [drain('a/b')])).toEqual({
      error: 'the node name "a/b" has a slash: write the plan as a plan file instead',
    });
  });
});

describe('shellQuote', () => {
  it('leaves plain words bare and single-quotes the rest', () => {
    expect(shellQuote('HV04=2025')).toBe('HV04=2025');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("a'b")).toBe("'a'\\''b'");
  });
});
