// The process's entry point, the one file bin/avma-check loads: the real streams, the fatal handlers, the exit
// code. --debug maps stack traces back to the TypeScript sources.
import { preferProductionReact } from './environment.js';
import { processIo } from './io.js';
import { installFatalHandlers, main } from './main.js';

preferProductionReact();
const debug = process.argv.includes('--debug');
if (debug) process.setSourceMapsEnabled(true);
installFatalHandlers(processIo, debug);
process.exitCode = await main(process.argv.slice(2), processIo);
