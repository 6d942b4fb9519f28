// The terminal's alternate screen for the browsing UI (ink has no option for it): entered only on a terminal,
// left when the UI ends and on every way out of the process (exit, a fatal error, a signal), so the shell is
// never left on the alternate screen. What is printed after it, the plain report, lands in the scrollback.
import type { OutStream } from './context.js';

export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

/** The parts of the process the screen needs; tests pass their own. */
export interface ProcessHooks {
  readonly pid: number;
  on(event: 'exit' | Signal, listener: () => void): unknown;
  off(event: 'exit' | Signal, listener: () => void): unknown;
  kill(pid: number, signal: Signal): unknown;
}

export interface Screen {
  enter(): void;
  leave(): void;
}

export function alternateScreen(stdout: OutStream, hooks: ProcessHooks = process): Screen {
  let active = false;
  const onSignal = Object.fromEntries(
    SIGNALS.map((signal) => [
      signal,
      () => {
        leave();
        // With this listener gone the signal does what it would have done: end the process.
        hooks.kill(hooks.pid, signal);
      },
    ]),
  ) as Record<Signal, () => void>;
  function leave(): void {
    if (!active) return;
    active = false;
    stdout.write(LEAVE_ALTERNATE_SCREEN);
    hooks.off('exit', leave);
    for (const signal of SIGNALS) hooks.off(signal, onSignal[signal]);
  }
  return {
    enter() {
      if (active || stdout.isTTY !== true) return;
      active = true;
      stdout.write(ENTER_ALTERNATE_SCREEN);
      hooks.on('exit', leave);
      for (const signal of SIGNALS) hooks.on(signal, onSignal[signal]);
    },
    leave,
  };
}
