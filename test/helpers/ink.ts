// Waits on what the UI shows, not on time: polls the last frame until it holds the text.
import { setImmediate as nextTick } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';

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
    if (Date.now() - started > timeoutMs)
      throw new Error(`the frame never showed ${String(expected)}; last frame:\n${frame}`);
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
