// The `avma-check plan` command line that reproduces a what-if of the terminal UI, for the change request.
// Node and cluster names come from the nodes: every word is quoted for a POSIX shell, and a name with a control
// character is refused (shown escaped), never printed raw.
import type { Change } from '../analyze/what-if.js';
import { parseDeclaredEdition } from '../domain/editions.js';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../domain/policy.js';
import type { ClusterRecord } from '../model/facts.js';
import { escapeJsonControls } from '../report/sanitize.js';
import type { JudgeArgs } from './options.js';

/** Where the facts of the run came from, as the plan command must name them. */
export type PlanSource =
  | { readonly kind: 'config' | 'snapshot'; readonly file: string }
  /** A scan: reproducible only from a snapshot of it, the one --save-snapshot writes, if given. */
  | { readonly kind: 'scan'; readonly savedSnapshot: string | undefined };

export interface PlanCommandInput {
  readonly source: PlanSource;
  readonly judge: JudgeArgs;
  /** The ignore file the run used (given, or found beside the input). */
  readonly ignoreFile: string | undefined;
  readonly clusters: readonly ClusterRecord[];
}

export type PlanCommand =
  | { readonly command: string; readonly notes: readonly string[] }
  | { readonly error: string };

export const SNAPSHOT_PLACEHOLDER = 'SNAPSHOT.json';

// No = first: zsh expands =word to a command's path.
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;
// C0 and C1 controls, DEL, and the bidirectional marks that reorder what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** One word for a POSIX shell: bare when it is plainly safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

class Refused extends Error {}

const visible = (text: string) => escapeJsonControls(JSON.stringify(text));

function checked(name: string, what: string): string {
  if (CONTROLS.test(name)) throw new Refused(`the ${what} name ${visible(name)} has control characters`);
  // plan reads CLUSTER/NODE: a slash in a name would be split.
  if (name.includes('/')) throw new Refused(`the ${what} name ${visible(name)} has a slash`);
  return name;
}

/** `--flag value`, or `--flag=value` for a value that starts with a dash (yargs would read it as an option). */
function option(flag: string, value: string): string {
  if (CONTROLS.test(value)) throw new Refused(`${visible(value)} has control characters`);
  return value.startsWith('-') ? shellQuote(`${flag}=${value}`) : `${flag} ${shellQuote(value)}`;
}

function changeOption(change: Change, severalClusters: boolean): string {
  const node = checked(change.node, 'node');
  const where = severalClusters ? `${checked(change.cluster, 'cluster')}/${node}` : node;
  switch (change.kind) {
    case 'drain':
    case 'evict':
      return option(`--${change.kind}`, where);
    case 'upgrade':
      return option('--upgrade', `${where}=${change.release}`);
    case 'edition':
      if (parseDeclaredEdition(change.edition) !== change.edition)
        throw new Refused(`the edition ${change.edition} has no --edition spelling`);
      return option('--edition', `${where}=${change.edition}`);
    case 'add-node':
      if (parseDeclaredEdition(change.edition) !== change.edition)
        throw new Refused(`the edition ${change.edition} has no --add-node spelling`);
      return option('--add-node', `${where}=${change.release}:${change.edition}`);
    case 'resume':
      throw new Refused('resume has no flag (a plan file can resume a node)');
  }
}

// plan runs flag steps in this order; listing them so makes the command read as it runs.
const FLAG_ORDER: Record<Change['kind'], number> = {
  drain: 0,
  evict: 1,
  upgrade: 2,
  edition: 3,
  'add-node': 4,
  resume: 5,
};

function judgeOptions(input: PlanCommandInput): string[] {
  const { judge, ignoreFile } = input;
  return [
    ...(ignoreFile ? [option('--ignore-file', ignoreFile)] : []),
    ...(judge.baseline ? [option('--baseline', judge.baseline)] : []),
    ...(judge.gate.failOn !== 'error' ? [option('--fail-on', judge.gate.failOn)] : []),
    ...(judge.gate.unknown !== 'fail' ? [option('--unknown', judge.gate.unknown)] : []),
    ...(judge.expiryWarningDays !== DEFAULT_EXPIRY_WARNING_DAYS
      ? [option('--expiry-warning-days', String(judge.expiryWarningDays))]
      : []),
    ...(judge.now ? [option('--now', judge.now.toISOString())] : []),
  ];
}

export function planCommand(input: PlanCommandInput, changes: readonly Change[]): PlanCommand {
  const { source } = input;
  const notes: string[] = [];
  try {
    let from: string;
    if (source.kind === 'scan') {
      from = option('--snapshot', source.savedSnapshot ?? SNAPSHOT_PLACEHOLDER);
      notes.push(
        source.savedSnapshot
          ? `${from.slice('--snapshot '.length)} is the snapshot this scan saves (--save-snapshot).`
          : `${SNAPSHOT_PLACEHOLDER} stands for a snapshot of the scan: this one saved none, so scan again with --save-snapshot ${SNAPSHOT_PLACEHOLDER} first.`,
      );
    } else from = option(`--${source.kind}`, source.file);
    const steps = [...changes]
      .sort((a, b) => FLAG_ORDER[a.kind] - FLAG_ORDER[b.kind])
      .map((change) => changeOption(change, input.clusters.length > 1));
    const words = ['avma-check', 'plan', from, ...judgeOptions(input), ...steps];
    if (changes.length > 1)
      notes.push('Each change is a step of the plan; its last step is the what-if as shown.');
    return { command: words.join(' '), notes };
  } catch (error) {
    if (error instanceof Refused) return { error: `${error.message}: write the plan as a plan file instead` };
    throw error;
  }
}

/** What is printed after the report: comment lines a shell ignores, and the command. */
export function planCommandText(plan: PlanCommand): string {
  if ('error' in plan) return `# No plan command for this what-if: ${plan.error}.\n`;
  const notes = plan.notes.map((note) => `# ${note}\n`).join('');
  return `# The what-if as an avma-check plan, for the change request:\n${plan.command}\n${notes}`;
}
