// GitHub Actions workflow commands: an annotation per at-risk VM (errors), unknown VM (warnings) and warning
// finding (notices), worst first. GitHub shows about 10 of each kind per step, so each kind stops at 10 and a
// notice points to the job summary for the rest.
import type { Report } from '../model/report.js';
import { guestText } from './describe.js';
import { sanitize } from './sanitize.js';
import { reasonIndex } from './target-reasons.js';
import type { Formatter } from './types.js';

export const ANNOTATIONS_PER_KIND = 10;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', title: string, message: string): string {
  return `::${kind} title=${escapeProperty(sanitize(title, 200))}::${escapeData(sanitize(message, 2000))}`;
}

export const formatGithub: Formatter = (report: Report) => {
  const errors: { weight: number; line: string }[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  for (const cluster of report.clusters) {
    const reasons = reasonIndex(cluster);
    for (const vm of cluster.vms) {
      if (vm.verdict === 'at-risk') {
        const failing = reasons(vm, 'fail');
        const detail =
          failing.map((r) => `${r.node}: ${r.messages.join('; ')}`).join('; ') || 'no node left to run on';
        errors.push({
          weight: failing.length / Math.max(1, vm.targets.length),
          line: command(
            'error',
            `AVMA: ${vm.name} at risk (${cluster.name})`,
            `${vm.name} (${guestText(vm.guest)}) loses activation on ${failing.length} of ${vm.targets.length} possible owners. ${detail}`,
          ),
        });
      } else if (vm.verdict === 'unknown') {
        const detail = reasons(vm, 'unknown')
          .map((r) => `${r.node}: ${r.messages.join('; ')}`)
          .join('; ');
        warnings.push(
          command(
            'warning',
            `AVMA: ${vm.name} unknown (${cluster.name})`,
            `${vm.name} cannot be judged. ${detail}`,
          ),
        );
      }
    }
    for (const finding of cluster.findings.filter((f) => f.severity === 'warning' && !f.suppressed)) {
      notices.push(command('notice', `AVMA: ${finding.rule} (${cluster.name})`, finding.message));
    }
  }
  errors.sort((a, b) => b.weight - a.weight);
  const lines: string[] = [];
  const take = (kind: string, all: string[]) => {
    lines.push(...all.slice(0, ANNOTATIONS_PER_KIND));
    if (all.length > ANNOTATIONS_PER_KIND) {
      lines.push(
        command(
          'notice',
          `AVMA: ${all.length - ANNOTATIONS_PER_KIND} more ${kind}`,
          'GitHub shows about 10 annotations of each kind: the job summary (--format markdown) and the JSON report list them all.',
        ),
      );
    }
  };
  take(
    'VMs at risk',
    errors.map((e) => e.line),
  );
  take('unknown VMs', warnings);
  take('warnings', notices);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
