// Which host key algorithms to offer, in which order. As in OpenSSH (sshconnect2.c order_hostkeyalgs), the
// types known_hosts holds for the host come first, so a host with only its RSA key on record is asked for that
// key and not for an ed25519 key it also has (which would be a changed key). OpenSSH keeps its default order
// when the first default type is on record; moving every recorded type forward differs only in which of two
// recorded types is preferred, and never makes a recorded key look changed.

import type { ServerHostKeyAlgorithm } from 'ssh2';

/** ssh2's default list (lib/protocol/constants.js), which an explicit list replaces. */
export const DEFAULT_HOST_KEY_ALGORITHMS: readonly ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** A key type as known_hosts records it -> the algorithms that present such a key. */
const ALGORITHMS_OF_TYPE: Record<string, readonly ServerHostKeyAlgorithm[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/**
 * The full list to offer: algorithms for the recorded types first (in the default order), then the rest.
 * Types ssh2 cannot use (DSA, certificates, security keys) are left out, as they could never be negotiated.
 */
export function hostKeyAlgorithms(recordedTypes: readonly string[]): ServerHostKeyAlgorithm[] {
  const preferred = new Set(recordedTypes.flatMap((type) => ALGORITHMS_OF_TYPE[type] ?? []));
  return [
    ...DEFAULT_HOST_KEY_ALGORITHMS.filter((algorithm) => preferred.has(algorithm)),
    ...DEFAULT_HOST_KEY_ALGORITHMS.filter((algorithm) => !preferred.has(algorithm)),
  ];
}
