// Waits on what the UI shows, not on time: polls the last frame until it holds the text.
import { EventEmitter } from 'node:events';
import { setImmediate as nextTick } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';

/** A frame as a person reads it: colours removed. */
export function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '');
}

export async function waitForFrame(
  lastFrame: () => string | undefined,
  expected: string | RegExp,
  timeoutMs = 3000,
): Promise<string> {
  const started = Date.now();
  for (;;) {
    await nextTick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const frame = plain(lastFrame());
    if (typeof expected === 'string' ? frame.includes(expected) : expected.test(frame)) return frame;
    if (Date.now() - started > timeoutMs) {
      // vitest shows only the start of a long message: the frame goes to stderr whole.
      process.stderr.write(`last frame:\n${frame}\n`);
      throw new Error(`the frame never showed ${String(expected)}; last frame:\n${frame}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const KEYS = {
  down: '\u001B[B',
  up: '\u001B[A',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
};

/** ink-testing-library's render, on a terminal of the given size that can be resized. */
export function renderSized(tree: ReactElement, size: { columns: number; rows: number }) {
  const stdout = new SizedStdout(size);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new SizedStdout(size) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lastFrame: stdout.lastFrame,
    frames: stdout.frames,
    stdin,
    stdout,
    unmount: instance.unmount,
    waitUntilExit: instance.waitUntilExit,
  };
}

export class SizedStdout extends EventEmitter {
  readonly frames: string[] = [];
  isTTY = true;
  constructor(private size: { columns: number; rows: number }) {
    super();
  }
  get columns() {
    return this.size.columns;
  }
  get rows() {
    return this.size.rows;
  }
  resize(size: { columns: number; rows: number }) {
    this.size = size;
    this.emit('resize');
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1);
}

/** The stdin ink-testing-library fakes: a terminal in raw mode that the test types into. */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
