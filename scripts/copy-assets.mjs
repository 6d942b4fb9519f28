// Build step: files tsc does not copy (the PowerShell collector) go beside the compiled code.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [target = 'dist'] = process.argv.slice(2);
for (const file of ['scan/collector.ps1']) {
  const to = join(target, file);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join('src', file), to);
}
