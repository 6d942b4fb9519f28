// Colours for verdicts, shared by every view. ink's Text drops colour where the terminal has none or NO_COLOR.
import type { GateVerdict } from '../analyze/gate.js';
import type { RunVerdict, TargetVerdict, VmVerdict } from '../model/report.js';
import type { Severity } from '../rules/types.js';

export const VERDICT_COLOR: Record<RunVerdict | VmVerdict | TargetVerdict | 'not-owner', string | undefined> =
  {
    safe: 'green',
    ok: 'green',
    'at-risk': 'red',
    fail: 'red',
    unknown: 'magenta',
    incomplete: 'magenta',
    'not-applicable': 'gray',
    'not-owner': 'gray',
  };

export function padTo(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export const GATE_COLOR: Record<GateVerdict, string> = { pass: 'green', fail: 'red', incomplete: 'magenta' };

export const SEVERITY_COLOR: Record<Severity, string> = {
  error: 'red',
  unknown: 'magenta',
  warning: 'yellow',
};
