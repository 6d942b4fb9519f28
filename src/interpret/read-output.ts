// The collector's stdout (already bounded by the reader) -> RawNode, or why it cannot be used.
import { BEGIN_MARKER, END_MARKER } from './markers.js';
import { type RawNode, rawNodeSchema } from './raw-schema.js';

export type ParsedOutput = { ok: true; raw: RawNode } | { ok: false; message: string };

function failure(message: string): ParsedOutput {
  return { ok: false, message };
}

function occurrences(buffer: Buffer, text: string): number {
  let count = 0;
  for (let at = buffer.indexOf(text); at >= 0; at = buffer.indexOf(text, at + text.length)) count++;
  return count;
}

// Per byte: 1 a base64 digit, 2 whitespace as JavaScript's \s has it in Latin-1, 3 padding, 0 anything else.
const BASE64_BYTES = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  BASE64_BYTES[c.charCodeAt(0)] = 1;
for (const b of [9, 10, 11, 12, 13, 32, 0xa0]) BASE64_BYTES[b] = 2;
BASE64_BYTES['='.charCodeAt(0)] = 3;

/**
 * The base64 text of stdout[from, to) without its whitespace, or null when it is not base64: digits, then at
 * most two '=' at the end. One pass over the bytes: a node of a large cluster sends megabytes.
 */
function base64Between(stdout: Buffer, from: number, to: number): string | null {
  const digits = Buffer.allocUnsafe(to - from);
  let length = 0;
  let padding = 0;
  for (let i = from; i < to; i++) {
    const byte = stdout[i] as number;
    const kind = BASE64_BYTES[byte];
    if (kind === 2) continue;
    if (kind === 1 && padding === 0) digits[length++] = byte;
    else if (kind === 3 && padding < 2) {
      padding++;
      digits[length++] = byte;
    } else return null;
  }
  return digits.toString('latin1', 0, length);
}

/**
 * Finds the document between the markers: banners, CLIXML noise and CRLF around it do not matter. The collector
 * prints each marker once; output with more (a result printed twice, nested, or forged in a banner) is refused
 * rather than guessed at.
 */
export function parseCollectorOutput(stdout: Buffer): ParsedOutput {
  const begins = occurrences(stdout, BEGIN_MARKER);
  const ends = occurrences(stdout, END_MARKER);
  if (begins === 0) return failure('the collector printed no result (its begin marker is missing)');
  if (begins > 1 || ends > 1)
    return failure(
      `the output holds ${begins} begin and ${ends} end markers where the collector prints one of each: ` +
        "which result is the collector's cannot be told",
    );
  const begin = stdout.indexOf(BEGIN_MARKER);
  const end = stdout.indexOf(END_MARKER, begin);
  if (end < 0) return failure('the collector output is cut short (its end marker is missing)');
  const encoded = base64Between(stdout, begin + BEGIN_MARKER.length, end);
  if (encoded === null) return failure('the collector output between the markers is not base64');
  let json = Buffer.from(encoded, 'base64').toString('utf8');
  if (json.charCodeAt(0) === 0xfeff) json = json.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return failure(`the collector output is not valid JSON (${(error as Error).message.slice(0, 120)})`);
  }
  const result = rawNodeSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    return failure(
      `the collector output does not have the expected shape (${where || 'document'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  return { ok: true, raw: result.data };
}

/** Error text from PowerShell's stderr, which over SSH without a TTY arrives as "#< CLIXML" XML. */
export function stderrSummary(stderr: Buffer, max = 300): string {
  const text = stderr.toString('utf8');
  if (!text.includes('#< CLIXML')) return text.trim().slice(0, max);
  const errors = [...text.matchAll(/<S S="Error">([^<]*)<\/S>/g)].map((match) =>
    (match[1] ?? '').replace(/_x000D__x000A_/g, ' ').replace(/_x[0-9A-F]{4}_/g, ''),
  );
  return errors.join(' ').replace(/\s+/g, ' ').trim().slice(0, max);
}
