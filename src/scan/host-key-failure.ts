// A host key that cannot be trusted -> a node error that shows the fingerprint the host presented, in
// `ssh-keygen -lf` form, so it can be compared with the node's own (its console, or the jump host's).
import { NodeFailure } from './classify-error.js';
import { describeKey, fingerprint } from './fingerprint.js';
import { type HostKeyVerdict, hostKeyName, type KnownHostEntry } from './known-hosts.js';

export interface HostKeyProblem {
  verdict: Exclude<HostKeyVerdict, 'known'>;
  /** The host as connected to (after HostName) and its port. */
  host: string;
  port: number;
  key: Buffer;
  recorded: readonly KnownHostEntry[];
  /** The user's known_hosts file, where --accept-new-host-keys records keys. */
  knownHostsPath: string;
  /** "jump host J" when the key is a jump host's, else null. */
  jumpHost: string | null;
  /** Why --accept-new-host-keys would not record this key, if it would not. */
  notAcceptedBecause: string | null;
}

/** Where Windows OpenSSH keeps the host key of this type, to show its fingerprint on the node. */
function nodeKeyFile(key: Buffer): string {
  const label = describeKey(key).label.toLowerCase();
  const name = label === 'ed25519' || label === 'ecdsa' || label === 'rsa' ? label : 'ed25519';
  return `$env:ProgramData\\ssh\\ssh_host_${name}_key.pub`;
}

export function hostKeyFailure(problem: HostKeyProblem): NodeFailure {
  const name = hostKeyName(problem.host, problem.port);
  const who = problem.jumpHost ? `${problem.jumpHost} (${name})` : name;
  const presented = fingerprint(problem.key);
  const compare = problem.jumpHost
    ? `compare it with ssh-keygen -lf on the jump host's own host key (/etc/ssh/ssh_host_*_key.pub on Linux)`
    : `compare it with the node's own: ssh-keygen -lf ${nodeKeyFile(problem.key)} in PowerShell on the node`;
  if (problem.verdict === 'changed') {
    const was = problem.recorded.map((entry) => `${fingerprint(entry.key)} at ${entry.file}:${entry.line}`);
    return new NodeFailure(
      'host-key',
      `THE HOST KEY OF ${who} HAS CHANGED: it presented ${presented}; known_hosts records ${was.join(', ')}`,
      `Someone may be intercepting the connection, or the host was reinstalled: ${compare}. ` +
        `If the change is expected, remove the old key (ssh-keygen -R '${name}' -f ${problem.knownHostsPath}) and scan with --accept-new-host-keys.`,
      false,
    );
  }
  if (problem.verdict === 'revoked') {
    return new NodeFailure(
      'host-key',
      `the host key of ${who} is marked @revoked in known_hosts: it presented ${presented}`,
      'A revoked key is never trusted: give the host a new key, then record that one.',
      false,
    );
  }
  const record = problem.notAcceptedBecause
    ? `--accept-new-host-keys does not record it: ${problem.notAcceptedBecause}`
    : `if they match, scan once with --accept-new-host-keys to record it in ${problem.knownHostsPath} (or add it with ssh-keyscan)`;
  return new NodeFailure(
    'host-key',
    `the host key of ${who} is not in known_hosts: it presented ${presented}`,
    `Check the fingerprint before trusting it: ${compare}; ${record}.`,
    false,
  );
}
