// The root: a live scan view while nodes answer, then the browser over the analysed snapshot.
import { useSyncExternalStore } from 'react';
import type { Change } from '../analyze/what-if.js';
import type { WhatIfJudge } from '../analyze/what-if-judge.js';
import type { ClusterRecord } from '../model/facts.js';
import { Browser, type BrowserResult } from './browser.js';
import { LiveScan } from './live-scan.js';
import type { PlanCommandView } from './plan-lines.js';
import type { ScanFeed } from './scan-progress.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface AppProps {
  /** A live scan, or none when the facts are known already (check). */
  readonly feed: ScanFeed | null;
  readonly clusters: readonly ClusterRecord[] | null;
  readonly judge: WhatIfJudge;
  readonly planCommand?: ((changes: readonly Change[]) => PlanCommandView) | undefined;
  readonly onQuit?: ((result: BrowserResult) => void) | undefined;
}

const noFeed = { subscribe: () => () => {}, get: () => null };

export function App({ feed, clusters, judge, planCommand, onQuit }: AppProps) {
  const source = feed ?? noFeed;
  const progress = useSyncExternalStore(source.subscribe, source.get);
  const { rows } = useTerminalSize();
  const ready = clusters ?? progress?.snapshot?.clusters ?? null;
  if (!ready) return progress ? <LiveScan progress={progress} rows={rows} /> : null;
  return (
    <>
      {progress ? <LiveScan progress={progress} rows={rows} /> : null}
      <Browser clusters={ready} judge={judge} planCommand={planCommand} onQuit={onQuit} />
    </>
  );
}
