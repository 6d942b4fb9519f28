// Runs the UI and resolves when the user quits. Imported lazily by cli/present.ts: --help, pipes and CI never
// load ink (which decides at import whether it runs in CI).
//
// Two phases, two ink renders: the live scan in the main screen, where its finished rows stay in the scrollback;
// then the browser, full-screen on the alternate screen, left before the plain report is printed.
import { render } from 'ink';
import type { ReactNode } from 'react';
import type { Change } from '../analyze/what-if.js';
import type { WhatIfJudge } from '../analyze/what-if-judge.js';
import type { ClusterRecord } from '../model/facts.js';
import { Browser, type BrowserResult } from './browser.js';
import { ColorContext } from './color.js';
import { LivePhase } from './live-phase.js';
import type { PlanCommandView } from './plan-lines.js';
import type { ScanFeed } from './scan-progress.js';

export interface TuiOptions {
  feed: ScanFeed | null;
  clusters: readonly ClusterRecord[] | null;
  /** The run's own judgement (ignore file, baseline, gate), applied to the clusters as they are or a what-if. */
  judge: WhatIfJudge;
  /** Colour, as decided once from NO_COLOR, FORCE_COLOR and the terminal. */
  color: boolean;
  /** Ctrl-C or q while scanning: stop the scan and browse what was gathered. */
  onInterrupt?: () => void;
  /** The `avma-check plan` command of a what-if (p shows it). */
  planCommand?: (changes: readonly Change[]) => PlanCommandView;
  /** The alternate screen the browser is shown on (cli/alternate-screen.ts). */
  screen?: { enter(): void; leave(): void };
  /** Streams other than the process's, for tests. */
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

export type TuiResult = BrowserResult;

async function show(options: TuiOptions, node: ReactNode): Promise<void> {
  const instance = render(<ColorContext.Provider value={options.color}>{node}</ColorContext.Provider>, {
    exitOnCtrlC: false,
    patchConsole: false,
    ...(options.stdout ? { stdout: options.stdout } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  await instance.waitUntilExit();
}

export async function runTui(options: TuiOptions): Promise<TuiResult> {
  const { feed } = options;
  if (!options.clusters && feed)
    await show(options, <LivePhase feed={feed} onInterrupt={options.onInterrupt} />);
  const clusters = options.clusters ?? feed?.get().snapshot?.clusters ?? null;
  if (!clusters) return { plan: null };
  let result: TuiResult = { plan: null };
  options.screen?.enter();
  try {
    await show(
      options,
      <Browser
        clusters={clusters}
        judge={options.judge}
        planCommand={options.planCommand}
        onQuit={(quit) => {
          result = quit;
        }}
      />,
    );
  } finally {
    options.screen?.leave();
  }
  return result;
}
