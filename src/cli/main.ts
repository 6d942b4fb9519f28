// Entry point: parses the command line, runs one command, and turns the outcome into an exit code.
import yargs from 'yargs';
import { ConfigError } from '../config/config-error.js';
import { UserError } from '../config/user-error.js';
import { sanitize } from '../report/sanitize.js';
import { commands } from './commands/index.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { takeOutcome } from './settle.js';
import { VERSION } from './version.js';

/** What yargs found wrong with the command line. */
class UsageFailure extends Error {}

function reportError(error: unknown, io: Io, debug: boolean): ExitCode {
  if (error instanceof UsageFailure) {
    io.stderr.write(`avma-check: ${error.message}\n  Run avma-check --help for the commands and options.\n`);
    return ExitCode.Usage;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(
      `avma-check: ${error.problems.length === 1 ? 'cannot use' : `${error.problems.length} problems in`} ${error.file}\n`,
    );
    for (const line of error.message.split('\n')) io.stderr.write(`  ${sanitize(line, 400)}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof UserError) {
    io.stderr.write(`avma-check: ${sanitize(error.message, 400)}\n`);
    if (error.hint) io.stderr.write(`  ${sanitize(error.hint, 1000)}\n`);
    return ExitCode.Usage;
  }
  io.stderr.write(`avma-check: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  io.stderr.write(
    '  This is a bug in avma-check; please report it with the command you ran (add --debug for details).\n',
  );
  return ExitCode.Usage;
}

/** A throw that escaped everything else is a bug: say so, exit 2, and keep that code. */
export function installFatalHandlers(io: Io, debug: boolean): void {
  const fatal = (error: unknown) => {
    reportError(error instanceof Error ? error : new Error(String(error)), io, debug);
    process.exit(ExitCode.Usage);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const parser = yargs([...argv])
    .scriptName('avma-check')
    .usage(
      'avma-check: will every VM stay activated (AVMA) on every Hyper-V cluster node it can fail over to?\n\n' +
        'Usage: $0 <command> [options]',
    )
    .command(commands)
    .demandCommand(1, 'Name a command: scan, check, plan, diff, demo or rules.')
    .option('debug', {
      type: 'boolean',
      default: false,
      describe: 'show stack traces of internal errors',
      global: true,
    })
    .epilog(
      'New here? avma-check demo scans a simulated cluster over SSH. avma-check <command> --help shows each command ' +
        'with examples.\nExit codes: 0 safe, 1 a VM at risk, 2 usage or config error, 3 no VM at risk but facts missing.',
    )
    .strict()
    .recommendCommands()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      // Throwing stops yargs: otherwise it would still run the command after a usage error.
      throw error ?? new UsageFailure(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error, io, argv.includes('--debug'));
  }
  return takeOutcome() ?? ExitCode.Safe;
}
