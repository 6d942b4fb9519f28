// The command registry, in the order --help lists them.
import { checkCommand } from './check.js';
import { collectorCommand } from './collector.js';
import { demoCommand } from './demo.js';
import { diffCommand } from './diff.js';
import { mergeCommand } from './merge.js';
import { planCommand } from './plan.js';
import { rulesCommand } from './rules.js';
import { scanCommand } from './scan.js';
import type { CommandDef } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: commands differ in their option types.
export const commands: CommandDef<any>[] = [
  scanCommand,
  checkCommand,
  planCommand,
  diffCommand,
  mergeCommand,
  collectorCommand,
  demoCommand,
  rulesCommand,
];
