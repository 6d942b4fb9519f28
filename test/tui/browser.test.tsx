// The browsing UI with ink-testing-library: views, keys, details, filter, what-if, a cluster at the Windows
// maximum, and hostile names.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { applyChanges } from '../../src/analyze/what-if.js';
import { Browser } from '../../src/tui/browser.js';
import * as sorting from '../../src/tui/sorting.js';
import { aCluster } from '../helpers/cluster.js';
import { KEYS, waitForFrame } from '../helpers/ink.js';
import { judged } from '../helpers/judgement.js';

const cluster = aCluster('lab')
  .node('HV01')
  .node('HV02', { release: '2019', build: 17763 })
  .node('HV03', { edition: 'standard', editionId: 'ServerStandard' })
  .vm('web01')
  .vm('old01', { guest: { release: '2016' }, possibleOwners: ['HV01', 'HV02'] })
  .vm('pinned', { possibleOwners: ['HV01'] })
  .build();

// The real sort, counted: moving the cursor must not sort again.
vi.mock('../../src/tui/sorting.js', async (original) => {
  const actual = await original<typeof import('../../src/tui/sorting.js')>();
  return { ...actual, sortRows: vi.fn(actual.sortRows) };
});

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function show(clusters = [cluster]) {
  const app = render(
    <Browser clusters={clusters} judge={(c, changes) => judged(applyChanges(c, changes))} />,
  );
  unmount = app.unmount;
  return app;
}

