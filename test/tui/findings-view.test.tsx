// The Findings view: every finding, scrolling, the explanation and remedy in full, Enter for the subject.
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/analyze/what-if.js';
import { ruleById } from '../../src/rules/index.js';
import { Browser } from '../../src/tui/browser.js';
import { aCluster } from '../helpers/cluster.js';
import { KEYS, renderSized, waitForFrame } from '../helpers/ink.js';
import { judged } from '../helpers/judgement.js';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

const builder = aCluster('lab')
  .node('HV01')
  .node('HV02')
  .node('HV04', { edition: 'standard', editionId: 'ServerStandard' });
for (let i = 1; i <= 12; i++) builder.vm(`app${String(i).padStart(2, '0')}`, { guest: { release: '2025' } });
const lab = builder.build();

function show(size = { columns: 80, rows: 24 }) {
  const app = renderSized(
    <Browser clusters={[lab]} judge={(c, changes) => judged(applyChanges(c, changes))} />,
    size,
  );
  unmount = app.unmount;
  return app;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('Findings view', () => {
  it('lists every finding of a rule, not three, and scrolls to the last', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('4');
    const first = await waitForFrame(lastFrame, 'guest-newer-than-host (36)');
    expect(first).toMatch(/› HV01 · app01 +app01 runs Windows Server 2025, which HV01/);
    expect(first).toMatch(/^ {2}HV02 · app01 /m);
    expect(first).toMatch(/^ {2}HV04 · app01 /m);
    stdin.write('G');
    const last = await waitForFrame(lastFrame, /› HV04 .*HV04 runs Standard/);
    expect(last).toContain('host-not-datacenter (1)');
    stdin.write('k');
    expect(await waitForFrame(lastFrame, /› HV04 · app12 /)).toContain('guest-newer-than-host');
  });

  it('lists an expired ignore entry, a finding about the run, with where it is', async () => {
    const ignore = {
      file: '.avma-ignore.yaml',
      entries: [
        {
          rule: 'host-not-datacenter',
          node: 'HV04',
          reason: 'replacement ordered',
          expires: '2026-01-01',
          source: '.avma-ignore.yaml:3',
        },
      ],
    };
    const app = renderSized(
      <Browser clusters={[lab]} judge={(c, changes) => judged(applyChanges(c, changes), { ignore })} />,
      { columns: 160, rows: 60 },
    );
    unmount = app.unmount;
    await waitForFrame(app.lastFrame, 'Nodes');
    app.stdin.write('4');
    await waitForFrame(app.lastFrame, 'guest-newer-than-host');
    // Warnings come last: G goes to the last finding.
    app.stdin.write('G');
    const frame = await waitForFrame(app.lastFrame, /› this run/);
    expect(frame).toContain('suppression-expired (1)');
    expect(frame).not.toContain('Enter: details');
    expect(frame).toMatch(
      /this run +\.avma-ignore\.yaml:3: the suppression of host-not-datacenter for HV04 /,
    );
  });

  it('shows the explanation and remedy in full, wrapped to the width', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('4');
    const frame = await waitForFrame(lastFrame, 'Remedy:');
    const rule = ruleById('guest-newer-than-host');
    expect(flat(frame)).toContain(flat(rule?.explanation ?? '?'));
    expect(flat(frame)).toContain(`Remedy: ${flat(rule?.remedy ?? '?')}`);
  });

  it("Enter shows the finding's VM, or its node; Esc comes back", async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('4j');
    await waitForFrame(lastFrame, /› HV02 · app01/);
    stdin.write(KEYS.enter);
    const vm = await waitForFrame(lastFrame, 'runs on HV01');
    expect(vm).toMatch(/^app01 +at risk/m);
    expect(vm).toMatch(/fail +HV04 +HV04 runs Standard/);
    stdin.write(KEYS.escape);
    await waitForFrame(lastFrame, /› HV02 · app01/);
    stdin.write(`G${KEYS.enter}`);
    const node = await waitForFrame(lastFrame, 'because of HV04');
    expect(node).toContain('12 VMs fail because of HV04: app01, app02');
  });

  it('filters by subject, with the count of findings', async () => {
    const { lastFrame, stdin } = show();
    await waitForFrame(lastFrame, 'Nodes');
    stdin.write('4/app07');
    const frame = await waitForFrame(lastFrame, '(3 of 37)');
    expect(frame).toContain('guest-newer-than-host (3)');
    expect(frame).not.toContain('app01');
  });
});
