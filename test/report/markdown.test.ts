import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { capped, formatMarkdown, MARKDOWN_LIMIT_BYTES } from '../../src/report/markdown.js';
import { render } from '../../src/report/types.js';
import { judged } from '../helpers/judgement.js';
import { lab } from './lab.js';

const markdown = render(formatMarkdown, judged([lab]), { color: false, exitCode: 1 });

describe('markdown', () => {
  it('has the verdict, tables of VMs at risk and unknown with reasons, warnings, and the nodes', () => {
    expect(markdown).toMatch(
      /^## ❌ avma-check: FAIL\n\n2 VMs at risk\. 2 at risk, 1 unknown, 1 safe, 1 not using AVMA in 1 cluster \(exit code 1\)\./,
    );
    expect(markdown).toMatch(
      /^\| lab \| web01 \| Windows Server 2022 Standard<br>_AVMA assumed_ \| \*\*N2\*\*: .*\(`guest-newer-than-host`\)<br>\*\*N3\*\*: .*\(`host-not-datacenter`\) \|$/m,
    );
    expect(markdown).toMatch(/### VMs that cannot be judged \(1\)[\s\S]*\| lab \| maybe \|/);
    expect(markdown).toMatch(/### Warnings\n\n- ⚠️ lab: N3's activation expires/);
    expect(markdown).toMatch(/^\| lab \| N4 \| +\| +\| +\| +\| +\| +\| auth: refused \|$/m);
    expect(markdown).toMatch(
      /### VMs not using AVMA \(1\)[\s\S]*\| lab \| kms \| .* \| activated another way/,
    );
  });

  it('escapes what would break a table or inject markup', () => {
    expect(markdown).toContain('x\\<&\\>"');
    expect(markdown).not.toContain('\u001b');
  });

  it('stays under the 1 MiB job-summary limit, cut at a line, and says where the rest is', () => {
    const text = render(formatMarkdown, judged([syntheticCluster()]), { color: false, exitCode: 1 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMIT_BYTES);
    expect(text).toMatch(/\|\n\n_… cut here to stay under the 1 MiB job-summary limit/);
  });

  it('cutting is linear: a long line costs no more than its length', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `| ${'x'.repeat(2000)} ${i} |`);
    const out = [...capped(lines, 100_000)].join('');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(100_000);
    // As many lines as fit: one more would not.
    expect(Buffer.byteLength(out)).toBeGreaterThan(100_000 - 2100);
  });
});
