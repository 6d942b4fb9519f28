// The OpenSSH keywords avma-check honours, checked when the file is read (so a bad value is a UserError before
// any node is contacted) and turned into typed values per host: HostName (%h), Port, User, IdentityFile (~ and
// %d %h %i %l %n %p %r %u), IdentitiesOnly and ProxyJump. Other keywords are ignored.
import { UserError } from '../config/user-error.js';
import { type JumpSpec, parseProxyJump } from './proxy-jump.js';
import type { ConfigFile } from './ssh-config-file.js';
import type { HostOptions } from './ssh-config-lookup.js';

export interface SshConfigHost {
  hostname: string | null;
  port: number | null;
  user: string | null;
  /** As written: expandIdentityFile() once the user and port are known. */
  identityFiles: string[];
  identitiesOnly: boolean;
  /** null: not set; []: ProxyJump none. */
  proxyJump: JumpSpec[] | null;
}

export interface TokenValues {
  home: string;
  localUser: string;
  localHost: string;
  uid: number;
  /** The host as given, the host connected to (after HostName), the remote user and port. */
  originalHost: string;
  host: string;
  user: string;
  port: number;
}

const HOSTNAME_TOKENS = /%[^h%]/;
const IDENTITY_TOKENS = /%[^%dhilnpru]/;

function problem(file: string, keyword: string, message: string): UserError {
  return new UserError(
    `${file}: ${keyword} ${message}`,
    'fix the line, name another file in ssh.configFile, or set ssh.configFile: none',
  );
}

function validate(file: string, keyword: string, values: readonly string[]): void {
  const value = values.join(' ');
  switch (keyword) {
    case 'port':
      if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535)
        throw problem(file, 'Port', `"${value}" is not a port number`);
      return;
    case 'identitiesonly':
      if (!/^(yes|no)$/i.test(value))
        throw problem(file, 'IdentitiesOnly', `must be yes or no, not "${value}"`);
      return;
    case 'hostname':
      if (HOSTNAME_TOKENS.test(value))
        throw problem(file, 'HostName', `"${value}": only %h and %% are expanded`);
      return;
    case 'identityfile':
      if (IDENTITY_TOKENS.test(value))
        throw problem(
          file,
          'IdentityFile',
          `"${value}": avma-check expands ~ and %d %h %i %l %n %p %r %u %% only`,
        );
      return;
    case 'proxyjump':
      try {
        parseProxyJump(value);
      } catch (error) {
        throw problem(file, 'ProxyJump', (error as Error).message);
      }
      return;
    default:
  }
}

/** Checks every honoured keyword in the file and its includes. */
export function validateSshConfig(config: ConfigFile): void {
  for (const line of config.lines) {
    if (line.kind === 'option') validate(config.path, line.keyword, line.values);
    if (line.kind === 'include') for (const file of line.files) validateSshConfig(file);
  }
}

export function interpretOptions(options: HostOptions, originalHost: string): SshConfigHost {
  const first = (keyword: string) => options.get(keyword)?.join(' ') ?? null;
  const hostname = first('hostname');
  const port = first('port');
  const proxyJump = first('proxyjump');
  return {
    hostname:
      hostname === null ? null : hostname.replace(/%(%|h)/g, (_, t) => (t === 'h' ? originalHost : '%')),
    port: port === null ? null : Number(port),
    user: first('user'),
    identityFiles: [...(options.get('identityfile') ?? [])],
    identitiesOnly: /^yes$/i.test(first('identitiesonly') ?? 'no'),
    proxyJump: proxyJump === null ? null : parseProxyJump(proxyJump),
  };
}

export function expandIdentityFile(path: string, values: TokenValues): string {
  const tokens: Record<string, string> = {
    '%': '%',
    d: values.home,
    h: values.host,
    i: String(values.uid),
    l: values.localHost,
    n: values.originalHost,
    p: String(values.port),
    r: values.user,
    u: values.localUser,
  };
  const expanded = path.replace(/%(.)/g, (whole, token: string) => tokens[token] ?? whole);
  return expanded === '~' || expanded.startsWith('~/') ? `${values.home}${expanded.slice(1)}` : expanded;
}
