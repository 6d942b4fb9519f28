// Option groups shared by commands, so every command spells them the same way. Light on purpose: --help loads
// this file, not the formatters, the scanner or ink.
import type { Argv } from 'yargs';
import {
  FAIL_ON,
  type FailOn,
  type GateOptions,
  UNKNOWN_POLICIES,
  type UnknownPolicy,
} from '../analyze/gate.js';
import { parseDate } from '../config/dates.js';
import { UserError } from '../config/user-error.js';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../domain/policy.js';
import { DEFAULT_CONCURRENCY } from '../scan/defaults.js';
import { type OutputSpec, pairOutputs } from './output-pairs.js';

export interface OutputOptionValues {
  format: string | string[];
  output?: string | string[];
}

export interface JudgeOptionValues {
  'fail-on': FailOn;
  unknown: UnknownPolicy;
  'ignore-file'?: string;
  baseline?: string;
  'expiry-warning-days': string;
  now?: string;
}

export interface InputOptionValues {
  config?: string;
  snapshot?: string;
  collected?: string[];
}

export interface ScanOptionValues {
  concurrency: number;
  'connect-timeout'?: number;
  'command-timeout'?: number;
  'accept-new-host-keys': boolean;
}

export function withOutputOptions<T>(
  yargs: Argv<T>,
  formats: readonly string[],
): Argv<T & OutputOptionValues> {
  return yargs
    .option('format', {
      alias: 'f',
      choices: formats,
      default: 'text',
      describe: 'output format; repeat it, each with an --output, for several in one run',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      requiresArg: true,
      describe:
        'write to this file instead of stdout (- is stdout); one per --format. Written whole or not at all',
    }) as Argv<T & OutputOptionValues>;
}

export function withJudgeOptions<T>(yargs: Argv<T>): Argv<T & JudgeOptionValues> {
  return yargs
    .option('fail-on', {
      choices: FAIL_ON,
      default: 'error' as FailOn,
      describe: 'what fails the run (exit code 1): error (a VM at risk), warning (also any warning), never',
    })
    .option('unknown', {
      choices: UNKNOWN_POLICIES,
      default: 'fail' as UnknownPolicy,
      describe: 'fail: missing facts make the run incomplete (exit code 3); pass: they are reported and pass',
    })
    .option('ignore-file', {
      type: 'string',
      requiresArg: true,
      describe:
        'accepted findings: rule ids with matchers, a reason and an optional expiry (default: .avma-ignore.yaml beside the input, if there is one)',
    })
    .option('baseline', {
      type: 'string',
      requiresArg: true,
      describe:
        'a JSON report saved earlier: its findings are accepted, so only new ones fail; gone ones are listed',
    })
    .option('expiry-warning-days', {
      // A string, checked in judgeArgs: yargs makes an empty value 0 and a word NaN.
      type: 'string',
      requiresArg: true,
      default: String(DEFAULT_EXPIRY_WARNING_DAYS),
      describe: 'warn when a host activation ends within this many days (a whole number, 0 or more)',
    })
    .option('now', {
      type: 'string',
      requiresArg: true,
      describe: 'judge as of this date (YYYY-MM-DD or an ISO 8601 time), e.g. to replay a report',
    }) as Argv<T & JudgeOptionValues>;
}

export function withSaveSnapshot<T>(yargs: Argv<T>): Argv<T & { 'save-snapshot'?: string }> {
  return yargs.option('save-snapshot', {
    type: 'string',
    requiresArg: true,
    describe: 'also write the facts as a snapshot file (check --snapshot and plan --snapshot read it)',
  }) as Argv<T & { 'save-snapshot'?: string }>;
}

/** --config or --snapshot: declared facts, or a scan saved earlier. */
export function withInputOptions<T>(yargs: Argv<T>): Argv<T & InputOptionValues> {
  return yargs
    .option('config', {
      alias: 'c',
      type: 'string',
      requiresArg: true,
      describe: 'clusters.yaml (or .json) with declared facts',
    })
    .option('snapshot', {
      type: 'string',
      requiresArg: true,
      describe: 'a snapshot saved by --save-snapshot',
    })
    .option('collected', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe:
        'files of collector output gathered without SSH (PowerShell remoting; avma-check collector writes the script); --config adds its declared facts',
    })
    .conflicts('config', 'snapshot')
    .conflicts('collected', 'snapshot') as Argv<T & InputOptionValues>;
}

export function withScanOptions<T>(yargs: Argv<T>): Argv<T & ScanOptionValues> {
  return yargs
    .option('concurrency', {
      type: 'number',
      default: DEFAULT_CONCURRENCY,
      describe: 'nodes scanned at once (1 to 256)',
    })
    .option('connect-timeout', {
      type: 'number',
      requiresArg: true,
      describe: "seconds to wait for a node's SSH handshake (config: ssh.connectTimeoutSeconds, default 10)",
    })
    .option('command-timeout', {
      type: 'number',
      requiresArg: true,
      describe: 'seconds a node may take to answer (config: ssh.commandTimeoutSeconds, default 120)',
    })
    .option('accept-new-host-keys', {
      type: 'boolean',
      default: false,
      describe: 'record host keys not yet in known_hosts (trust on first use); a changed key still fails',
    }) as Argv<T & ScanOptionValues>;
}

/** --tui / --no-tui, for every command that can show the interactive view. */
export function withTuiOption<T>(yargs: Argv<T>): Argv<T & { tui: boolean }> {
  return yargs.option('tui', {
    type: 'boolean',
    default: true,
    describe: 'the interactive view when stdout and stdin are a terminal; --no-tui for plain output',
  }) as Argv<T & { tui: boolean }>;
}

export function checkScanOptions(args: ScanOptionValues) {
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 256)
    throw new UserError(`--concurrency ${args.concurrency} is not a whole number from 1 to 256`);
  for (const [name, value] of [
    ['--connect-timeout', args['connect-timeout']],
    ['--command-timeout', args['command-timeout']],
  ] as const) {
    if (value !== undefined && !(value > 0 && value <= 3600))
      throw new UserError(`${name} ${value} is not a number of seconds from 1 to 3600`);
  }
  return {
    concurrency: args.concurrency,
    connectTimeout: args['connect-timeout'],
    commandTimeout: args['command-timeout'],
    acceptNewHostKeys: args['accept-new-host-keys'],
  };
}

/** --now: a real calendar date (YYYY-MM-DD) or ISO 8601 time. */
export function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = parseDate(text);
  if (!date) throw new UserError(`--now ${text} is not a date`, 'use YYYY-MM-DD, e.g. 2027-01-31');
  return date;
}

export interface JudgeArgs {
  gate: GateOptions;
  ignoreFile: string | undefined;
  baseline: string | undefined;
  expiryWarningDays: number;
  now: Date | undefined;
}

export function judgeArgs(args: JudgeOptionValues): JudgeArgs {
  const given = String(args['expiry-warning-days']).trim();
  if (!/^\d{1,5}$/.test(given))
    throw new UserError(
      `--expiry-warning-days ${JSON.stringify(given)} is not a whole number of days, 0 or more`,
      'for example --expiry-warning-days 30 (0 turns the warning off)',
    );
  const days = Number(given);
  return {
    gate: { failOn: args['fail-on'], unknown: args.unknown },
    ignoreFile: args['ignore-file'],
    baseline: args.baseline,
    expiryWarningDays: days,
    now: parseNow(args.now),
  };
}

export function outputArgs(args: OutputOptionValues): OutputSpec[] {
  return pairOutputs(args.format, args.output);
}
