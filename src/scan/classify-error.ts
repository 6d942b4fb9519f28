// Socket and SSH errors -> a node error an admin can act on. Which kinds may pass on their own (and so are
// retried) is decided here too. Hints are whole sentences, with the node's real port.
import type { NodeError, NodeErrorKind } from '../model/facts.js';

/** How to get Windows OpenSSH Server running and reachable on `port`, for every release. */
export function openSshHint(port: number): string {
  return (
    `Is OpenSSH Server installed and running on the node, and does its firewall allow TCP port ${port}? ` +
    'Windows Server 2019 and 2022: Add-WindowsCapability -Online -Name OpenSSH.Server~~~~0.0.1.0, then ' +
    'Start-Service sshd; Set-Service -Name sshd -StartupType Automatic. ' +
    'Windows Server 2025 ships sshd installed but disabled: run the same Start-Service and Set-Service commands. ' +
    'Windows Server 2016 and 2012 R2 have no OpenSSH in the box: install Win32-OpenSSH from ' +
    'github.com/PowerShell/Win32-OpenSSH/releases (install-sshd.ps1), then start it and set it to Automatic the same way. ' +
    `If the firewall rule is missing: New-NetFirewallRule -Name OpenSSH-Server-In-TCP -DisplayName 'OpenSSH Server (sshd)' ` +
    `-Enabled True -Direction Inbound -Protocol TCP -Action Allow -LocalPort ${port}.`
  );
}

/** The raw collector output of a node whose output could not be used (see ScanOptions.onRawOutput). */
export interface RawOutput {
  stdout: Buffer;
  stderr: Buffer;
}

export interface ErrorContext {
  host: string;
  port: number;
  username: string;
  connectTimeoutMs: number;
  /** "jump host NAME" when the error is a jump host's, else null. */
  jumpHost?: string | null | undefined;
  /** The key exchange had completed: the host speaks SSH, so a close is its sshd's decision. */
  keyExchanged?: boolean | undefined;
  /** False while the TCP connection to the host had not opened yet (no SYN-ACK: dropped, or nothing there). */
  tcpOpened?: boolean | undefined;
}

/** Where Windows OpenSSH looks for the public key of `username`: it depends on whether it is an administrator. */
function authorizedKeysHint(username: string): string {
  // DOMAIN\user and user@domain have their profile folder under the bare name.
  const account = username.replace(/^.*\\/, '').replace(/@.*$/, '');
  return (
    `Check ssh.username (the scan logged in as ${username}), and that the public key is authorized on the node: ` +
    'for an account in the Administrators group Windows OpenSSH (its default sshd_config) reads only ' +
    'C:\\ProgramData\\ssh\\administrators_authorized_keys; for any other account (such as a least-rights scan account) ' +
    `its profile's C:\\Users\\${account}\\.ssh\\authorized_keys. Check the passphrase or password variable too.`
  );
}

/** What drops a TCP connection to `host:port` without refusing it, and how to tell. */
function droppedHint(context: ErrorContext): string {
  const { host, port } = context;
  const firewall = context.jumpHost
    ? `a firewall on the jump host or on the way drops TCP port ${port}`
    : `a firewall drops TCP port ${port}: Windows Firewall does so for every port no rule allows ` +
      `(New-NetFirewallRule -Name OpenSSH-Server-In-TCP -DisplayName 'OpenSSH Server (sshd)' -Enabled True ` +
      `-Direction Inbound -Protocol TCP -Action Allow -LocalPort ${port}), or a firewall on the way does`;
  return (
    `Nothing answered at ${host}:${port}, not even a refusal. Most often ${firewall}. ` +
    `Or the port is wrong (ssh.port, or Port in your OpenSSH config), or sshd is not listening on ${host}:${port}; ` +
    `Test-NetConnection ${host} -Port ${port} (or nc -vz ${host} ${port}) shows whether the port opens.`
  );
}

