// --format / --output pairs as the command line gives them: checked for count and stdout here, with no I/O, so
// that --help and usage errors load none of outputs.ts (fs, crypto).
import { UserError } from '../config/user-error.js';

export interface OutputSpec {
  format: string;
  /** A file, or null for stdout. */
  file: string | null;
}

const STDOUT_ALIASES = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** An --output or --save-snapshot value as a file, or null for stdout: none, `-`, or a name Linux gives it. */
export const outputFile = (value: string | undefined): string | null =>
  value === undefined || STDOUT_ALIASES.has(value) ? null : value;
export const EXAMPLE =
  'for example --format json --output report.json --format junit --output report.xml (- is stdout)';

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Pairs each --format with its --output, refusing what cannot be meant. */
export function pairOutputs(
  formatValue: string | string[],
  outputValue: string | string[] | undefined,
): OutputSpec[] {
  const formats = list(formatValue);
  const outputs = list(outputValue);
  if (outputs.length === 0 && formats.length > 1)
    throw new UserError(
      `${formats.length} formats but no --output`,
      `give one --output per --format, ${EXAMPLE}`,
    );
  if (outputs.length > 0 && outputs.length !== formats.length)
    throw new UserError(
      `${formats.length} --format but ${outputs.length} --output`,
      `give one --output per --format, ${EXAMPLE}`,
    );
  return formats.map((format, i) => {
    const file = outputs[i];
    return { format, file: outputFile(file) };
  });
}
