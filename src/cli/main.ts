// Entry point: builds the context once, parses the command line, runs one command and returns its exit code.
import yargs from 'yargs';
import { ConfigError } from '../config/config-error.js';
import { UserError } from '../config/user-error.js';
import { sanitize } from '../report/sanitize.js';
import { commands } from './commands/index.js';
import type { Context, Io } from './context.js';
import { readEnvironment } from './environment.js';
import { ExitCode } from './exit-codes.js';
import { processSignals } from './io.js';
import { VERSION } from './version.js';

/** What yargs found wrong with the command line. */
class UsageFailure extends Error {}

export function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof UsageFailure) {
    io.stderr.write(`avma-check: ${error.message}\n  Run avma-check --help for the commands and options.\n`);
    return ExitCode.Usage;
  }
  if (error instanceof ConfigError) {
    const what = error.problems.length === 1 ? 'cannot use' : `${error.problems.length} problems in`;
    io.stderr.write(`avma-check: ${what} ${sanitize(error.file, 400)}\n`);
    for (const line of error.message.split('\n')) io.stderr.write(`  ${sanitize(line, 600)}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof UserError) {
    io.stderr.write(`avma-check: ${sanitize(error.message, 600)}\n`);
    if (error.hint) io.stderr.write(`  ${sanitize(error.hint, 2000)}\n`);
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

/** Runs one command line. Tests pass their own io and parts of the context; the bin passes the process's. */
export async function main(argv: readonly string[], io: Io, given: Partial<Context> = {}): Promise<number> {
  const context: Context = {
    io,
    environment: given.environment ?? readEnvironment(io),
    clock: given.clock ?? (() => new Date()),
    signals: given.signals ?? processSignals,
    debug: given.debug ?? argv.includes('--debug'),
  };
  let outcome: number = ExitCode.Pass;
  const parser = yargs()
    .scriptName('avma-check')
    .usage(
      'avma-check: will every VM stay activated (AVMA) on every Hyper-V cluster node it can fail over to?\n\n' +
        'Usage: $0 <command> [options]',
    )
    .command(
      commands.map((def) => ({
        command: def.command,
        describe: def.describe,
        builder: def.builder,
        handler: async (args: unknown) => {
          outcome = await def.run(args, context);
        },
      })),
    )
    .completion('completion', 'print a bash/zsh completion script (add it to your shell profile)')
    .demandCommand(1, 'Name a command: scan, check, plan, diff, merge, collector, demo, rules or completion.')
    .option('debug', {
      type: 'boolean',
      default: false,
      global: true,
      describe: 'show stack traces of internal errors and the raw output of nodes that could not be read',
    })
    .epilog(
      'New here? avma-check demo scans a simulated cluster over SSH. avma-check <command> --help shows each ' +
        'command with examples.\nExit codes: 0 pass, 1 fail, 2 usage or config error, 3 incomplete, ' +
        '130/143 interrupted.',
    )
    .strict()
    .recommendCommands()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .alias('v', 'version')
    .wrap(Math.min(110, context.environment.columns))
    .fail((message, error) => {
      // Throwing stops yargs: otherwise it would still run the command after a usage error.
      if (error) throw error;
      const unknown = /^Did you mean /.test(message ?? '') ? `unknown command "${argv[0]}". ` : '';
      throw new UsageFailure(`${unknown}${message}`);
    });
  // With a parse callback yargs hands back what it would print (help, version) instead of writing to the
  // process's console and exiting: main() writes it to its own stdout, in-process as from the bin.
  // Shell completion comes only from a shell through the bin, and yargs loses a command's options with a parse
  // callback: it prints those itself.
  let printed = '';
  try {
    if (argv.includes('--get-yargs-completions')) await parser.parseAsync([...argv]);
    else
      await parser.parseAsync([...argv], {}, (_error, _args, output) => {
        printed = output ?? '';
      });
  } catch (error) {
    return reportError(error, io, context.debug);
  }
  if (printed) io.stdout.write(printed.endsWith('\n') ? printed : `${printed}\n`);
  return outcome;
}
