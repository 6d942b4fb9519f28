// The real process behind a Context: its streams and its stop signals.
import type { Io, Signals, StopSignal } from './context.js';

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };

export const processSignals: Signals = {
  listen(handler) {
    const on = (signal: StopSignal) => () => handler(signal);
    const sigint = on('SIGINT');
    const sigterm = on('SIGTERM');
    process.on('SIGINT', sigint);
    process.on('SIGTERM', sigterm);
    return () => {
      process.off('SIGINT', sigint);
      process.off('SIGTERM', sigterm);
    };
  },
};
