// SSH settings for one node: clusters.yaml (defaults < cluster < node) wins over the user's OpenSSH config
// (~/.ssh/config, or ssh.configFile), which wins over built-in defaults. Secrets come only from environment
// variables. Jump hosts (ProxyJump) are resolved through the same OpenSSH config.
import { homedir, hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { SshConfig } from '../config/schema.js';
import { UserError } from '../config/user-error.js';
import { agentProblem } from './agent-check.js';
import { loadDefaultIdentities } from './default-identity-files.js';
import { type Identity, KeyRing, type Passphrase } from './private-keys.js';
import type { JumpSpec } from './proxy-jump.js';
import { type ConfigFile, readSshConfigFile } from './ssh-config-file.js';
import { lookupHost } from './ssh-config-lookup.js';
import {
  expandIdentityFile,
  interpretOptions,
  type SshConfigHost,
  type TokenValues,
  validateSshConfig,
} from './ssh-config-options.js';

export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 120;
const MAX_JUMP_DEPTH = 8;

/** One SSH login: a jump host, or the node itself. */
export interface HopSettings {
  /** The name as given (clusters.yaml host or a ProxyJump entry), before HostName. */
  alias: string;
  /** Where to connect: the OpenSSH config's HostName, else the alias. */
  host: string;
  port: number;
  username: string;
  identities: Identity[];
  identitiesOnly: boolean;
  agent: string | null;
  /** Why SSH_AUTH_SOCK's agent is left out (it did not answer when the run started), or null. */
  agentProblem: string | null;
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

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Who runs the scan, for OpenSSH's defaults and tokens: home is the env's HOME, else the system's.
 * userInfo() throws for a uid with no passwd entry.
 */
function localIdentity(env: Env) {
  let user = { username: '', uid: -1 };
  try {
    user = userInfo();
  } catch {
    // A container user without a name: OpenSSH's %u and default user stay empty.
  }
  return { home: env.HOME || homedir(), localUser: user.username, localHost: hostname(), uid: user.uid };
}

/** What every node of a run shares: the environment, decrypted keys and parsed OpenSSH configs. */
export class SshResolver {
  readonly keys = new KeyRing();
  private readonly configs = new Map<string, Promise<ConfigFile | null>>();
  private readonly local: ReturnType<typeof localIdentity>;

  constructor(
    private readonly env: Env,
    private readonly overrides: SshOverrides,
  ) {
    this.local = localIdentity(env);
  }

  /** `path` with ~ as the home of this run. */
  expandHome(path: string): string {
    return path === '~' || path.startsWith('~/') ? resolve(this.local.home, path.slice(2)) : resolve(path);
  }

  private sshConfig(setting: string | undefined): Promise<ConfigFile | null> {
    if (setting?.toLowerCase() === 'none') return Promise.resolve(null);
    const path = this.expandHome(setting ?? '~/.ssh/config');
    let config = this.configs.get(path);
    if (!config) {
      config = readSshConfigFile(path, setting !== undefined, this.local.home).then((file) => {
        if (file) validateSshConfig(file);
        return file;
      });
      this.configs.set(path, config);
    }
    return config;
  }

  private readonly agents = new Map<string, Promise<string | null>>();

  /** Whether the agent answers: asked once per socket and run. */
  private checkAgent(socket: string): Promise<string | null> {
    let problem = this.agents.get(socket);
    if (!problem) {
      problem = agentProblem(socket);
      this.agents.set(socket, problem);
    }
    return problem;
  }

  private lookup(config: ConfigFile | null, host: string): SshConfigHost {
    return interpretOptions(lookupHost(config, host, this.local), host);
  }

  private async identities(
    paths: readonly string[],
    from: 'config' | 'ssh-config',
    passphrase: Passphrase | null,
    agent: boolean,
  ): Promise<Identity[]> {
    const loaded = await Promise.all(paths.map((path) => this.keys.load({ path, passphrase, from, agent })));
    return loaded.filter((identity): identity is Identity => identity !== null);
  }

  private tokens(alias: string, entry: SshConfigHost, username: string, port: number): TokenValues {
    return { ...this.local, originalHost: alias, host: entry.hostname ?? alias, user: username, port };
  }

  /** Settings for the node reached as `hostArg` (its clusters.yaml host, or its name). */
  async resolve(layers: readonly (SshConfig | undefined)[], hostArg: string): Promise<SshSettings> {
    const merged: SshConfig = Object.assign({}, ...layers.filter(Boolean));
    const config = await this.sshConfig(merged.configFile);
    const entry = this.lookup(config, hostArg);
    const socket = merged.agent === false ? null : (this.env.SSH_AUTH_SOCK ?? null);
    if (merged.agent === true && !socket)
      throw new UserError(
        'ssh.agent is true, but SSH_AUTH_SOCK is not set',
        'start ssh-agent and add your key, or give ssh.privateKeyPath',
      );
    const agentProblem = socket ? await this.checkAgent(socket) : null;
    if (merged.agent === true && agentProblem)
      throw new UserError(
        `ssh.agent is true, but ${agentProblem}`,
        'start ssh-agent again and add your key (ssh-add)',
      );
    const agent = agentProblem ? null : socket;
    const passphrase = merged.passphraseEnv
      ? { value: fromEnv(this.env, merged.passphraseEnv, 'key passphrase'), variable: merged.passphraseEnv }
      : null;
    const password = merged.passwordEnv ? fromEnv(this.env, merged.passwordEnv, 'SSH password') : null;
    const username = merged.username ?? entry.user ?? 'avma-scan';
    const port = merged.port ?? entry.port ?? 22;
    let identities: Identity[];
    let unusable: UserError[] = [];
    if (merged.privateKeyPath)
      identities = await this.identities(
        [this.expandHome(merged.privateKeyPath)],
        'config',
        passphrase,
        agent !== null,
      );
    else if (entry.identityFiles.length > 0)
      identities = await this.identities(
        entry.identityFiles.map((file) =>
          this.expandHome(expandIdentityFile(file, this.tokens(hostArg, entry, username, port))),
        ),
        'ssh-config',
        passphrase,
        agent !== null,
      );
    else
      ({ identities, unusable } = await loadDefaultIdentities(
        this.keys,
        (path) => this.expandHome(path),
        passphrase,
        agent !== null,
      ));
    if (!identities.some((identity) => identity.key) && !agent && !password) {
      const defaults = unusable.length
        ? ` (OpenSSH's default key files could not be used: ${unusable.map((error) => error.message).join('; ')})`
        : '';
      throw new UserError(
        `no way to log in${agentProblem ? ` (${agentProblem})` : ''}${defaults}: give ssh.privateKeyPath or an IdentityFile, put a key where ssh looks by default (~/.ssh/id_ed25519, id_rsa, ...), run an ssh-agent, or name a password variable in ssh.passwordEnv`,
        unusable[0]?.hint ?? null,
      );
    }
    const node = {
      alias: hostArg,
      host: entry.hostname ?? hostArg,
      port,
      username,
      identities,
      identitiesOnly: entry.identitiesOnly,
      agent,
      agentProblem,
      password,
      knownHostsPath: this.expandHome(merged.knownHostsPath ?? '~/.ssh/known_hosts'),
    };
    return {
      ...node,
      jumps: await this.jumpChain(config, entry.proxyJump ?? [], node, passphrase, [hostArg]),
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

  /**
   * As `ssh -J j1,j2` does: j2 is reached through j1, and only j1's own ProxyJump (from the config) applies.
   * A jump host is never sent the node's password; without IdentityFiles of its own it is offered the node's keys.
   */
  private async jumpChain(
    config: ConfigFile | null,
    specs: readonly JumpSpec[],
    node: HopSettings,
    passphrase: Passphrase | null,
    path: readonly string[],
  ): Promise<HopSettings[]> {
    const [first] = specs;
    if (!first) return [];
    if (path.length > MAX_JUMP_DEPTH)
      throw new UserError(
        `ProxyJump for ${path[0]} leads through more than ${MAX_JUMP_DEPTH} jump hosts (${path.join(' via ')}): is there a loop?`,
        'check ProxyJump in your OpenSSH config',
      );
    const before = await this.jumpChain(
      config,
      this.lookup(config, first.host).proxyJump ?? [],
      node,
      passphrase,
      [...path, first.host],
    );
    const hops = await Promise.all(
      specs.map(async (spec): Promise<HopSettings> => {
        const entry = this.lookup(config, spec.host);
        const username = spec.user ?? entry.user ?? this.local.localUser;
        const port = spec.port ?? entry.port ?? 22;
        const files = entry.identityFiles.map((file) =>
          this.expandHome(expandIdentityFile(file, this.tokens(spec.host, entry, username, port))),
        );
        return {
          alias: spec.host,
          host: entry.hostname ?? spec.host,
          port,
          username,
          identities:
            files.length > 0
              ? await this.identities(files, 'ssh-config', passphrase, node.agent !== null)
              : node.identities,
          identitiesOnly: entry.identitiesOnly,
          agent: node.agent,
          agentProblem: node.agentProblem,
          password: null,
          knownHostsPath: node.knownHostsPath,
        };
      }),
    );
    return [...before, ...hops];
  }
}
