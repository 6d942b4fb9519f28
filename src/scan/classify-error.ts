// Socket and SSH errors -> a node error an admin can act on. Which kinds may pass on their own (and so are
// retried) is decided here too.
import type { NodeError, NodeErrorKind } from '../model/facts.js';

export const OPENSSH_HINT =
  'is OpenSSH Server installed and running on the node? Windows Server 2019/2022: ' +
  'Add-WindowsCapability -Online -Name OpenSSH.Server~~~~0.0.1.0; 2025 has it but disabled: ' +
  'Set-Service sshd -StartupType Automatic; Start-Service sshd; 2016 and 2012 R2 need Win32-OpenSSH installed; ' +
  'and does the firewall allow TCP port 22?';

export interface ErrorContext {
  host: string;
  port: number;
  username: string;
  connectTimeoutMs: number;
}

const RETRYABLE = new Set<NodeErrorKind>(['unreachable', 'timeout']);

export class NodeFailure extends Error {
  readonly error: NodeError;
  readonly retryable: boolean;

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
  const where = `${context.host}:${context.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return new NodeFailure('unreachable', `connection refused by ${where}`, OPENSSH_HINT);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NodeFailure(
        'unreachable',
        `cannot resolve ${context.host}`,
        "check the node's host in the config and DNS",
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new NodeFailure(
        'unreachable',
        `no route to ${where}`,
        'check the address and the network path to the node',
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return new NodeFailure(
        'unreachable',
        `${where} closed the connection during the SSH handshake`,
        OPENSSH_HINT,
      );
    case 'ETIMEDOUT':
      return new NodeFailure(
        'unreachable',
        `${where} closed the connection before SSH was ready`,
        OPENSSH_HINT,
      );
    default:
      break;
  }
  if (level === 'client-timeout') {
    const seconds = Math.round(context.connectTimeoutMs / 1000);
    return new NodeFailure(
      'timeout',
      `no SSH handshake from ${where} within ${seconds} s`,
      'the node accepts TCP but does not speak SSH: is it overloaded, or is something else listening on that port?',
    );
  }
  if (level === 'client-authentication') {
    return new NodeFailure(
      'auth',
      `${where} refused the login of user ${context.username}`,
      'check ssh.username, that the public key is in administrators_authorized_keys on the node, and the passphrase or password variable',
      false,
    );
  }
  return new NodeFailure(
    'unreachable',
    `cannot connect to ${where}: ${String(message ?? error).slice(0, 200)}`,
    OPENSSH_HINT,
  );
}
