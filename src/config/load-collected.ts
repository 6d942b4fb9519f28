// Files of collector output gathered without SSH, in whatever encoding PowerShell wrote them: Windows
// PowerShell 5.1's Out-File and > write UTF-16LE with a BOM, PowerShell 7 UTF-8, Set-Content the ANSI page.
import { readFile, stat } from 'node:fs/promises';
import { type CollectedDocument, collectedDocuments } from '../interpret/collected.js';
import { ConfigError } from './config-error.js';

const MAX_BYTES = 1024 * 1024 * 1024;

/** Text of a file by its BOM; without one, UTF-16LE when every other byte of ASCII text is zero, else UTF-8. */
export function decodeCollected(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) {
    const even = bytes.length - (bytes.length % 2);
    return bytes.subarray(0, even).toString('utf16le');
  }
  return bytes.toString('utf8');
}

export async function loadCollected(file: string): Promise<CollectedDocument[]> {
  const fail = (message: string) => new ConfigError(file, [{ line: null, column: null, key: null, message }]);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw fail(error.code === 'ENOENT' ? 'no such file' : `cannot read it (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw fail('not a file');
  if (info.size > MAX_BYTES) throw fail(`too large (${info.size} bytes; the limit is ${MAX_BYTES})`);
  const documents = collectedDocuments(decodeCollected(await readFile(file)), file);
  if (documents.length === 0)
    throw fail(
      'holds no collector output (run avma-check collector for the script, and see the README: without SSH)',
    );
  return documents;
}
