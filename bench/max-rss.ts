// Preloaded (node --import) into a process the bench measures: reports its peak RSS on fd 3 when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // No fd 3: not run by the bench.
  }
});
