// The plain progress lines on stderr: what a scan without the terminal UI tells as it goes.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/report/progress.js';

describe('progress lines', () => {
  it('a recorded host key is told with where it went and its fingerprint, as ssh-keygen -lf prints it', () => {
    const line = progressLine(
      {
        type: 'host-key-recorded',
        host: '[hv01.example.test]:2222',
        fingerprint: '256 SHA256:abc (ED25519)',
        file: '/home/admin/.ssh/known_hosts',
      },
      false,
    );
    expect(line).toBe(
      '  + recorded the host key of [hv01.example.test]:2222 in /home/admin/.ssh/known_hosts: 256 SHA256:abc (ED25519)',
    );
  });

  it('no control character of a host name or path reaches the terminal', () => {
    const line = progressLine(
      {
        type: 'host-key-recorded',
        host: 'hv\x1b[2J01',
        fingerprint: '256 SHA256:x (ED25519)',
        file: '/tmp/\x07k',
      },
      false,
    );
    const controls = [...(line ?? '')].filter((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
    expect(controls).toEqual([]);
    expect(line).toContain('hv');
  });

  it('says how many nodes and clusters a scan starts on', () => {
    const line = progressLine(
      {
        type: 'scan-started',
        clusters: [
          { name: 'a', nodes: ['N1', 'N2'] },
          { name: 'b', nodes: ['N3'] },
        ],
      },
      false,
    );
    expect(line).toBe('Scanning 3 nodes in 2 clusters over SSH');
  });
});
