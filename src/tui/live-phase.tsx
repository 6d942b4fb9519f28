// While scanning: the live rows until the scan ends (finished nodes stay in the scrollback). The phase then ends
// and run-tui.tsx starts the browser on the alternate screen.
import { useApp, useInput } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import { LiveScan } from './live-scan.js';
import type { ScanFeed } from './scan-progress.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface LivePhaseProps {
  readonly feed: ScanFeed;
  /** Ctrl-C or q while scanning: stop the scan and browse what was gathered. */
  readonly onInterrupt?: (() => void) | undefined;
}

export function LivePhase({ feed, onInterrupt }: LivePhaseProps) {
  const { exit } = useApp();
  const progress = useSyncExternalStore(feed.subscribe, feed.get);
  const { rows } = useTerminalSize();
  const done = progress.snapshot !== null;
  useInput(
    (input, key) => {
      if ((key.ctrl && input === 'c') || input === 'q') onInterrupt?.();
    },
    { isActive: !done },
  );
  // After the frame with every finished row is committed: ink writes it as its last before unmounting.
  useEffect(() => {
    if (done) exit();
  }, [done, exit]);
  return <LiveScan progress={progress} rows={rows} />;
}
