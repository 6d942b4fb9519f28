// Mounts the UI, and resolves when the user quits. Imported lazily by cli/present.ts: --help, pipes and CI never
// load ink (which decides at import whether it runs in CI).
import { render, useApp, useInput } from 'ink';
import type { Change } from '../analyze/what-if.js';
import type { WhatIfJudge } from '../analyze/what-if-judge.js';
import type { ClusterRecord } from '../model/facts.js';
import { App } from './app.js';
import type { BrowserResult } from './browser.js';
import { ColorContext } from './color.js';
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
}

export type TuiResult = BrowserResult;

function Root(
  props: TuiOptions & { readonly scanning: () => boolean; readonly onQuit: (result: TuiResult) => void },
) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (!props.scanning()) return;
    if ((key.ctrl && input === 'c') || input === 'q') props.onInterrupt?.();
  });
  // Ctrl-C after the scan is handled by the browser (quit); before any scan there is nothing to wait for.
  if (!props.feed && !props.clusters) exit();
  return (
    <ColorContext.Provider value={props.color}>
      <App
        feed={props.feed}
        clusters={props.clusters}
        judge={props.judge}
        planCommand={props.planCommand}
        onQuit={props.onQuit}
      />
    </ColorContext.Provider>
  );
}

export async function runTui(options: TuiOptions): Promise<TuiResult> {
  const scanning = () => options.feed !== null && options.feed.get().snapshot === null;
  let result: TuiResult = { plan: null };
  const instance = render(
    <Root
      {...options}
      scanning={scanning}
      onQuit={(quit) => {
        result = quit;
      }}
    />,
    { exitOnCtrlC: false, patchConsole: false },
  );
  await instance.waitUntilExit();
  return result;
}