describe('Browser', () => {
  it('opens on the Nodes view with the verdict in the header', async () => {
    const { lastFrame } = show();
    const frame = await waitForFrame(lastFrame, 'Nodes');
    expect(frame).toMatch(/lab: FAIL 1 at risk · 0 unknown · 2 safe/);
    expect(frame).toMatch(/› HV01 +0 +Up +2022 +Datacenter/);
    expect(frame).toMatch(/HV03 +1 +Up +2022 +Standard .* host-not-datacenter\s*$/m);
  });

  it("the header follows the run's own judgement: accepted findings pass, as the exit code does", async () => {
    const ignore = {
      file: '.avma-ignore.yaml',
      entries: [
        { rule: 'host-not-datacenter', reason: 'replacement ordered', source: '.avma-ignore.yaml:2' },
        {
          rule: 'guest-newer-than-host',
          node: 'HV02',
          reason: 'upgrade this week',
          source: '.avma-ignore.yaml:4',
        },
      ],
    };
    const app = render(
      <Browser clusters={[cluster]} judge={(c, changes) => judged(applyChanges(c, changes), { ignore })} />,
    );
    unmount = app.unmount;
    expect(await waitForFrame(app.lastFrame, 'Nodes')).toMatch(/lab: PASS 1 at risk · 0 unknown · 2 safe/);
  });

  it('switches views with 1-4 and Tab', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('2');
    expect(await waitForFrame(lastFrame, 'activatable on')).toMatch(/web01 +at risk .* 1 of 3 nodes/);
    stdin.write('3');
    const matrix = await waitForFrame(lastFrame, 'not a possible owner');
    expect(matrix).toMatch(/web01 +✓ +✗ +✗/);
    expect(matrix).toMatch(/pinned +✓ +· +·/);
    stdin.write(KEYS.tab);
    expect(await waitForFrame(lastFrame, 'Remedy:')).toMatch(/error +guest-newer-than-host/);
  });

  it('Enter shows every reason for the selected VM, per target', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('2');
    await waitForFrame(lastFrame, 'activatable on');
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, 'Key-Value Pair Exchange on');
    expect(frame).toMatch(/fail +HV02 +web01 runs Windows Server 2022, which HV02 on/);
    expect(frame).toContain('[guest-newer-than-host]');
    expect(frame).toMatch(/fail +HV03 +HV03 runs Standard/);
    expect(frame).toMatch(/ok +HV01/);
  });

  it('details say what a verdict rests on: AVMA assumed, stale guest facts, why a VM is not judged, a drain', async () => {
    const remarks = aCluster('r')
      .node('N1', { drainStatus: 'InProgress', avmaRequests30d: 3 })
      .vm('asleep', { state: 'Saved', activationBasis: 'declared', guest: { stale: true } })
      .vm('assumed')
      .vm('kms', { activation: 'other', activationBasis: 'declared' })
      .build();
    const { lastFrame, stdin } = show([remarks]);
    expect(await waitForFrame(lastFrame, 'Nodes')).toMatch(/N1 .*Up, drain/);
    stdin.write(KEYS.enter);
    expect(await waitForFrame(lastFrame, 'No VM fails because of N1')).toMatch(
      /Up, draining · 3 AVMA\s+requests in 30 days/,
    );
    stdin.write(KEYS.escape);
    stdin.write('2');
    await waitForFrame(lastFrame, 'activatable on');
    stdin.write(KEYS.enter);
    expect(await waitForFrame(lastFrame, 'guest facts from when it last ran')).toContain('(VM Saved)');
    stdin.write(KEYS.escape);
    stdin.write('j');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'AVMA assumed');
    stdin.write(KEYS.escape);
    stdin.write('j');
    stdin.write(KEYS.enter);
    expect(await waitForFrame(lastFrame, 'does not use AVMA, not judged')).toMatch(/activated another way/);
  });

  it("a node's details name the VMs that fail because of it, and its own problems", async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('jj');
    await waitForFrame(lastFrame, /› HV03/);
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, 'because of HV03');
    expect(frame).toContain('1 VM fails because of HV03: web01');
    expect(frame).toMatch(/host-not-datacenter: HV03 runs Standard/);
  });

  it('/ filters by name, f shows only VMs at risk', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('2');
    await waitForFrame(lastFrame, 'activatable on');
    stdin.write('f');
    const atRisk = await waitForFrame(lastFrame, 'at-risk only (1 of 3)');
    expect(atRisk).toContain('web01');
    expect(atRisk).not.toContain('old01');
    stdin.write('f');
    stdin.write('/');
    stdin.write('old');
    const filtered = await waitForFrame(lastFrame, 'filter: /old█ (1 of 3)');
    expect(filtered).toContain('old01');
    expect(filtered).not.toContain('web01');
  });

  it("Esc clears a filter; a view's filter never empties another view", async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('2');
    await waitForFrame(lastFrame, 'activatable on');
    stdin.write('/web');
    await waitForFrame(lastFrame, 'filter: /web█');
    stdin.write(KEYS.enter);
    const kept = await waitForFrame(lastFrame, 'filter: web (1 of 3)');
    expect(kept).not.toContain('old01');
    stdin.write('1');
    const nodes = await waitForFrame(lastFrame, /^ {2}node /m);
    expect(nodes).toMatch(/HV01[\s\S]*HV02[\s\S]*HV03/);
    expect(nodes).not.toContain('filter:');
    stdin.write('2');
    await waitForFrame(lastFrame, 'filter: web (1 of 3)');
    stdin.write(KEYS.escape);
    const cleared = await waitForFrame(lastFrame, /old01/);
    expect(cleared).toContain('web01');
    expect(cleared).not.toContain('filter:');
    stdin.write('/zz');
    await waitForFrame(lastFrame, 'filter: /zz█ (0 of 3)');
    stdin.write(KEYS.escape);
    expect(await waitForFrame(lastFrame, /old01/)).not.toContain('filter:');
  });

  it('what-if: draining a node updates the verdicts at once, with a marker, and r resets', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('jj');
    await waitForFrame(lastFrame, /› HV03/);
    stdin.write('d');
    const drained = await waitForFrame(lastFrame, /WHAT-IF .*recovered: drain HV03/);
    expect(drained).toMatch(/lab: FAIL 1 at risk/);
    stdin.write('k');
    stdin.write('u');
    await waitForFrame(lastFrame, 'ran another release');
    stdin.write('4');
    // The counts come first: a narrow terminal cuts the list of changes, never them.
    const upgraded = await waitForFrame(lastFrame, /WHAT-IF +PASS · 0 at risk[^\n]*drain HV03; upgrade HV02/);
    // The header keeps the run's verdict (the exit code's); the banner says what the changes would lead to.
    expect(upgraded).toMatch(/lab: FAIL 1 at risk · 0 unknown · 2 safe/);
    expect(upgraded).toMatch(
      /WHAT-IF +PASS · 0 at risk · 0 newly at risk · 1 recovered: drain HV03; upgrade/,
    );
    stdin.write('r');
    const reset = await waitForFrame(lastFrame, /lab: FAIL/);
    expect(reset).not.toContain('WHAT-IF');
  });

  it('what-if marks the VMs it changes, counted in the banner, and sorts them first', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('d');
    expect(await waitForFrame(lastFrame, /WHAT-IF .*recovered: drain HV01/)).toMatch(
      /1 newly at risk · 0 recovered/,
    );
    stdin.write('2');
    const vms = await waitForFrame(lastFrame, 'what-if');
    expect(vms).toMatch(/pinned +at risk +newly at risk +— /);
    expect(vms).toMatch(/web01 +at risk +0 of 2 nodes/);
    stdin.write('sss');
    expect(await waitForFrame(lastFrame, 'sort: what-if ▲')).toMatch(/› pinned +at risk +newly at risk/);
    stdin.write(KEYS.enter);
    expect(await waitForFrame(lastFrame, 'no node left')).toMatch(
      /pinned +at risk \(what-if: newly at risk\)/,
    );
    stdin.write(`${KEYS.escape}1`);
    await waitForFrame(lastFrame, /› HV01/);
    stdin.write('d');
    // The frame with no what-if left.
    await waitForFrame(lastFrame, /^(?![\s\S]*WHAT-IF)[\s\S]*› HV01/);
  });

  it('p shows the what-if as a plan command, to be printed on quit; without a what-if it says what to do', async () => {
    const quits: unknown[] = [];
    const app = render(
      <Browser
        clusters={[cluster]}
        judge={(c, changes) => judged(applyChanges(c, changes))}
        planCommand={(changes) => ({
          command: `avma-check plan --config c.yaml ${changes.map((c) => `--${c.kind} ${c.node}`).join(' ')}`,
          notes: ['a note'],
        })}
        onQuit={(result) => quits.push(result)}
      />,
    );
    unmount = app.unmount;
    const { lastFrame, stdin } = app;
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('p');
    await waitForFrame(lastFrame, 'no what-if to plan yet');
    stdin.write('jjd');
    await waitForFrame(lastFrame, /WHAT-IF .*recovered: drain HV03/);
    stdin.write('p');
    const plan = await waitForFrame(lastFrame, 'printed after the report when you quit');
    expect(plan).toContain('avma-check plan --config c.yaml --drain HV03');
    expect(plan).toContain('a note');
    stdin.write(KEYS.escape);
    // The status line says so with the plan shown too: wait for the Nodes view to be back.
    const back = await waitForFrame(lastFrame, /^ {2}node /m);
    expect(back).toContain('plan command printed on quit');
    expect(back).not.toContain('a note');
    stdin.write('q');
    await waitForFrame(() => (quits.length > 0 ? 'quit' : ''), 'quit');
    expect(quits).toEqual([{ plan: [{ kind: 'drain', cluster: 'lab', node: 'HV03' }] }]);
  });

  it('quitting prints no plan command unless p asked for one', async () => {
    const quits: unknown[] = [];
    const app = render(
      <Browser
        clusters={[cluster]}
        judge={(c, changes) => judged(applyChanges(c, changes))}
        onQuit={(result) => quits.push(result)}
      />,
    );
    unmount = app.unmount;
    await waitForFrame(app.lastFrame, 'Nodes');
    app.stdin.write('dpp');
    await waitForFrame(app.lastFrame, /WHAT-IF[\s\S]*› HV01/);
    app.stdin.write('q');
    await waitForFrame(() => (quits.length > 0 ? 'quit' : ''), 'quit');
    expect(quits).toEqual([{ plan: null }]);
  });

  it('? shows the keys, scrolling', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('?');
    expect(await waitForFrame(lastFrame, 'Keys')).toMatch(/↑ k +move up/);
    stdin.write('G');
    expect(await waitForFrame(lastFrame, 'Choosing a release')).toMatch(/1 2 3 4 5 +that release/);
  });

  it('a 64-node, 8,000-VM cluster renders only what fits, moves at once, and takes a what-if', async () => {
    const big = syntheticCluster();
    const { lastFrame, stdin } = show([big]);
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('3');
    const frame = await waitForFrame(lastFrame, 'not a possible owner');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame).toMatch(/› vm-00000/);
    stdin.write('ssss');
    await waitForFrame(lastFrame, /VM \(VM ▲\)/);
    const sorts = vi.mocked(sorting.sortRows).mock.calls.length;
    const started = Date.now();
    stdin.write('j'.repeat(30));
    await waitForFrame(lastFrame, /› vm-00030/);
    expect(vi.mocked(sorting.sortRows).mock.calls.length).toBe(sorts);
    stdin.write(KEYS.right.repeat(1));
    expect(Date.now() - started).toBeLessThan(3000);
    stdin.write('1d');
    const drained = await waitForFrame(lastFrame, /WHAT-IF .*recovered: drain HV01/, 20_000);
    expect(drained).toMatch(/\d+ newly at risk · \d+ recovered/);
  });

  it('s sorts by the next column, marked in the header, S reverses', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('s');
    const byFailing = await waitForFrame(lastFrame, 'sort: VMs failing ▼');
    expect(byFailing).toMatch(/VMs failing▼/);
    expect(byFailing).toMatch(/› HV02 +1 [\s\S]*HV03 +1 [\s\S]*HV01 +0 /);
    stdin.write('S');
    expect(await waitForFrame(lastFrame, 'sort: VMs failing ▲')).toMatch(/› HV01 +0 /);
    stdin.write('2s');
    const byVerdict = await waitForFrame(lastFrame, 'sort: verdict ▲');
    expect(byVerdict).toMatch(/› web01 +at risk/);
    stdin.write('s');
    expect(await waitForFrame(lastFrame, 'sort: activatable on ▲')).toMatch(/› web01 +at risk +1 of 3/);
  });

  it('the cursor stays on its node when a what-if reorders the rows, so d again undoes the drain', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('s');
    await waitForFrame(lastFrame, /› HV02 +1 [\s\S]*HV03 +1 /);
    stdin.write('d');
    // Drained, HV02 fails no VM and sorts last; the cursor went with it.
    const drained = await waitForFrame(
      lastFrame,
      /WHAT-IF .*recovered: drain HV02\n[\s\S]*› HV02 +0 drained/,
    );
    expect(drained).toMatch(/HV03 +1 [\s\S]*› HV02/);
    stdin.write('d');
    const undone = await waitForFrame(lastFrame, /^(?![\s\S]*WHAT-IF)[\s\S]*› HV02 +1 /);
    expect(undone).not.toContain('HV03 +0 drained');
  });

  it('the Matrix shows one cluster at a time; c goes to the next', async () => {
    const other = aCluster('dr').node('DR1').node('DR2').vm('dr-app').build();
    const { lastFrame, stdin } = show([cluster, other]);
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('3');
    const lab = await waitForFrame(lastFrame, 'cluster lab (1 of 2; c: next cluster)');
    expect(lab).toMatch(/VM +HV01 +HV02 +HV03/);
    expect(lab).not.toContain('dr-app');
    stdin.write('c');
    const dr = await waitForFrame(lastFrame, 'cluster dr (2 of 2');
    expect(dr).toMatch(/VM +DR1 +DR2\s*$/m);
    expect(dr).toMatch(/› dr-app +✓ +✓/);
    expect(dr).not.toContain('web01');
    stdin.write('/dr');
    await waitForFrame(lastFrame, 'filter: /dr█ (1 of 1)');
  });

  it('shows remote strings sanitised, in every view and in details', async () => {
    const hostile = aCluster('c\u001b]0;title\u0007')
      .node('N\u001b[2J1', { edition: 'standard', editionId: 'Server\u001b[31mStandard' })
      .node('N2')
      .vm('vm\u001b]0;owned\u0007\u202eevil', { guest: { release: '2025' } })
      .build();
    const other = aCluster('d').node('N3').vm('ok').build();
    const { lastFrame, stdin, frames } = show([hostile, other]);
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'because of N1: vm evil');
    stdin.write(`${KEYS.escape}2`);
    expect(await waitForFrame(lastFrame, 'activatable on')).toContain('vm evil');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'Key-Value');
    stdin.write(`${KEYS.escape}3`);
    expect(await waitForFrame(lastFrame, 'not activatable')).toContain('cluster c (1 of 2');
    stdin.write('4');
    await waitForFrame(lastFrame, 'Remedy:');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, /because of|Key-Value/);
    // ink's own colours aside, no escape or control character reaches the terminal.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    const colours = /\u001b\[[0-9;]*m/g;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]|\]0;|\[2J|\[31mStandard/;
    for (const frame of frames) expect(frame.replace(colours, '')).not.toMatch(controls);
  });
});
