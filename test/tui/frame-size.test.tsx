// Full screen without flicker or wrapping: every frame is at most rows - 1 lines (ink clears the whole screen
// for a frame that fills the terminal) and no line is wider than the terminal, in every view and overlay.
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/analyze/what-if.js';
import { Browser } from '../../src/tui/browser.js';
import { aCluster } from '../helpers/cluster.js';
import { KEYS, plain, renderSized, waitForFrame } from '../helpers/ink.js';
import { judged } from '../helpers/judgement.js';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

const builder = aCluster('lab').node('HV01').node('HV02', { release: '2019', build: 17763 });
for (let i = 0; i < 40; i++)
  builder.vm(`vm${i}-with-a-long-name`, { guest: { release: i % 3 ? '2022' : '2025' } });
const lab = builder.build();

function fits(frame: string, size: { columns: number; rows: number }) {
  const lines = plain(frame).split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
  for (const line of lines) expect(Array.from(line).length, line).toBeLessThanOrEqual(size.columns);
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 60, rows: 16 },
  { columns: 120, rows: 12 },
])('at $columns x $rows', (size) => {
  it('every view, details and help fit the terminal', async () => {
    const app = renderSized(
      <Browser clusters={[lab]} judge={(c, changes) => judged(applyChanges(c, changes))} />,
      size,
    );
    unmount = app.unmount;
    await waitForFrame(app.lastFrame, 'Nodes');
    const steps: [string, string | RegExp][] = [
      [KEYS.enter, 'HV01'],
      ['?', 'Keys'],
      [KEYS.escape, 'Nodes'],
      ['d', 'WHAT-IF'],
      ['2', /vm\d+-with/],
      ['G', /› vm39-/],
      [KEYS.enter, 'Key-Value'],
      [KEYS.escape, /vm\d+-with/],
      ['3', '✓ activatable'],
      ['4', 'guest-newer'],
    ];
    for (const [key, expected] of steps) {
      app.stdin.write(key);
      fits(await waitForFrame(app.lastFrame, expected), size);
    }
    for (const frame of app.frames) fits(frame, size);
  });
});

describe('columns at narrow widths', () => {
  const demo = aCluster('hv-demo')
    .node('HV01')
    .node('HV05', { activated: false, licenseState: 'Notification', state: 'Paused' })
    .vm('web01', { owner: 'HV05' })
    .build();

  it('at 80 columns the Nodes view keeps VMs failing, state and problems; details show the rest', async () => {
    const app = renderSized(
      <Browser clusters={[demo]} judge={(c, changes) => judged(applyChanges(c, changes))} />,
      { columns: 80, rows: 24 },
    );
    unmount = app.unmount;
    const nodes = await waitForFrame(app.lastFrame, 'VMs failing');
    expect(nodes).toMatch(/^ {2}node +VMs failing state +release edition +problems/m);
    expect(nodes).toMatch(/HV05 +1 Paused +2022 +Datacenter +host-not-activated/);
    expect(nodes).not.toContain('activation');
    expect(nodes).toContain('Enter: 2 more columns');
    app.stdin.write(`j${KEYS.enter}`);
    const details = await waitForFrame(app.lastFrame, 'because of HV05');
    expect(details).toMatch(/not activated\s+\(Notification\) · Hyper-V · Paused/);
  });

  it('at 60 columns the VMs view keeps where each VM is activatable', async () => {
    const app = renderSized(
      <Browser clusters={[demo]} judge={(c, changes) => judged(applyChanges(c, changes))} />,
      { columns: 60, rows: 24 },
    );
    unmount = app.unmount;
    await waitForFrame(app.lastFrame, 'Nodes');
    app.stdin.write('2');
    const vms = await waitForFrame(app.lastFrame, 'ok on');
    expect(vms).toMatch(/web01 +at risk +1 of 2 nodes /);
  });

  it('with several clusters, Nodes and VMs have a cluster column', async () => {
    const other = aCluster('hv-other').node('HV01').vm('web01').build();
    const app = renderSized(
      <Browser clusters={[demo, other]} judge={(c, changes) => judged(applyChanges(c, changes))} />,
      { columns: 100, rows: 24 },
    );
    unmount = app.unmount;
    const nodes = await waitForFrame(app.lastFrame, 'VMs failing');
    expect(nodes).toMatch(/^ {2}node +cluster +VMs failing/m);
    expect(nodes).toMatch(/HV01 +hv-demo +0/);
    expect(nodes).toMatch(/HV01 +hv-other +0/);
    app.stdin.write('2');
    const vms = await waitForFrame(app.lastFrame, 'activatable on');
    expect(vms).toMatch(/web01 +hv-demo +at risk/);
    expect(vms).toMatch(/web01 +hv-other +safe/);
  });
});
