// Every output of a run, checked before any work is done and written by one writer: a report per --format /
// --output pair and the saved snapshot. A file is written whole or not at all (a temp file beside it, then a
// rename), so a kill never leaves half a report where the last good one was.
import { randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, chmod, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../config/user-error.js';
import type { OutStream } from './context.js';
import { EXAMPLE, type OutputSpec } from './output-pairs.js';

export type { OutputSpec };

/** A checked output: stdout, or a file by its resolved path. */
export interface Destination {
  readonly what: string;
  readonly file: string | null;
  /** A device or pipe (/dev/null, a FIFO): written directly, there is nothing to replace atomically. */
  readonly direct: boolean;
}

/**
 * The real path of a file that may not exist yet: its directory's real path and its name. A symlink to a file
 * not made yet is followed, so that `a` and a link to `a` are one output, and the link stays a link.
 */
async function realTarget(file: string, hops = 0): Promise<string> {
  const absolute = resolve(file);
  const full = await realpath(absolute).catch(() => null);
  if (full) return full;
  const link = await readlink(absolute).catch(() => null);
  if (link !== null && hops < 40) return realTarget(resolve(dirname(absolute), link), hops + 1);
  const dir = await realpath(dirname(absolute)).catch(() => {
    throw new UserError(`cannot write ${file}: its directory ${dirname(absolute)} does not exist`);
  });
  return join(dir, basename(absolute));
}

async function checkWritable(file: string, target: string): Promise<boolean> {
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) throw new UserError(`cannot write ${file}: it is a directory`);
  const direct = info !== null && !info.isFile();
  await access(direct ? target : dirname(target), constants.W_OK).catch(() => {
    throw new UserError(`cannot write ${file}: ${direct ? 'it' : 'its directory'} is not writable`);
  });
  if (info?.isFile()) {
    await access(target, constants.W_OK).catch(() => {
      throw new UserError(`cannot write ${file}: it is not writable`);
    });
  }
  return direct;
}

/**
 * Checks every output before the run reads or scans anything: one stdout at most, no file twice (however it is
 * spelled: ./, .., a symlink), no output that is one of the run's inputs, every file's directory writable.
 */
export async function checkOutputs(
  outputs: readonly { what: string; file: string | null }[],
  inputs: readonly { what: string; file: string | undefined }[],
): Promise<Destination[]> {
  const stdout = outputs.filter((o) => o.file === null);
  if (stdout.length > 1)
    throw new UserError(
      `${stdout.map((o) => o.what).join(' and ')} would both go to stdout`,
      `give all but one of them a file, ${EXAMPLE}`,
    );
  const inputPaths = new Map<string, string>();
  for (const input of inputs) {
    if (!input.file) continue;
    const real = await realpath(resolve(input.file)).catch(() => resolve(input.file as string));
    inputPaths.set(real, `${input.what} ${input.file}`);
  }
  const seen = new Map<string, string>();
  const destinations: Destination[] = [];
  for (const output of outputs) {
    if (output.file === null) {
      destinations.push({ what: output.what, file: null, direct: true });
      continue;
    }
    const target = await realTarget(output.file);
    const input = inputPaths.get(target);
    if (input)
      throw new UserError(
        `refusing to write the ${output.what} to ${output.file}: it is the ${input} this run reads`,
        'write the output to another file',
      );
    const twice = seen.get(target);
    if (twice)
      throw new UserError(
        `the ${twice} and the ${output.what} would both be written to ${output.file}`,
        EXAMPLE,
      );
    seen.set(target, output.what);
    destinations.push({ what: output.what, file: target, direct: await checkWritable(output.file, target) });
  }
  return destinations;
}

/** Chunks are joined into writes of about this many characters: a 25 MB report is 80,000 small chunks. */
const WRITE_SIZE = 1 << 20;

function writeAll(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  return new Promise((done, fail) => {
    const iterator = chunks[Symbol.iterator]();
    stream.once('error', fail);
    const pump = () => {
      try {
        let ended = false;
        while (!ended) {
          const batch: string[] = [];
          let size = 0;
          while (size < WRITE_SIZE) {
            const next = iterator.next();
            if (next.done) {
              ended = true;
              break;
            }
            batch.push(next.value);
            size += next.value.length;
          }
          const flowing = batch.length === 0 || stream.write(batch.join(''));
          if (!ended && !flowing) return void stream.once('drain', pump);
        }
        stream.off('error', fail);
        done();
      } catch (error) {
        fail(error);
      }
    };
    pump();
  });
}

async function writeFileAtomically(target: string, chunks: Iterable<string>): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const mode = (await stat(target).catch(() => null))?.mode;
  const out = createWriteStream(temp, { flags: 'wx', mode: 0o666 });
  try {
    await writeAll(out, chunks);
    await new Promise<void>((done, fail) => {
      out.once('error', fail);
      out.end(done);
    });
    if (mode !== undefined) await chmod(temp, mode & 0o7777);
    await rename(temp, target);
  } catch (error) {
    out.destroy();
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** Writes one output: stdout as it comes, a device directly, a file whole or not at all. */
export async function writeOutput(
  destination: Destination,
  chunks: Iterable<string>,
  stdout: OutStream,
): Promise<void> {
  try {
    if (destination.file === null) return await writeAll(stdout, chunks);
    if (destination.direct) {
      const out = createWriteStream(destination.file, { flags: 'a' });
      await writeAll(out, chunks);
      return await new Promise<void>((done) => out.end(done));
    }
    await writeFileAtomically(destination.file, chunks);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only a failing file or stream is the user's to fix; anything else (a formatter's bug) stays a bug.
    if (error instanceof UserError || code === undefined) throw error;
    throw new UserError(`cannot write the ${destination.what} to ${destination.file ?? 'stdout'} (${code})`);
  }
}
