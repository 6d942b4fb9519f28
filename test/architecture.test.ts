// Which folder may import which: the data flows one way (config -> scan -> interpret -> model -> analyze ->
// report/tui), the pure core does no I/O and reads no clock or environment, and nothing below cli/ reads
// `process`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Folders of src/ and what each may import: its own files, these folders, and these packages. */
const ALLOWED: Record<string, { folders: string[]; packages: string[] }> = {
  model: { folders: ['domain', 'rules'], packages: ['zod'] },
  domain: { folders: ['model'], packages: [] },
  rules: { folders: ['model', 'domain'], packages: [] },
  analyze: { folders: ['model', 'domain', 'rules'], packages: [] },
  interpret: { folders: ['model', 'domain', 'config'], packages: ['zod'] },
  config: {
    folders: ['model', 'domain', 'rules', 'analyze', 'interpret'],
    packages: ['zod', 'yaml', 'node:*'],
  },
  report: { folders: ['model', 'domain', 'rules', 'analyze'], packages: ['node:util'] },
  scan: {
    folders: ['model', 'domain', 'interpret', 'config'],
    packages: ['node:*', 'ssh2', 'node-ssh', 'p-limit', 'ssh-config'],
  },
  sim: { folders: ['model', 'domain', 'interpret', 'config', 'scan'], packages: ['node:*', 'ssh2'] },
  tui: {
    folders: ['model', 'domain', 'rules', 'analyze', 'report'],
    packages: ['ink', 'react', 'react/jsx-runtime'],
  },
  cli: { folders: ['*'], packages: ['*'] },
};

/** The pure core: no I/O, no clock, no environment. */
const CORE = ['model', 'domain', 'rules', 'analyze', 'interpret'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

const all = files(SRC).map((file) => ({
  file,
  name: relative(SRC, file),
  folder: relative(SRC, file).split('/')[0] ?? '',
  text: readFileSync(file, 'utf8'),
}));

function imports(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  );
}

function allowed(folder: string, specifier: string, fromName: string): boolean {
  const rule = ALLOWED[folder];
  if (!rule) return false;
  if (specifier.startsWith('.')) {
    const target = relative(SRC, join(SRC, fromName, '..', specifier)).split('/')[0] ?? '';
    return target === folder || rule.folders.includes('*') || rule.folders.includes(target);
  }
  return (
    rule.packages.includes('*') ||
    rule.packages.includes(specifier) ||
    (specifier.startsWith('node:') && rule.packages.includes('node:*'))
  );
}

describe('architecture', () => {
  it('every folder of src/ has a row in the table', () => {
    expect(new Set(all.map((f) => f.folder))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  it.each(all.map((f) => [f.name, f]))('%s imports only what its folder may', (_name, f) => {
    const wrong = imports(f.text).filter((specifier) => !allowed(f.folder, specifier, f.name));
    expect(wrong).toEqual([]);
  });

  it.each(all.filter((f) => CORE.includes(f.folder)).map((f) => [f.name, f]))('%s is pure', (_name, f) => {
    expect(f.text).not.toMatch(/\bDate\.now\(|new Date\(\)|\bconsole\./);
  });

  it.each(all.filter((f) => f.folder !== 'cli').map((f) => [f.name, f]))(
    '%s does not read process (only cli/ does)',
    (_name, f) => {
      expect(f.text.replace(/\/\/.*$/gm, '')).not.toMatch(/\bprocess\.|\bprocess\b\s*[,)]/);
    },
  );

  it('keeps files small', () => {
    for (const f of all) expect(f.text.split('\n').length, f.name).toBeLessThan(300);
  });
});
