// The pure core (model, domain, rules, analyze) does no I/O and reads no clock or environment.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const CORE = ['model', 'domain', 'rules', 'analyze'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('architecture', () => {
  const core = CORE.flatMap((dir) => files(join(SRC, dir)));

  it('finds the core files', () => {
    expect(core.length).toBeGreaterThan(20);
  });

  it.each(core.map((file) => [file.slice(SRC.length), file]))('%s is pure', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/from 'node:/);
    expect(text).not.toMatch(/from '\.\.\/(cli|config|report|scan|tui|sim)\//);
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(\)|\bprocess\.|\bconsole\./);
  });

  it('keeps files small', () => {
    for (const file of files(SRC)) {
      expect(readFileSync(file, 'utf8').split('\n').length, file).toBeLessThan(300);
    }
  });
});
