import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_KEY_ALGORITHMS, hostKeyAlgorithms } from '../../src/scan/host-key-algorithms.js';

describe('host key algorithms', () => {
  it("the default list is ssh2's, which an explicit list replaces", () => {
    const constants = createRequire(import.meta.url)('ssh2/lib/protocol/constants.js');
    expect(DEFAULT_HOST_KEY_ALGORITHMS).toEqual(constants.DEFAULT_SERVER_HOST_KEY);
  });

  it.each([
    [[], DEFAULT_HOST_KEY_ALGORITHMS],
    [
      ['ssh-rsa'],
      [
        'rsa-sha2-512',
        'rsa-sha2-256',
        'ssh-rsa',
        'ssh-ed25519',
        'ecdsa-sha2-nistp256',
        'ecdsa-sha2-nistp384',
        'ecdsa-sha2-nistp521',
      ],
    ],
    [
      ['ecdsa-sha2-nistp521', 'ssh-rsa'],
      [
        'ecdsa-sha2-nistp521',
        'rsa-sha2-512',
        'rsa-sha2-256',
        'ssh-rsa',
        'ssh-ed25519',
        'ecdsa-sha2-nistp256',
        'ecdsa-sha2-nistp384',
      ],
    ],
    [['ssh-dss', 'ssh-ed25519-cert-v01@openssh.com'], DEFAULT_HOST_KEY_ALGORITHMS],
  ])('recorded %j -> offer %j', (recorded, expected) => {
    expect(hostKeyAlgorithms(recorded)).toEqual(expected);
  });
});
