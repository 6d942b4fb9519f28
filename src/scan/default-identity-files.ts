// OpenSSH's default key files, for a hop with no IdentityFile (and no ssh.privateKeyPath): loaded as ssh loads
// them, so one that cannot be used (encrypted with no passphrase and no agent, a type ssh2 does not know) is
// passed over, not a fault of the run. Why each was passed over is kept for the message when nothing can log in.
import { UserError } from '../config/user-error.js';
import type { Identity, KeyRing, Passphrase } from './private-keys.js';

/** The files ssh tries when no IdentityFile is configured, in its order (ssh -G, OpenSSH 9). */
export const DEFAULT_IDENTITY_FILES: readonly string[] = [
  '~/.ssh/id_rsa',
  '~/.ssh/id_ecdsa',
  '~/.ssh/id_ecdsa_sk',
  '~/.ssh/id_ed25519',
  '~/.ssh/id_ed25519_sk',
  '~/.ssh/id_xmss',
  '~/.ssh/id_dsa',
];

export interface DefaultIdentities {
  identities: Identity[];
  /** Why each existing file that cannot be used was passed over. */
  unusable: UserError[];
}

export async function loadDefaultIdentities(
  keys: KeyRing,
  expandHome: (path: string) => string,
  passphrase: Passphrase | null,
  agent: boolean,
): Promise<DefaultIdentities> {
  const loaded = await Promise.all(
    DEFAULT_IDENTITY_FILES.map((file) =>
      keys.load({ path: expandHome(file), passphrase, from: 'default', agent }).catch((error: unknown) => {
        if (error instanceof UserError) return error;
        throw error;
      }),
    ),
  );
  return {
    identities: loaded.filter((item): item is Identity => item !== null && !(item instanceof UserError)),
    unusable: loaded.filter((item): item is UserError => item instanceof UserError),
  };
}
