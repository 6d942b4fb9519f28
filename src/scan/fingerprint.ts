// A host key as `ssh-keygen -lf` prints it ("256 SHA256:... (ED25519)"), so an admin can compare what a node
// presented with the fingerprint shown on the node's own console.
import { createHash } from 'node:crypto';

function readString(blob: Buffer, offset: number): { value: Buffer; next: number } | null {
  if (offset + 4 > blob.length) return null;
  const length = blob.readUInt32BE(offset);
  const next = offset + 4 + length;
  return next > blob.length ? null : { value: blob.subarray(offset + 4, next), next };
}

/** Bit length of an SSH mpint, as OpenSSH counts it (leading zero bytes do not count). */
function bitLength(mpint: Buffer): number {
  let start = 0;
  while (start < mpint.length - 1 && mpint[start] === 0) start++;
  const first = mpint[start] ?? 0;
  return (mpint.length - start - 1) * 8 + (32 - Math.clz32(first));
}

const ECDSA_BITS: Record<string, number> = { nistp256: 256, nistp384: 384, nistp521: 521 };

/** Bits and OpenSSH's short type label of a wire-format public key blob. */
export function describeKey(blob: Buffer): { bits: number | null; label: string } {
  const type = readString(blob, 0);
  const name = type?.value.toString('latin1') ?? '';
  if (!type) return { bits: null, label: 'UNKNOWN' };
  if (name === 'ssh-ed25519') return { bits: 256, label: 'ED25519' };
  if (name === 'ssh-rsa' || name === 'ssh-dss') {
    // ssh-rsa: e, then n (the modulus); ssh-dss: p first.
    const first = readString(blob, type.next);
    const modulus = name === 'ssh-rsa' && first ? readString(blob, first.next) : first;
    return { bits: modulus ? bitLength(modulus.value) : null, label: name === 'ssh-rsa' ? 'RSA' : 'DSA' };
  }
  if (name.startsWith('ecdsa-sha2-')) {
    const curve = readString(blob, type.next)?.value.toString('latin1') ?? '';
    return { bits: ECDSA_BITS[curve] ?? null, label: 'ECDSA' };
  }
  return { bits: null, label: name.toUpperCase() || 'UNKNOWN' };
}

/** SHA256:<base64 without padding> of the key blob, OpenSSH's default fingerprint. */
export function sha256Fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** `256 SHA256:... (ED25519)`: what `ssh-keygen -lf` prints for the key, without the comment. */
export function fingerprint(blob: Buffer): string {
  const { bits, label } = describeKey(blob);
  return `${bits ?? '?'} ${sha256Fingerprint(blob)} (${label})`;
}
