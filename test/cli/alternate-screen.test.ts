// The alternate screen is entered on a terminal only, and left however the process ends.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  alternateScreen,
  ENTER_ALTERNATE_SCREEN,
  LEAVE_ALTERNATE_SCREEN,
  type ProcessHooks,
} from '../../src/cli/alternate-screen.js';

function fakes(isTTY = true) {
  const written: string[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    isTTY,
    write: (chunk: string) => {
      written.push(chunk);
      return true;
    },
  }) as unknown as NodeJS.WriteStream;
  const events = new EventEmitter();
  const killed: string[] = [];
  const hooks: ProcessHooks = {
    pid: 42,
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    kill: (_pid, signal) => killed.push(signal),
  };
  return { written, stdout, events, killed, hooks };
}

describe('alternateScreen', () => {
  it('enters once and leaves once, and stops listening when left', () => {
    const { written, stdout, events, hooks } = fakes();
    const screen = alternateScreen(stdout, hooks);
    screen.enter();
    screen.enter();
    expect(written).toEqual([ENTER_ALTERNATE_SCREEN]);
    expect(events.listenerCount('exit')).toBe(1);
    screen.leave();
    screen.leave();
    expect(written).toEqual([ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN]);
    expect(['exit', 'SIGINT', 'SIGTERM', 'SIGHUP'].map((e) => events.listenerCount(e))).toEqual([0, 0, 0, 0]);
  });

  it('leaves when the process exits (a fatal error calls process.exit)', () => {
    const { written, stdout, events, hooks } = fakes();
    alternateScreen(stdout, hooks).enter();
    events.emit('exit');
    expect(written.at(-1)).toBe(LEAVE_ALTERNATE_SCREEN);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'])('leaves on %s, then lets the signal end the process', (signal) => {
    const { written, stdout, events, killed, hooks } = fakes();
    alternateScreen(stdout, hooks).enter();
    events.emit(signal);
    expect(written).toEqual([ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN]);
    expect(killed).toEqual([signal]);
    expect(events.listenerCount(signal)).toBe(0);
  });

  it('does nothing when stdout is not a terminal', () => {
    const { written, stdout, events, hooks } = fakes(false);
    const screen = alternateScreen(stdout, hooks);
    screen.enter();
    screen.leave();
    expect(written).toEqual([]);
    expect(events.listenerCount('exit')).toBe(0);
  });
});
