// The command registry, in the order --help lists them.
import { checkCommand } from './check.js';
import { rulesCommand } from './rules.js';

// biome-ignore lint/suspicious/noExplicitAny: yargs commands differ in their option types.
export const commands: CommandModule<any, any>[] = [checkCommand, rulesCommand];

import type { CommandModule } from 'yargs';
