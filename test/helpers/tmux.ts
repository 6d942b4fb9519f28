// Drives a program in a real terminal: tmux types with send-keys and reads the screen with capture-pane.
import { execFileSync } from 'node:child_process';

export class TmuxSession {
  private readonly socket = `avma-check-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly name = 'main';

  constructor(command: string, size = { columns: 120, rows: 40 }) {
    this.tmux(
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      command,
    );
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', this.name);
  }

  /** The screen with its colour and style sequences, as the terminal drew it. */
  styledScreen(): string {
    return this.tmux('capture-pane', '-e', '-p', '-J', '-S', '-200', '-t', this.name);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  async waitFor(expected: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
      if (Date.now() - started > timeoutMs)
        throw new Error(`the terminal never showed ${String(expected)}:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
