import { readFile, stat } from 'node:fs/promises';
import type { Locator } from '../model/locator.js';
import { ConfigError } from './config-error.js';
import { locatorFor } from './locate.js';
import { parseConfig } from './parse-config.js';
import type { Config } from './schema.js';

const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** Reads an input file whole, refusing what is missing, not a file, or too large, with a ConfigError. */
export async function readInputFile(file: string, maxBytes = MAX_CONFIG_BYTES): Promise<string> {
  const fail = (message: string) => new ConfigError(file, [{ line: null, column: null, key: null, message }]);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw fail(error.code === 'ENOENT' ? 'no such file' : `cannot read it (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw fail('not a file');
  if (info.size > maxBytes) throw fail(`too large (${info.size} bytes; the limit is ${maxBytes})`);
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw fail(`cannot read it (${error.code ?? error.message})`);
  });
}

export async function loadConfig(file: string): Promise<Config> {
  return parseConfig(await readInputFile(file), file);
}

/** A config and where its clusters, nodes and VMs are declared. */
export async function readConfigFile(file: string): Promise<{ config: Config; locate: Locator }> {
  const text = await readInputFile(file);
  return { config: parseConfig(text, file), locate: locatorFor(file, text) };
}
