import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { parseIgnoreFile } from '../../src/config/ignore-file.js';

describe('ignore file', () => {
  it('reads entries with their source line', () => {
    const list = parseIgnoreFile(
      'ignore:\n  - rule: host-evaluation-edition\n    node: LAB03\n    reason: licence on order\n    expires: 2027-01-31\n',
      '.avma-ignore.yaml',
    );
    expect(list).toEqual([
      {
        rule: 'host-evaluation-edition',
        cluster: undefined,
        node: 'LAB03',
        vm: undefined,
        reason: 'licence on order',
        expires: '2027-01-31T00:00:00.000Z',
        source: '.avma-ignore.yaml:2',
      },
    ]);
  });

  it.each([
    [
      'ignore:\n  - rule: host-not-datacenter\n',
      2,
      'ignore[0].reason',
      /required \(expected a reason: say why/,
    ],
    ['ignore:\n  - rule: host-not-enterprise\n    reason: because\n', 2, 'ignore[0].rule', /not a rule id/],
    [
      'ignore:\n  - rule: kvp-disabled\n    reason: 42\n',
      3,
      'ignore[0].reason',
      /^expected a reason: .*, not the number 42$/,
    ],
    [
      'ignore:\n  - rule: kvp-disabled\n    reason: because\n    expires: someday\n',
      4,
      'ignore[0].expires',
      /expected a date/,
    ],
    [
      'ignore:\n  - rule: kvp-disabled\n    reason: because\n    expires: 2026-02-30\n',
      4,
      'ignore[0].expires',
      /expected a date/,
    ],
    [
      'ignore:\n  - rule: kvp-disabled\n    reason: because\n    host: x\n',
      4,
      'ignore[0].host',
      /unknown key/,
    ],
  ])('refuses %j with line and key', (text, line, key, message) => {
    try {
      parseIgnoreFile(text, 'i.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toMatchObject({ line, key });
      expect((error as ConfigError).problems[0]?.message).toMatch(message);
      return;
    }
    throw new Error('expected a ConfigError');
  });
});
