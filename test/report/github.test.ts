import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { formatGithub } from '../../src/report/github.js';
import { render } from '../../src/report/types.js';
import { readGithub } from '../helpers/formats.js';
import { judged } from '../helpers/judgement.js';
import { lab } from './lab.js';

describe('github', () => {
  it('what fails the gate is an error, what makes it incomplete a warning, advice a notice; all escaped', () => {
    const out = render(formatGithub, judged([lab]), { color: false, exitCode: 1 });
    const a = readGithub(out);
    expect(a.error).toHaveLength(2);
    expect(a.error.find((l) => l.includes('web01'))).toMatch(
      /^::error title=AVMA%3A web01 at risk \(lab\)::web01 \(Windows Server 2022 Standard\) loses activation on 2 of 3 possible owners \(AVMA assumed\)\. /,
    );
    expect(a.warning).toEqual([
      expect.stringMatching(
        /^::warning title=AVMA%3A maybe unknown \(lab\)::maybe \(Windows Server 2016 Standard\) cannot be judged/,
      ),
      expect.stringMatching(
        /^::warning title=AVMA%3A node-unreachable \(lab\)::N4 could not be read \(auth\)/,
      ),
    ]);
    expect(a.notice.some((l) => l.startsWith('::notice title=AVMA%3A host-activation-expiring'))).toBe(true);
    expect(a.notice.at(-1)).toBe('::notice title=avma-check%3A FAIL::FAIL: 2 VMs at risk (exit code 1)');
    expect(out).not.toContain('\u001b');
  });

  it('points into the config file when it knows where', () => {
    const out = render(formatGithub, judged([lab]), {
      color: false,
      exitCode: 1,
      locate: (_cluster, subject) => ({ file: 'infra/clusters.yaml', line: subject.vm === 'web01' ? 12 : 3 }),
    });
    expect(out).toMatch(/^::error file=infra\/clusters\.yaml,line=12,title=AVMA%3A web01 at risk/m);
  });

  it('shows at most 10 of each kind, worst first, and points to the summary for the rest', () => {
    const lines = render(formatGithub, judged([syntheticCluster()]), { color: false, exitCode: 1 })
      .trimEnd()
      .split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines[0]).toMatch(/loses activation on (\d+) of \1 possible owners/);
    expect(lines.some((l) => /::notice title=AVMA%3A \d+ more errors::.*job summary/.test(l))).toBe(true);
  });
});