const RETRYABLE = new Set<NodeErrorKind>(['unreachable', 'timeout']);

export class NodeFailure extends Error {
  readonly error: NodeError;
  readonly retryable: boolean;
  /** What the node printed, when its output could not be used. */
  raw: RawOutput | null = null;

  constructor(
    kind: NodeErrorKind,
    message: string,
    hint: string | null = null,
    retryable = RETRYABLE.has(kind),
  ) {
    super(message);
    this.error = { kind, message, hint };
    this.retryable = retryable;
  }
}

export function classifyConnectError(error: unknown, context: ErrorContext): NodeFailure {
  if (error instanceof NodeFailure) return error;
  const { code, level, message } = error as { code?: string; level?: string; message?: string };
  const address = `${context.host}:${context.port}`;
  const where = context.jumpHost ? `${context.jumpHost} (${address})` : address;
  const sshdHint = context.jumpHost
    ? `Is sshd running on the jump host, and does its firewall allow TCP port ${context.port}?`
    : openSshHint(context.port);
  const closedAfterKex = context.keyExchanged && ['ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code ?? '');
  if (closedAfterKex) {
    return new NodeFailure(
      'unreachable',
      `${where} closed the connection after the key exchange, before the login completed`,
      'Its sshd accepted the connection, then refused to go on: its log says why (on Windows, Event Viewer: ' +
        'Applications and Services Logs > OpenSSH > Operational), for example MaxStartups, AllowUsers or DenyUsers, or a ban of this address.',
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new NodeFailure('unreachable', `connection refused by ${where}`, sshdHint);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NodeFailure(
        'unreachable',
        `cannot resolve ${context.jumpHost ?? context.host}`,
        'Check the host name in the config (or HostName in your OpenSSH config) and DNS.',
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new NodeFailure(
        'unreachable',
        `no route to ${where}`,
        'Check the address and the network path.',
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return new NodeFailure(
        'unreachable',
        `${where} closed the connection during the SSH handshake`,
        sshdHint,
      );
    case 'ETIMEDOUT':
      return new NodeFailure('unreachable', `${where} closed the connection before SSH was ready`, sshdHint);
    default:
      break;
  }
  if (level === 'client-timeout') {
    const seconds = Math.round(context.connectTimeoutMs / 1000);
    if (context.tcpOpened === false)
      return new NodeFailure(
        'timeout',
        `the TCP connection to ${where} did not open within ${seconds} s`,
        droppedHint(context),
      );
    return new NodeFailure(
      'timeout',
      `no SSH handshake from ${where} within ${seconds} s`,
      'It accepts TCP but does not speak SSH: is it overloaded, or is something other than sshd listening on that port?',
    );
  }
  if (level === 'client-authentication') {
    return new NodeFailure(
      'auth',
      `${where} refused the login of user ${context.username}`,
      context.jumpHost
        ? 'Check User and IdentityFile for the jump host in your OpenSSH config, or the keys in your ssh-agent.'
        : authorizedKeysHint(context.username),
      false,
    );
  }
  // ssh2's parser refusing what the peer sent before SSH was up: an endless banner, a line that never ends, an
  // identification that is not SSH-2.0, a packet of a length no SSH server sends. Not transient: not retried.
  if (!code && (level === undefined || level === 'protocol') && SSH_PROTOCOL_ERROR.test(message ?? '')) {
    return new NodeFailure(
      'unreachable',
      `${where} does not speak SSH as an SSH server does: ${String(message).slice(0, 200)}`,
      `Something other than OpenSSH Server may answer on TCP port ${context.port} (a web server, a proxy, a tarpit); ` +
        `ssh -v -p ${context.port} ${context.host} shows what it sends.`,
      false,
    );
  }
  return new NodeFailure(
    'unreachable',
    `cannot connect to ${where}: ${String(message ?? error).slice(0, 200)}`,
    sshdHint,
  );
}

const SSH_PROTOCOL_ERROR = /greeting|header|identification|packet length|padding/i;
