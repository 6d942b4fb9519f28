// avma-check demo in a real terminal (tmux), driven by keys as a person would: views, a drain what-if, quit.
import { afterEach, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { TmuxSession } from '../helpers/tmux.js';

let session: TmuxSession | null = null;
afterEach(() => session?.close());

it('demo in a terminal: walk the views, drain a node, quit with the report in the scrollback', {
  timeout: 90_000,
}, async () => {
  // ink decides at import whether it runs in CI, so CI is unset here as it would be on an admin's terminal.
  session = new TmuxSession(
    `cd ${ROOT} && env -u CI -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color node bin/avma-check demo --now 2026-11-22; echo "EXIT=$?"; sleep 300`,
  );
  const nodes = await session.waitFor('1 Nodes');
  expect(nodes).toMatch(/hv-demo: FAIL 3 at risk · 1 unknown · 3 safe/);

  session.keys('2');
  expect(await session.waitFor('activatable on')).toMatch(/app2025 +at risk/);
  session.keys('3');
  expect(await session.waitFor('not a possible owner')).toMatch(/web01 +✓ +✓ +✗ +✗ +✗/);
  session.keys('4');
  expect(await session.waitFor('Remedy:')).toMatch(/guest-newer-than-host/);

  session.keys('1', 'j', 'j', 'j', 'Enter');
  expect(await session.waitFor('1 VM fails because of HV04: web01')).toMatch(/HV04 .*127\.0\.0\.5/);
  session.keys('Escape');
  await session.waitFor('VMs failing');
  session.keys('d');
  const drained = await session.waitFor('WHAT-IF: drain HV04');
  expect(drained).toMatch(/HV04 +0 +drained /);

  session.keys('q');
  const end = await session.waitFor(/EXIT=\d/);
  expect(end).toMatch(/✓ hv-demo\/HV04 +2022 Standard/);
  expect(end).toMatch(
    /Verdict: FAIL: 3 VMs at risk \(3 at risk, 1 unknown, 3 safe, 1 not using AVMA in 1 cluster; exit code 1\)/,
  );
  expect(end).toMatch(/EXIT=1/);
});

it('NO_COLOR: the UI draws no colours, and a resize reflows it', { timeout: 60_000 }, async () => {
  session = new TmuxSession(
    `cd ${ROOT} && env -u CI -u FORCE_COLOR NO_COLOR=1 TERM=xterm-256color node bin/avma-check demo --now 2026-11-22; echo "EXIT=$?"; sleep 300`,
  );
  await session.waitFor('1 Nodes');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for colour sequences is the point.
  const foreground = /\u001b\[(?:[0-9;]*;)?(3[0-7]|9[0-7]|38;[25])[;m]/;
  expect(session.styledScreen()).not.toMatch(foreground);
  session.resize(70, 30);
  const narrow = await session.waitFor(/^hv-demo: FAIL +1 Nodes +3 at risk/m);
  const lastFrame = narrow.slice(narrow.lastIndexOf('hv-demo: FAIL'));
  expect(lastFrame).toMatch(/^› HV01 +1 +Up +2022/m);
  expect(lastFrame.split('\n').every((line) => line.length <= 70)).toBe(true);
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
