// Reads an OpenSSH client config (~/.ssh/config) into Host/Match/Include/option lines, following Include as
// ssh does (globs; relative paths under ~/.ssh). Tokenising is the ssh-config package's; what the lines mean
// for a host is ssh-config-lookup.ts. Nothing here runs a command: Match exec is never executed.
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import SSHConfig, { type Line, LineType } from 'ssh-config';
import { UserError } from '../config/user-error.js';

export interface Criterion {
  name: string;
  negate: boolean;
  argument: string | null;
}

export type ConfigLine =
  | { kind: 'host'; patterns: string[] }
  | { kind: 'match'; criteria: Criterion[] }
  | { kind: 'include'; files: ConfigFile[] }
  | { kind: 'option'; keyword: string; values: string[] };

export interface ConfigFile {
  path: string;
  lines: ConfigLine[];
}

const MAX_INCLUDE_DEPTH = 16;

/** ssh-config gives one string for a single (possibly quoted) value, a list for several. */
function valuesOf(line: Line, keyword: string): string[] {
  if (line.type !== LineType.DIRECTIVE) return [];
  if (typeof line.value !== 'string') return line.value.map((v) => v.val);
  return keyword === 'include' ? line.value.split(/\s+/).filter(Boolean) : [line.value];
}

function criteriaOf(values: readonly string[], file: string): Criterion[] {
  const criteria: Criterion[] = [];
  for (let i = 0; i < values.length; i++) {
    const word = values[i] ?? '';
    const negate = word.startsWith('!');
    const name = (negate ? word.slice(1) : word).toLowerCase();
    const single = name === 'all' || name === 'canonical' || name === 'final';
    const argument = single ? null : (values[++i] ?? null);
    if (!single && argument === null)
      throw new UserError(
        `${file}: Match ${name} needs an argument`,
        'fix the Match line, or set ssh.configFile: none',
      );
    criteria.push({ name, negate, argument });
  }
  return criteria;
}

function globRegex(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** glob(3) for Include: wildcards in any path segment, results sorted, no match is no file. */
async function expandGlob(pattern: string): Promise<string[]> {
  let paths = [pattern.startsWith('/') ? '/' : ''];
  for (const segment of pattern.split('/').filter(Boolean)) {
    if (!/[*?[]/.test(segment)) {
      paths = paths.map((path) => join(path, segment));
      continue;
    }
    const regex = globRegex(segment);
    const next: string[] = [];
    for (const path of paths) {
      const names = await readdir(path || '.').catch(() => [] as string[]);
      for (const name of names.sort())
        if (regex.test(name) && (segment.startsWith('.') || !name.startsWith('.')))
          next.push(join(path, name));
    }
    paths = next;
  }
  return paths;
}

interface ReadContext {
  home: string;
  depth: number;
}

async function includeFiles(values: readonly string[], context: ReadContext): Promise<ConfigFile[]> {
  const files: ConfigFile[] = [];
  for (const value of values) {
    const expanded = value === '~' || value.startsWith('~/') ? join(context.home, value.slice(1)) : value;
    const pattern = isAbsolute(expanded) ? expanded : join(context.home, '.ssh', expanded);
    for (const path of await expandGlob(pattern)) {
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text !== null) files.push(await parseFile(text, path, { ...context, depth: context.depth + 1 }));
    }
  }
  return files;
}

async function linesOf(lines: readonly Line[], file: string, context: ReadContext): Promise<ConfigLine[]> {
  const out: ConfigLine[] = [];
  for (const line of lines) {
    if (line.type !== LineType.DIRECTIVE) continue;
    const keyword = line.param.trim().toLowerCase();
    const values = valuesOf(line, keyword);
    if (keyword === 'host') out.push({ kind: 'host', patterns: values });
    else if (keyword === 'match') out.push({ kind: 'match', criteria: criteriaOf(values, file) });
    else if (keyword === 'include') out.push({ kind: 'include', files: await includeFiles(values, context) });
    else if (keyword) out.push({ kind: 'option', keyword, values });
    if ('config' in line) out.push(...(await linesOf(line.config, file, context)));
  }
  return out;
}

async function parseFile(text: string, path: string, context: ReadContext): Promise<ConfigFile> {
  if (context.depth > MAX_INCLUDE_DEPTH)
    throw new UserError(
      `${path}: Include is nested more than ${MAX_INCLUDE_DEPTH} deep`,
      'look for an Include loop',
    );
  let parsed: SSHConfig;
  try {
    parsed = SSHConfig.parse(text);
  } catch (error) {
    throw new UserError(
      `cannot parse the OpenSSH config ${path}: ${(error as Error).message}`,
      'fix the file, name another in ssh.configFile, or set ssh.configFile: none',
    );
  }
  return { path, lines: await linesOf(parsed, path, context) };
}

/**
 * The config at `path`. A missing file is no config when it is the default (~/.ssh/config), and a UserError when
 * the user named it.
 */
export async function readSshConfigFile(
  path: string,
  named: boolean,
  home: string,
): Promise<ConfigFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !named) return null;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new UserError(
      `cannot read the OpenSSH config ${path}: ${why}`,
      'fix ssh.configFile, or set ssh.configFile: none to use none',
    );
  }
  return parseFile(text, path, { home, depth: 0 });
}
