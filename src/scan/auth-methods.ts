// The login methods for one SSH hop, in order: each decrypted key, then the agent, then the password; never
// keyboard-interactive. Methods the server does not offer are skipped, and what it offered is kept for the
// error message.
import ssh2, {
  type AnyAuthMethod,
  type AuthHandlerMiddleware,
  type IdentityCallback,
  type ParsedKey,
} from 'ssh2';
import type { Identity } from './private-keys.js';

export interface AuthCredentials {
  username: string;
  identities: readonly Identity[];
  /** IdentitiesOnly: the agent may offer only keys that match an identity file. */
  identitiesOnly: boolean;
  agent: string | null;
  password: string | null;
}

export interface AuthRecord {
  /** The methods the server said it accepts, once it has refused one. */
  offered: string[] | null;
  /** Why the agent could not be used, if it could not. */
  agentError: string | null;
}

/** An agent that lists only some of its keys (OpenSSH's IdentitiesOnly). */
class FilteredAgent extends ssh2.OpenSSHAgent {
  constructor(
    socket: string,
    private readonly allowed: readonly Buffer[],
  ) {
    super(socket);
  }

  override getIdentities(cb: IdentityCallback<ParsedKey>): void {
    super.getIdentities((error, keys) =>
      cb(
        error,
        keys?.filter(
          (key) => 'getPublicSSH' in key && this.allowed.some((b) => b.equals(key.getPublicSSH())),
        ),
      ),
    );
  }
}

export function authMethods(credentials: AuthCredentials): AnyAuthMethod[] {
  const { username } = credentials;
  const methods: AnyAuthMethod[] = [];
  for (const identity of credentials.identities)
    if (identity.key) methods.push({ type: 'publickey', username, key: identity.key });
  if (credentials.agent) {
    const allowed = credentials.identities.flatMap((identity) =>
      identity.publicKey ? [identity.publicKey] : [],
    );
    if (!credentials.identitiesOnly) methods.push({ type: 'agent', username, agent: credentials.agent });
    else if (allowed.length > 0)
      methods.push({ type: 'agent', username, agent: new FilteredAgent(credentials.agent, allowed) });
  }
  if (credentials.password !== null)
    methods.push({ type: 'password', username, password: credentials.password });
  return methods;
}

export function authHandler(credentials: AuthCredentials, record: AuthRecord): AuthHandlerMiddleware {
  const pending = authMethods(credentials);
  return (methodsLeft, _partialSuccess, next) => {
    // Some servers (ssh2's, unless told) refuse without listing what they accept: then anything may work.
    const listed = methodsLeft?.filter(Boolean).length ? methodsLeft : null;
    if (listed) record.offered = [...listed];
    const offered = (method: AnyAuthMethod) =>
      !listed || listed.includes(method.type === 'agent' ? 'publickey' : method.type);
    while (pending.length > 0) {
      const method = pending.shift() as AnyAuthMethod;
      if (offered(method)) return next(method);
    }
    // ssh2 takes false as "no more methods"; its types do not say so.
    next(false as unknown as AnyAuthMethod);
  };
}
