// `avma-check collector`: the collector script, for PowerShell remoting where there is no SSH.
import { COLLECTOR_SCRIPT } from '../scan/collector-script.js';
import type { Context } from './context.js';
import { ExitCode } from './exit-codes.js';
import { outputFile } from './output-pairs.js';
import { checkOutputs, writeOutput } from './outputs.js';

export async function runCollectorCommand(args: { output?: string | undefined }, context: Context) {
  const file = outputFile(args.output);
  const [destination] = await checkOutputs([{ what: 'collector script', file }], []);
  // Windows PowerShell 5.1 reads a script without a BOM in the ANSI code page: the script is ASCII and keeps
  // Windows line endings, so it reads the same everywhere.
  const text = COLLECTOR_SCRIPT.replace(/\r?\n/g, '\r\n');
  if (destination) await writeOutput(destination, [text], context.io.stdout);
  return ExitCode.Pass;
}
