import { describe, expect, it } from 'vitest';
import { redactor } from '../../src/scan/redact.js';

describe('redactor', () => {
  const redact = redactor(['pass', 'my-pass-word', null, '']);

  it('masks every occurrence, the longer secret whole, in text and in bytes', () => {
    const said = 'pw my-pass-word, again my-pass-word; and pass';
    const masked = 'pw [redacted], again [redacted]; and [redacted]';
    expect(redact.text(said)).toBe(masked);
    expect(redact.bytes(Buffer.from(`\xff${said}`, 'latin1')).toString('latin1')).toBe(`\xff${masked}`);
  });

  it('leaves text without secrets alone, and masks nothing when there are none', () => {
    const bytes = Buffer.from('nothing here');
    expect(redact.bytes(bytes)).toBe(bytes);
    expect(redactor([]).text('pass')).toBe('pass');
  });
});
