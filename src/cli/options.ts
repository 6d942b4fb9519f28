// Option groups shared by commands, so `check`, `scan` and `demo` spell them the same way.
import type { Argv } from 'yargs';
import { UserError } from '../config/user-error.js';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../domain/policy.js';
import { FORMAT_NAMES, type FormatName } from '../report/index.js';
import { DEFAULT_CONCURRENCY } from '../scan/scan.js';
import { FAIL_ON, type FailOn, UNKNOWN_POLICIES, type UnknownPolicy } from './exit-codes.js';
import type { OutputTarget } from './report-snapshot.js';

export interface ReportOptions {
  format: FormatName | FormatName[];
  output?: string | string[];
  'fail-on': FailOn;
  unknown: UnknownPolicy;
  'ignore-file'?: string;
  baseline?: string;
  'save-snapshot'?: string;
  'expiry-warning-days': number;
  now?: string;
}

export interface ScanOptionValues {
  concurrency: number;
  'connect-timeout'?: number;
  'command-timeout'?: number;
  'accept-new-host-keys': boolean;
  tui: boolean;
}

export function withReportOptions<T>(yargs: Argv<T>): Argv<T & ReportOptions> {
  return yargs
    .option('format', {
      alias: 'f',
      choices: FORMAT_NAMES,
      default: 'text' as FormatName,
      describe: 'report format; repeat with --output for several reports in one run',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      describe: 'write the report to this file instead of stdout (- is stdout); one per --format',
      requiresArg: true,
    })
    .option('fail-on', {
      choices: FAIL_ON,
      default: 'error' as FailOn,
      describe: 'what makes the exit code 1: error (a VM at risk), warning (also any warning), never',
    })
    .option('ignore-file', {
      type: 'string',
      requiresArg: true,
      describe:
        'suppressions: rule ids with matchers, a reason and an optional expiry (default: .avma-ignore.yaml beside the input, if there is one)',
    })
    .option('baseline', {
      type: 'string',
      requiresArg: true,
      describe:
        'a JSON report saved earlier: fail only on findings it does not have, and list the ones gone since',
    })
    .option('unknown', {
      choices: UNKNOWN_POLICIES,
      default: 'fail' as UnknownPolicy,
      describe: 'fail: missing facts end with exit code 3; pass: they do not change it',
    })
    .option('save-snapshot', {
      type: 'string',
      describe: 'also write the facts as a snapshot file (check --snapshot reads it)',
      requiresArg: true,
    })
    .option('expiry-warning-days', {
      type: 'number',
      default: DEFAULT_EXPIRY_WARNING_DAYS,
      describe: 'warn when a host activation ends within this many days',
    })
    .option('now', {
      type: 'string',
      describe: 'judge as of this date (YYYY-MM-DD), e.g. to replay a report',
      requiresArg: true,
    }) as Argv<T & ReportOptions>;
}

export function withScanOptions<T>(yargs: Argv<T>): Argv<T & ScanOptionValues> {
  return yargs
    .option('concurrency', {
      type: 'number',
      default: DEFAULT_CONCURRENCY,
      describe: 'nodes scanned at once',
    })
    .option('connect-timeout', {
      type: 'number',
      describe: "seconds to wait for a node's SSH handshake (config: ssh.connectTimeoutSeconds, default 10)",
      requiresArg: true,
    })
    .option('command-timeout', {
      type: 'number',
      describe: 'seconds a node may take to answer (config: ssh.commandTimeoutSeconds, default 120)',
      requiresArg: true,
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
    describe: 'the interactive view when stdout is a terminal; --no-tui for plain output',
  }) as Argv<T & { tui: boolean }>;
}

export function checkScanOptions(args: ScanOptionValues): void {
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 256) {
    throw new UserError(`--concurrency ${args.concurrency} is not a whole number from 1 to 256`);
  }
  for (const [name, value] of [
    ['--connect-timeout', args['connect-timeout']],
    ['--command-timeout', args['command-timeout']],
  ] as const) {
    if (value !== undefined && !(value > 0 && value <= 3600))
      throw new UserError(`${name} ${value} is not a number of seconds from 1 to 3600`);
  }
}

/** --now: a date (YYYY-MM-DD) or a full ISO timestamp. */
export function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) throw new UserError(`--now ${text} is not a date`, 'use YYYY-MM-DD');
  return new Date(time);
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Pairs each --format with its --output, refusing what cannot be meant (two reports on stdout, a file twice). */
export function pairOutputs(
  formatValue: FormatName | FormatName[],
  outputValue: string | string[] | undefined,
): OutputTarget[] {
  const formats = list(formatValue);
  const outputs = list(outputValue);
  const example =
    'for example --format json --output report.json --format junit --output report.xml (- is stdout)';
  if (outputs.length === 0 && formats.length > 1)
    throw new UserError(
      `${formats.length} formats but no --output`,
      `give one --output per --format, ${example}`,
    );
  if (outputs.length > 0 && outputs.length !== formats.length) {
    throw new UserError(
      `${formats.length} --format but ${outputs.length} --output`,
      `give one --output per --format, ${example}`,
    );
  }
  const targets = formats.map((format, i) => ({
    format,
    file: outputs[i] === undefined || outputs[i] === '-' ? null : (outputs[i] as string),
  }));
  if (targets.filter((t) => t.file === null).length > 1)
    throw new UserError('more than one report would go to stdout', example);
  const files = targets.flatMap((t) => (t.file === null ? [] : [t.file]));
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice) throw new UserError(`two reports would be written to ${twice}`, example);
  return targets;
}

export function reportArgs(args: ReportOptions) {
  return {
    outputs: pairOutputs(args.format, args.output),
    gate: { failOn: args['fail-on'], unknown: args.unknown },
    ignoreFile: args['ignore-file'],
    baseline: args.baseline,
    saveSnapshot: args['save-snapshot'],
    expiryWarningDays: args['expiry-warning-days'],
    now: parseNow(args.now),
  };
}

export function scanArgs(args: ScanOptionValues) {
  checkScanOptions(args);
  return {
    concurrency: args.concurrency,
    connectTimeout: args['connect-timeout'],
    commandTimeout: args['command-timeout'],
    acceptNewHostKeys: args['accept-new-host-keys'],
    tui: args.tui,
  };
}

export interface InputOptions {
  config?: string;
  snapshot?: string;
}

/** --config or --snapshot: declared facts, or a scan saved earlier. */
export function withInputOptions<T>(yargs: Argv<T>): Argv<T & InputOptions> {
  return yargs
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'clusters.yaml with declared facts',
      requiresArg: true,
    })
    .option('snapshot', {
      type: 'string',
      describe: 'a snapshot saved by scan --save-snapshot',
      requiresArg: true,
    })
    .conflicts('config', 'snapshot') as Argv<T & InputOptions>;
}
