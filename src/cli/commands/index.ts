// The command registry, in the order --help lists them.
import type { CommandModule } from 'yargs';
import { checkCommand } from './check.js';
import { demoCommand } from './demo.js';
import { diffCommand } from './diff.js';
import { planCommand } from './plan.js';
import { rulesCommand } from './rules.js';
import { scanCommand } from './scan.js';

// biome-ignore lint/suspicious/noExplicitAny: yargs commands differ in their option types.
export const commands: CommandModule<any, any>[] = [
  scanCommand,
  checkCommand,
  planCommand,
  diffCommand,
  demoCommand,
  rulesCommand,
];
