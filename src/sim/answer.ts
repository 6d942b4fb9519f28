// What a simulated node prints for the collector's command, fault by fault. The client may leave at any moment
// (a timeout, Ctrl-C, a bound reached): once it has, nothing more is written.
import type ssh2 from 'ssh2';
import { NODE_MARKER } from '../interpret/markers.js';
import {
  BEGIN_MARKER,
  CMD_EXE_LIMIT,
  COLLECTOR_SCRIPT,
  COLLECTOR_SCRIPT_WITHOUT_GROUPS,
  END_MARKER,
  REMOTE_COMMAND,
} from '../scan/collector-script.js';
import { CLIXML_ACCESS_DENIED, CLIXML_PROGRESS, type SimFault } from './faults.js';

export interface AnswerSpec {
  document: unknown;
  fault?: SimFault | undefined;
  delayMs?: number | undefined;
  noise?: string | undefined;
  stdout?: string | undefined;
}

/** Answers as cmd.exe and PowerShell would: the command line must be exactly the collector's. */
export function commandProblem(command: string): string | null {
  if (command.length > CMD_EXE_LIMIT) return 'The command line is too long.\r\n';
  if (command !== REMOTE_COMMAND)
    return `'${command.split(' ')[0]}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n`;
  return null;
}

/** What the collector writes (collector.ps1's last lines): the node line, then base64 in lines of 76. */
export function resultText(document: unknown): string {
  const json = typeof document === 'string' ? document : JSON.stringify(document);
  const name = (document as { computerName?: unknown } | null)?.computerName;
  const encoded = Buffer.from(json, 'utf8').toString('base64');
  const lines = encoded.match(/.{1,76}/g) ?? [];
  return `\r\n${NODE_MARKER} ${typeof name === 'string' ? name : ''}\r\n${BEGIN_MARKER}\r\n${lines.join('\r\n')}\r\n${END_MARKER}\r\n`;
}

/**
 * The channel of one command, as seen by the node. ssh2 ends a server channel's streams when the client closes
 * it, and then reports a write as an 'error' event: `gone()` is checked before writing, and errors that still
 * happen (a write racing the client's close) are dropped, as a server whose client left would drop them.
 */
export class Exec {
  private closed = false;

  constructor(readonly stream: ssh2.ServerChannel) {
    stream.on('error', () => {});
    stream.stderr.on('error', () => {});
    stream.once('close', () => {
      this.closed = true;
    });
  }

  gone(): boolean {
    const { stream } = this;
    return this.closed || stream.destroyed || stream.writableEnded || stream.stderr.writableEnded;
  }

  /** Resolves after `ms`, or as soon as the client leaves. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stream.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stream.once('close', done);
    });
  }

  /** Writes with back-pressure; stops when the client leaves. */
  async write(text: string | Buffer, to: 'stdout' | 'stderr' = 'stdout'): Promise<void> {
    const target = to === 'stdout' ? this.stream : this.stream.stderr;
    for (let offset = 0; offset < text.length && !this.gone(); offset += 16_384) {
      if (!target.write(text.slice(offset, offset + 16_384))) await this.drained(target);
    }
  }

  private drained(target: NodeJS.WritableStream): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        target.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      target.once('drain', done);
      this.stream.once('close', done);
    });
  }

  finish(code: number): void {
    if (this.gone()) return;
    this.stream.exit(code);
    this.stream.end();
  }
}

async function flood(exec: Exec, to: 'stdout' | 'stderr'): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  while (!exec.gone()) await exec.write(chunk, to);
}

/** Which collector the stdin carries: the whole one, the one without the cluster's groups, or something else. */
export type CollectorRequest = 'whole' | 'without-groups';

export function collectorRequest(stdin: string): CollectorRequest | null {
  const script = Buffer.from(stdin.trim(), 'base64').toString('utf8');
  if (script === COLLECTOR_SCRIPT) return 'whole';
  if (script === COLLECTOR_SCRIPT_WITHOUT_GROUPS) return 'without-groups';
  return null;
}

/** The document as the collector prints it when told to leave the cluster's groups to another node. */
function withoutGroups(document: unknown): unknown {
  const probes = (document as { probes?: unknown } | null)?.probes;
  if (typeof document !== 'object' || typeof probes !== 'object' || probes === null) return document;
  const { clusterGroups: _left, ...rest } = probes as Record<string, unknown>;
  return { ...document, probes: rest };
}

/** The connection a command runs on: its socket, and the password its login used, if any. */
export interface ExecConnection {
  socket: { end(): void; resetAndDestroy(): void };
  password: string | null;
}

export async function answer(
  spec: AnswerSpec,
  exec: Exec,
  /** Which collector the node's stdin carried (collectorRequest), null for anything else. */
  request: CollectorRequest | null,
  connection: ExecConnection,
): Promise<void> {
  // The channel's input also ends when the client closes it: then there is no one to answer.
  if (exec.gone()) return;
  if (request === null) {
    await exec.write(
      CLIXML_ACCESS_DENIED.replace('Access denied', 'the script on stdin is not the collector'),
      'stderr',
    );
    return exec.finish(1);
  }
  if (spec.delayMs) await exec.wait(spec.delayMs);
  await exec.write(CLIXML_PROGRESS, 'stderr');
  if (spec.noise) await exec.write(spec.noise);
  const output =
    spec.stdout ??
    resultText(
      spec.fault === 'malformed'
        ? '{"collectorVersion":1,"computerName":"x","probes":{'
        : request === 'without-groups'
          ? withoutGroups(spec.document)
          : spec.document,
    );
  switch (spec.fault) {
    case 'flood':
      return flood(exec, 'stdout');
    case 'flood-stderr':
      return flood(exec, 'stderr');
    case 'command-fails':
      await exec.write(CLIXML_ACCESS_DENIED, 'stderr');
      return exec.finish(1);
    case 'echo-secret': {
      const said = `Get-Credential: the password '${connection.password ?? ''}' is not accepted here\r\n`;
      await exec.write(`\u001b[31m${said}\u0000\xff\xfe garbage`);
      await exec.write(`<S S="Error">${said}</S>`, 'stderr');
      return exec.finish(1);
    }
    case 'stall':
      // Half the answer, then nothing: a node that hangs mid-answer.
      return exec.write(output.slice(0, output.length / 2));
    case 'drop-clean':
      await exec.write(output.slice(0, output.length / 2));
      return void setTimeout(() => connection.socket.end(), 20);
    case 'drop-reset':
      await exec.write(output.slice(0, output.length / 2));
      return void setTimeout(() => connection.socket.resetAndDestroy(), 20);
    default:
      await exec.write(output);
      exec.finish(0);
  }
}
