// SSH settings for one node: defaults < cluster < node, with secrets only from environment variables. Keys are
// read and decrypted once per run (KeyRing), shared by every node that names them.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { SshConfig } from '../config/schema.js';
import { UserError } from '../config/user-error.js';
import { type Identity, KeyRing } from './private-keys.js';

export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 120;

/** One SSH login: a jump host, or the node itself. */
export interface HopSettings {
  /** The name as given (clusters.yaml host), for messages. */
  alias: string;
  /** Where to connect. */
  host: string;
  port: number;
  username: string;
  identities: Identity[];
  agent: string | null;
  password: string | null;
  /** The user's known_hosts file: checked, and where new keys are recorded. */
  knownHostsPath: string;
}

export interface SshSettings extends HopSettings {
  /** Jump hosts to go through, first to last (empty: connect directly). */
  jumps: HopSettings[];
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

/** What every node of a run shares: the environment and the decrypted keys. */
export class SshResolver {
  readonly keys = new KeyRing();

  constructor(
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly overrides: SshOverrides,
  ) {}

  /** Settings for the node reached as `hostArg` (its clusters.yaml host, or its name). */
  async resolve(layers: readonly (SshConfig | undefined)[], hostArg: string): Promise<SshSettings> {
    const merged: SshConfig = Object.assign({}, ...layers.filter(Boolean));
    const agent = merged.agent === false ? null : (this.env.SSH_AUTH_SOCK ?? null);
    if (merged.agent === true && !agent)
      throw new UserError(
        'ssh.agent is true, but SSH_AUTH_SOCK is not set',
        'start ssh-agent and add your key, or give ssh.privateKeyPath',
      );
    const passphrase = merged.passphraseEnv
      ? { value: fromEnv(this.env, merged.passphraseEnv, 'key passphrase'), variable: merged.passphraseEnv }
      : null;
    const password = merged.passwordEnv ? fromEnv(this.env, merged.passwordEnv, 'SSH password') : null;
    const identity = merged.privateKeyPath
      ? await this.keys.load({
          path: expandHome(merged.privateKeyPath),
          passphrase,
          from: 'config',
          agent: agent !== null,
        })
      : null;
    if (!identity?.key && !agent && !password) {
      throw new UserError(
        'no way to log in: give ssh.privateKeyPath, run an ssh-agent, or name a password variable in ssh.passwordEnv',
      );
    }
    return {
      alias: hostArg,
      host: hostArg,
      port: merged.port ?? 22,
      username: merged.username ?? 'avma-scan',
      identities: identity ? [identity] : [],
      agent,
      password,
      knownHostsPath: expandHome(merged.knownHostsPath ?? '~/.ssh/known_hosts'),
      jumps: [],
      connectTimeoutMs:
        1000 *
        (this.overrides.connectTimeoutSeconds ??
          merged.connectTimeoutSeconds ??
          DEFAULT_CONNECT_TIMEOUT_SECONDS),
      commandTimeoutMs:
        1000 *
        (this.overrides.commandTimeoutSeconds ??
          merged.commandTimeoutSeconds ??
          DEFAULT_COMMAND_TIMEOUT_SECONDS),
    };
  }
}
