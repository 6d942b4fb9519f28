// `avma-check rules [ID]`: the rule list, or one rule explained.

import { UserError } from '../config/user-error.js';
import { ruleById, rules } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import type { Io } from './context.js';
import { ExitCode } from './exit-codes.js';

/** The words of a text; a command in backticks is one word, so that it is never broken across lines. */
function words(text: string): string[] {
  return text.match(/[^\s`]*`[^`]*`\S*|\S+/g) ?? [];
}

/** Fills lines up to `width`; a word (or command) longer than that stays whole on a line of its own. */
export function wrap(text: string, width = 78, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export function scopesOf(rule: Rule): string {
  const scopes = [
    rule.checkNode && 'each node',
    rule.checkVm && 'each VM',
    rule.checkTarget && 'each VM on each possible owner',
    rule.checkCluster && 'each cluster',
    rule.raisedBy,
  ];
  return scopes.filter(Boolean).join(', ');
}

export function explainRule(rule: Rule): string {
  return [
    `${rule.id} (${rule.severity})`,
    rule.title,
    '',
    wrap(rule.explanation),
    '',
    wrap(`Remedy: ${rule.remedy}`),
    `Checks: ${scopesOf(rule)}`,
    '',
  ].join('\n');
}

export function listRules(): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(8)} ${rule.title}`);
  return [
    `${'ID'.padEnd(width)}  SEVERITY TITLE`,
    ...lines,
    '',
    'avma-check rules ID explains one rule.',
    '',
  ].join('\n');
}

export async function runRules(id: string | undefined, io: Io): Promise<ExitCode> {
  if (!id) {
    io.stdout.write(listRules());
    return ExitCode.Pass;
  }
  const rule = ruleById(id);
  if (!rule) throw new UserError(`no rule "${id}"`, `known rules: ${rules.map((r) => r.id).join(', ')}`);
  io.stdout.write(explainRule(rule));
  return ExitCode.Pass;
}
