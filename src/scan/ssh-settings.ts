// SSH settings for one node: defaults < cluster < node, with secrets only from environment variables.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { SshConfig } from '../config/schema.js';
import { UserError } from '../config/user-error.js';

export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 120;

export interface SshSettings {
  username: string;
  port: number;
  privateKey: Buffer | null;
  passphrase: string | null;
  password: string | null;
  agent: string | null;
  knownHostsPath: string;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

export interface SshOverrides {
  connectTimeoutSeconds?: number | undefined;
  commandTimeoutSeconds?: number | undefined;
}

export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? resolve(homedir(), path.slice(2)) : resolve(path);
}

function fromEnv(env: Readonly<Record<string, string | undefined>>, name: string, what: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new UserError(
      `the config takes the ${what} from $${name}, which is not set`,
      `export ${name}=... before running the scan`,
    );
  }
  return value;
}

const keyCache = new Map<string, Promise<Buffer>>();

function readKey(path: string): Promise<Buffer> {
  let key = keyCache.get(path);
  if (!key) {
    key = readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new UserError(
        `cannot read the private key ${path} (${error.code ?? error.message})`,
        'check ssh.privateKeyPath',
      );
    });
    keyCache.set(path, key);
  }
  return key;
}

export async function resolveSsh(
  layers: readonly (SshConfig | undefined)[],
  env: Readonly<Record<string, string | undefined>>,
  overrides: SshOverrides,
): Promise<SshSettings> {
  const merged: SshConfig = Object.assign({}, ...layers.filter(Boolean));
  const agent = merged.agent === false ? null : (env.SSH_AUTH_SOCK ?? null);
  const keyPath = merged.privateKeyPath ? expandHome(merged.privateKeyPath) : null;
  if (merged.agent === true && !agent)
    throw new UserError(
      'ssh.agent is true, but SSH_AUTH_SOCK is not set',
      'start ssh-agent and add your key, or give ssh.privateKeyPath',
    );
  const password = merged.passwordEnv ? fromEnv(env, merged.passwordEnv, 'SSH password') : null;
  if (!keyPath && !agent && !password) {
    throw new UserError(
      'no way to log in: give ssh.privateKeyPath, run an ssh-agent, or name a password variable in ssh.passwordEnv',
    );
  }
  return {
    username: merged.username ?? 'avma-scan',
    port: merged.port ?? 22,
    privateKey: keyPath ? await readKey(keyPath) : null,
    passphrase: merged.passphraseEnv ? fromEnv(env, merged.passphraseEnv, 'key passphrase') : null,
    password,
    agent,
    knownHostsPath: expandHome(merged.knownHostsPath ?? '~/.ssh/known_hosts'),
    connectTimeoutMs:
      1000 *
      (overrides.connectTimeoutSeconds ?? merged.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS),
    commandTimeoutMs:
      1000 *
      (overrides.commandTimeoutSeconds ?? merged.commandTimeoutSeconds ?? DEFAULT_COMMAND_TIMEOUT_SECONDS),
  };
}
