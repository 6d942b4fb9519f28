// avma-check demo in a real terminal (tmux), driven by keys as a person would: sorting, the Findings drill-down,
// a filter cleared with Esc, a drain what-if and its plan command, quitting to the plain report; and the same UI
// at 80 columns, where no line may wrap and no frame may be left in the scrollback.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { TmuxSession } from '../helpers/tmux.js';

let session: TmuxSession | null = null;
let dir: string | null = null;
afterEach(() => {
  session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

// ink decides at import whether it runs in CI, so CI is unset here as it would be on an admin's terminal.
const demo = (options: string) =>
  `cd ${ROOT} && env -u CI -u FORCE_COLOR ${options} node bin/avma-check demo --now 2026-11-22`;

/** What the UI draws: lines of the status line and the header, never in the plain report. */
const FRAME_LINE = /\? help · Esc back · q quit|^(avma-check )?hv-demo: FAIL .*(1 Nodes|2 VMs)/m;

it('demo: sort, drill into a finding, clear a filter with Esc, drain a node and print its plan', {
  timeout: 90_000,
}, async () => {
  dir = mkdtempSync(join(tmpdir(), 'avma-tui-'));
  const snapshot = join(dir, 'demo.json');
  session = new TmuxSession(
    `${demo('-u NO_COLOR TERM=xterm-256color')} --save-snapshot ${snapshot}; echo "EXIT=$?"; sleep 300`,
  );
  const nodes = await session.waitFor('1 Nodes');
  expect(nodes).toMatch(/hv-demo: FAIL 3 at risk · 1 unknown · 3 safe/);
  // VMs failing counts the VMs that fail because of the node: HV01 no longer counts kvp-disabled legacy01.
  expect(nodes).toMatch(/HV01 +1 Up +2022/);
  expect(nodes).toMatch(/HV04 +1 Up +2022 +Standard .*host-not-datacenter/);

  session.keys('s');
  expect(await session.waitFor('sort: VMs failing ▼')).toMatch(/› HV03 +2 Up +2019/);

  session.keys('4');
  expect(await session.waitFor('Remedy:')).toMatch(/› HV03 · web01 +web01 runs Windows Server 2022/);
  session.keys('Enter');
  expect(await session.waitFor(/^web01 +at risk/m)).toMatch(/fail +HV03 +web01 runs Windows Server 2022/);
  session.keys('Escape', 'j', 'j', 'j', 'j');
  await session.waitFor(/› HV04 +HV04 runs Standard/);
  session.keys('Enter');
  await session.waitFor('1 VM fails because of HV04: web01');

  session.keys('Escape', '2', '/', 'a', 'p', 'p', 'Enter');
  const filtered = await session.waitFor('filter: app (1 of 8)');
  expect(filtered).toMatch(/› app2025 +at risk/);
  expect(filtered).not.toMatch(/sql01/);
  session.keys('Escape');
  const cleared = await session.waitFor(/sql01[\s\S]*report01/);
  expect(cleared).not.toContain('filter:');

  session.keys('1', 'j', 'j', 'j', 'd');
  const drained = await session.waitFor(/WHAT-IF .*recovered: drain HV04/);
  expect(drained).toMatch(/HV04 +0 drained /);
  expect(drained).toMatch(/0 newly at risk · 0 recovered/);
  session.keys('p');
  expect(await session.waitFor('printed after the report when you quit')).toContain(
    `avma-check plan --snapshot ${snapshot} --now 2026-11-22T00:00:00.000Z --drain HV04`,
  );
  session.keys('Escape', 'q');

  const end = await session.waitFor(/EXIT=\d/);
  // The scrollback: the live rows, the plain report of the cluster as it is, the plan command; no frame.
  expect(end).toMatch(/✓ hv-demo\/HV04 +2022 Standard/);
  expect(end).toMatch(
    /Verdict: FAIL: 3 VMs at risk \(3 at risk, 1 unknown, 3 safe, 1 not using AVMA in 1 cluster; exit code 1\)\n# The what-if as an avma-check plan, for the change request:\navma-check plan --snapshot \S+ --now \S+ --drain HV04\n# \S+ is the snapshot this scan saves \(--save-snapshot\)\.\nEXIT=1/,
  );
  expect(end).not.toMatch(FRAME_LINE);

  // The printed command, run as printed, plans the what-if the UI showed.
  const command = end.match(/^avma-check plan .*$/m)?.[0] ?? '';
  const plan = spawnSync('sh', ['-c', `node bin/avma-check ${command.slice('avma-check '.length)}`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(plan.stdout).toMatch(/Verdict: FAIL: at step 1 \(drain HV04\), 3 VMs at risk/);
});

it('at 80 columns: every frame fits, nothing wraps, and the scrollback holds the report, not frames', {
  timeout: 90_000,
}, async () => {
  session = new TmuxSession(`${demo('-u NO_COLOR TERM=xterm-256color')}; echo "EXIT=$?"; sleep 300`, {
    columns: 80,
    rows: 24,
  });
  const fits = (screen: string) => {
    // capture-pane -J joins a line the terminal wrapped: any such line is longer than the terminal.
    for (const line of screen.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    return screen;
  };
  const nodes = fits(await session.waitFor('VMs failing'));
  expect(nodes).toMatch(/^ {2}node +VMs failing state +release edition +problems/m);
  const steps: [string[], string | RegExp][] = [
    [['Enter'], 'because of HV01'],
    [['Escape', '?'], 'Keys'],
    [['Escape', '2'], 'activatable on'],
    [['j', 'Enter'], /^web01 +at risk/m],
    [['Escape', '3'], 'not activatable'],
    [['4'], 'Remedy:'],
    [['1', 'd'], /WHAT-IF .*recovered: drain HV01/],
  ];
  for (const [keys, expected] of steps) {
    session.keys(...keys);
    fits(await session.waitFor(expected));
  }
  session.keys('q');
  const end = await session.waitFor(/EXIT=\d/);
  expect(end).toMatch(/Verdict: FAIL: 3 VMs at risk/);
  expect(end).not.toMatch(FRAME_LINE);
  expect(end.match(/✓ hv-demo\/HV04 /g)).toHaveLength(1);
  for (const line of end.slice(0, end.indexOf('Cluster hv-demo')).split('\n'))
    expect(line.length, line).toBeLessThanOrEqual(80);
});

it('NO_COLOR: the UI draws no colours, and a resize reflows it', { timeout: 60_000 }, async () => {
  session = new TmuxSession(`${demo('NO_COLOR=1 TERM=xterm-256color')}; echo "EXIT=$?"; sleep 300`);
  await session.waitFor('1 Nodes');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for colour sequences is the point.
  const foreground = /\u001b\[(?:[0-9;]*;)?(3[0-7]|9[0-7]|38;[25])[;m]/;
  expect(session.styledScreen()).not.toMatch(foreground);
  session.resize(70, 30);
  const narrow = await session.waitFor(/^hv-demo: FAIL +1 Nodes +3 at risk/m);
  expect(narrow).toMatch(/^› HV01 +1 +Up +2022/m);
  expect(narrow.split('\n').every((line) => line.length <= 70)).toBe(true);
  session.keys('q');
  expect(await session.waitFor(/EXIT=\d/)).toMatch(/EXIT=1/);
});

it('stdout on a terminal but stdin not (< /dev/null): the plain report, no crash', {
  timeout: 30_000,
}, async () => {
  session = new TmuxSession(
    `cd ${ROOT} && env -u CI TERM=xterm-256color node bin/avma-check check -c clusters.example.yaml --now 2026-11-22 < /dev/null; echo "EXIT=$?"; sleep 300`,
  );
  const screen = await session.waitFor('EXIT=');
  expect(screen).toMatch(/Verdict: FAIL: 3 VMs at risk .*exit code 1\)\nEXIT=1/);
  expect(screen).not.toMatch(/internal error|Raw mode/);
});
