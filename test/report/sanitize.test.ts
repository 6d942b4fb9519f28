import { describe, expect, it } from 'vitest';
import { escapeJsonControls, sanitize } from '../../src/report/sanitize.js';

describe('sanitize', () => {
  it.each([
    ['colour', 'a\u001b[31mred\u001b[0m', 'ared'],
    ['clear screen', '\u001b[2J\u001b[Hname', 'name'],
    ['window title (OSC, BEL)', '\u001b]0;pwned\u0007vm', 'vm'],
    ['hyperlink (OSC 8, ST)', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['8-bit CSI', '\u009b31mx', 'x'],
    ['newlines and tabs', 'a\nb\tc\r', 'a b c '],
    ['bidi override', 'abc\u202edcba', 'abc dcba'],
    ['plain text', 'Windows Server 2022 – Datacenter é 中', 'Windows Server 2022 – Datacenter é 中'],
  ])('removes %s', (_what, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it('caps the length, counting characters not UTF-16 units', () => {
    expect(sanitize('x'.repeat(500))).toHaveLength(200);
    expect(sanitize('x'.repeat(500)).endsWith('…')).toBe(true);
    expect(Array.from(sanitize('😀'.repeat(300), 10))).toHaveLength(10);
  });

  it('escapes in JSON what a terminal would act on, losslessly', () => {
    const json = escapeJsonControls(JSON.stringify({ name: 'a\u009b2Jb\u202ec' }));
    expect(json).toBe('{"name":"a\\u009b2Jb\\u202ec"}');
    expect(JSON.parse(json)).toEqual({ name: 'a\u009b2Jb\u202ec' });
  });
});
