// passwordEnv and passphraseEnv name environment variables. A secret pasted there by mistake is refused, and
// never repeated: not in the message, not in the key path, not with --debug.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRETS = ['Winter2026!', 'hunter2 with spaces', '*S3cretAlias', 'p@ss:word#1', '9lives'];

function file(key: string, value: string): string {
  return `defaults:\n  ssh:\n    ${key}: ${value}\nclusters:\n  - name: c\n    nodes: [{ name: N1, host: 127.0.0.1 }]\n`;
}

function refusal(text: string): string {
  try {
    parseConfig(text, 'clusters.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('secret variable names', () => {
  it('accepts variable names', () => {
    const config = parseConfig(file('passwordEnv', 'AVMA_PASSWORD_2'), 'ok.yaml');
    expect(config.defaults?.ssh?.passwordEnv).toBe('AVMA_PASSWORD_2');
  });

  it.each(SECRETS.flatMap((secret) => ['passwordEnv', 'passphraseEnv'].map((key) => [key, secret])))(
    '%s: %s is refused without being repeated',
    (key, secret) => {
      const message = refusal(file(key, secret.includes(' ') ? `"${secret}"` : secret));
      expect(message).not.toContain(secret);
      expect(message).not.toContain(secret.replace(/^\*/, ''));
      if (!secret.startsWith('*') && !secret.includes(':'))
        expect(message).toMatch(
          new RegExp(`defaults\\.ssh\\.${key}: must be the NAME of an environment variable`),
        );
    },
  );

  it('the CLI with --debug prints none of it either', async () => {
    const secret = 'Winter2026!Correct-Horse';
    const config = join(dir, 'clusters.yaml');
    writeFileSync(config, file('passwordEnv', secret));
    const result = await runCli(['scan', '--config', config, '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/passwordEnv: must be the NAME of an environment variable/);
    expect(result.stdout + result.stderr).not.toContain('Winter2026');
  });
});

describe('discover', () => {
  it('takes true, false, or the object with trust options', () => {
    const parse = (value: string) =>
      parseConfig(`clusters:\n  - name: c\n    discover: ${value}\n    nodes: [{ name: N1 }]\n`, 'ok.yaml')
        .clusters[0]?.discover;
    expect(parse('true')).toEqual({ enabled: true, sendPassword: false, acceptNewHostKeys: false });
    expect(parse('false')).toEqual({ enabled: false, sendPassword: false, acceptNewHostKeys: false });
    expect(parse('{ sendPassword: true }')).toEqual({
      enabled: true,
      sendPassword: true,
      acceptNewHostKeys: false,
    });
  });

  it.each([
    ['yes', /expected true, false, or \{ enabled, sendPassword, acceptNewHostKeys \}/],
    ['{ sendPasword: true }', /clusters\[0\]\.discover\.sendPasword: unknown key/],
    ['{ sendPassword: 1 }', /clusters\[0\]\.discover: expected true, false, or/],
  ])('refuses discover: %s', (value, message) => {
    expect(refusal(`clusters:\n  - name: c\n    discover: ${value}\n    nodes: [{ name: N1 }]\n`)).toMatch(
      message,
    );
  });
});
