import { writeFile } from 'node:fs/promises';
import { UserError } from '../config/user-error.js';

/** Writes to the file, or to stdout when there is none. */
export async function writeOutput(
  text: string,
  file: string | undefined,
  stdout: NodeJS.WritableStream,
): Promise<void> {
  if (!file || file === '-') {
    stdout.write(text);
    return;
  }
  await writeFile(file, text).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      `cannot write ${file} (${error.code ?? error.message})`,
      'check that its directory exists and is writable',
    );
  });
}
