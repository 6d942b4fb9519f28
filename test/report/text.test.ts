import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { render } from '../../src/report/types.js';
import { aCluster, judged } from '../helpers/judgement.js';
import { lab } from './lab.js';

const text = render(formatText, judged([lab]), { color: false, exitCode: 1 });

describe('text', () => {
  it('shows nodes, at-risk VMs with each failing target and reason, unknowns, warnings, and the verdict', () => {
    expect(text).toContain(
      'Cluster lab: AT RISK (5 VMs: 2 at risk, 1 unknown, 1 safe, 1 not using AVMA; 4 of them assumed to use AVMA)',
    );
    expect(text).toMatch(
      / {2}Not using AVMA \(1\)\n {4}- kms \(Windows Server 2022 Standard\): activated another way/,
    );
    expect(text).toMatch(/· N3 +2022 +Standard +activated until 2026-12-01 +Hyper-V +Up/);
    expect(text).toMatch(/\? N4 +auth: refused\n +hint: check the key\n/);
    expect(text).toMatch(
      /✗ web01 \(Windows Server 2022 Standard, runs on N1; AVMA assumed\): fails on 2 of 3 possible owners\n {8}N2 +web01 runs Windows Server 2022, which N2 on Windows Server 2019 cannot activate \[guest-newer-than-host\]/,
    );
    expect(text).toMatch(
      /\? maybe .*: cannot be judged on 1 of 2 possible owners\n {8}N4 +N4 could not be read \(auth\)/,
    );
    expect(text).toMatch(/! N3's activation expires on 2026-12-01, in 9 days \[host-activation-expiring\]/);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Verdict: FAIL: 2 VMs at risk (2 at risk, 1 unknown, 1 safe, 1 not using AVMA in 1 cluster; exit code 1)',
    );
  });

  it("prints a node's hint whole, however long", () => {
    const hint = `${'Start-Service sshd; '.repeat(30)}and the end of the hint.`;
    const long = aCluster('h')
      .rawNode({ name: 'N1', error: { kind: 'unreachable', message: 'refused', hint } })
      .build();
    expect(render(formatText, judged([long]), { color: false, exitCode: 3 })).toContain(
      'and the end of the hint.',
    );
  });

  it('has no colour unless asked, and colour when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(render(formatText, judged([lab]), { color: true, exitCode: 1 })).toContain('\u001b[31m');
  });

  it('says PASS for a safe run', () => {
    const safe = judged([aCluster('ok').node('N1').node('N2').vm('a').build()]);
    expect(render(formatText, safe, { color: false, exitCode: 0 })).toMatch(
      /Verdict: PASS: every VM that uses AVMA stays activatable on every node it can land on \(0 at risk, 0 unknown, 1 safe in 1 cluster; exit code 0\)\n$/,
    );
  });

  it('lists accepted findings with who accepted them, and the ignore file with its whole-rule entries', () => {
    const j = judged([lab], {
      ignore: {
        file: 'i.yaml',
        entries: [
          {
            rule: 'host-not-datacenter',
            node: 'N3',
            reason: 'waiver',
            expires: '2027-01-31T00:00:00.000Z',
            source: 'i.yaml:2',
          },
          { rule: 'host-activation-expiring', reason: 'renewal running', source: 'i.yaml:5' },
        ],
      },
    });
    const out = render(formatText, j, { color: false, exitCode: 1 });
    expect(out).toMatch(/ {2}Accepted \(2\)\n/);
    expect(out).toMatch(
      / {4}~ N3 runs Standard.* \[host-not-datacenter\] suppressed by i\.yaml:2 until 2027-01-31: waiver\n/,
    );
    expect(out).toMatch(/ {4}~ N3's activation expires .* suppressed by i\.yaml:5: renewal running\n/);
    expect(out).toMatch(
      /· ignore file i\.yaml: 2 entries, 2 findings suppressed\n· the ignore entry at i\.yaml:5 names no cluster, node or VM: it suppresses host-activation-expiring everywhere/,
    );
  });
});
