// Simulated nodes served by a second process (so they do not share the measured process's event loop): the
// script prints one line of JSON (what it serves) and stops when its stdin closes.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export async function serveNodes<T>(
  script: string,
  args: readonly string[] = [],
): Promise<T & { stop: () => void }> {
  const server = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [server, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  return { ...(JSON.parse(String(first.value ?? '{}')) as T), stop: () => child.stdin.end() };
}
