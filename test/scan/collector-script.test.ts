// The collector ships as text that only a Windows node runs: a real PowerShell grammar checks it here, so a
// syntax error cannot ship, and the command line is checked against cmd.exe's limit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, type Node, Parser } from 'web-tree-sitter';
import {
  BOOTSTRAP_SCRIPT,
  CMD_EXE_LIMIT,
  COLLECTOR_SCRIPT,
  COLLECTOR_STDIN,
  COLLECTOR_STDIN_WITHOUT_GROUPS,
  REMOTE_COMMAND,
  SKIP_CLUSTER_GROUPS_LINE,
} from '../../src/scan/collector-script.js';

const require = createRequire(import.meta.url);
let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  parser = new Parser();
  parser.setLanguage(
    await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')),
  );
});

function syntaxErrors(script: string): string[] {
  const tree = parser.parse(script);
  const errors: string[] = [];
  const walk = (node: Node) => {
    if (node.isError || node.isMissing)
      errors.push(
        `line ${node.startPosition.row + 1}: ${node.type} near ${JSON.stringify(node.text.slice(0, 40))}`,
      );
    for (const child of node.children) if (child) walk(child);
  };
  if (tree) walk(tree.rootNode);
  return errors;
}

describe('collector.ps1', () => {
  it('parses cleanly with the PowerShell grammar (strict: no allow-list)', () => {
    expect(syntaxErrors(COLLECTOR_SCRIPT)).toEqual([]);
  });

  it('the grammar check catches a broken script', () => {
    expect(
      syntaxErrors(COLLECTOR_SCRIPT.replace('function Invoke-Probe {', 'function Invoke-Probe (')),
    ).not.toEqual([]);
    expect(syntaxErrors('if ($true) { Write-Output 1 ')).not.toEqual([]);
  });

  it('starts quiet and UTF-8, and prints one marked result', () => {
    expect(COLLECTOR_SCRIPT).toMatch(/^\$ProgressPreference = 'SilentlyContinue'$/m);
    expect(COLLECTOR_SCRIPT).toMatch(/OutputEncoding/);
    expect(COLLECTOR_SCRIPT).toMatch(/ConvertTo-Json -InputObject \$facts -Depth 12 -Compress/);
    expect(COLLECTOR_SCRIPT).not.toMatch(/Get-ClusterGroup\s+-GroupType/);
  });

  it("sets the console's encoding inside try/catch: without a console the setter throws, and must not stop it", () => {
    const tree = parser.parse(COLLECTOR_SCRIPT);
    const setters: Node[] = [];
    const walk = (node: Node) => {
      if (node.type === 'assignment_expression' && /^\[Console\]::OutputEncoding\s*=/.test(node.text))
        setters.push(node);
      for (const child of node.children) if (child) walk(child);
    };
    if (tree) walk(tree.rootNode);
    expect(setters).toHaveLength(1);
    let tryStatement: Node | null = setters[0]?.parent ?? null;
    while (tryStatement && tryStatement.type !== 'try_statement') tryStatement = tryStatement.parent;
    expect(tryStatement, 'the setter is not inside a try block').not.toBeNull();
    // In the try block itself, not in its catch, and the catch takes every error.
    const catches = tryStatement?.children.find((child) => child?.type === 'catch_clauses');
    expect(catches?.text).toMatch(/^catch\s*\{/);
    expect(setters[0] && catches && setters[0].startIndex < catches.startIndex).toBe(true);
  });

  it('counts AVMA requests by event ID only, and no match as 0', () => {
    const probe = COLLECTOR_SCRIPT.slice(
      COLLECTOR_SCRIPT.indexOf('$probes.avmaRequests'),
      COLLECTOR_SCRIPT.indexOf('$probes.clusterGroups'),
    );
    expect(probe).toMatch(/LogName = 'Application'; Id = 12310; StartTime = \(Get-Date\)\.AddDays\(-30\)/);
    expect(probe).toMatch(/-like 'NoMatchingEventsFound\*'\) \{ 0 \} else \{ throw \}/);
    expect(probe).not.toMatch(/Message|ProviderName/);
    expect(COLLECTOR_SCRIPT).toMatch(/LicenseIsAddon = \[bool\] \$row\.LicenseIsAddon/);
    expect(COLLECTOR_SCRIPT).toMatch(/collectorVersion = 2;/);
  });

  it('only reads: every command it runs is a Get- cmdlet, its own probe helpers, a filter, JSON or output', () => {
    const commands = new Set<string>();
    const walk = (node: Node) => {
      if (node.type === 'command_name') commands.add(node.text);
      for (const child of node.children) if (child) walk(child);
    };
    const tree = parser.parse(COLLECTOR_SCRIPT);
    if (tree) walk(tree.rootNode);
    expect(commands.size).toBeGreaterThan(10);
    const other = [...commands].filter(
      (command) =>
        !/^Get-[A-Za-z]+$/.test(command) &&
        ![
          'Invoke-Probe',
          'Invoke-ListProbe',
          'Where-Object',
          'New-Object',
          'ConvertTo-Json',
          'Write-Output',
        ].includes(command),
    );
    expect(other).toEqual([]);
    // .NET calls: the console's encoding, base64 and its line split, UTF-8 only.
    expect([...new Set(COLLECTOR_SCRIPT.match(/\[[A-Za-z.]+\]::[A-Za-z0-9]+/g))].sort()).toEqual([
      '[Console]::OutputEncoding',
      '[Convert]::ToBase64String',
      '[Math]::Min',
      '[System.Text.Encoding]::UTF8',
    ]);
  });

  it('is static: nothing in it is filled in at run time', () => {
    expect(readFileSync(new URL('../../src/scan/collector.ps1', import.meta.url), 'utf8')).toBe(
      COLLECTOR_SCRIPT,
    );
    expect(COLLECTOR_SCRIPT).not.toMatch(/\$\{[a-z]+\}|%s|\{\{/);
  });
});

describe('the command line', () => {
  it('runs PowerShell whatever the default shell, with an encoded bootstrap', () => {
    expect(REMOTE_COMMAND).toMatch(
      /^powershell\.exe -NoProfile -NonInteractive -EncodedCommand [A-Za-z0-9+/]+=*$/,
    );
    const encoded = REMOTE_COMMAND.split(' ').at(-1) ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toBe(BOOTSTRAP_SCRIPT);
    expect(syntaxErrors(BOOTSTRAP_SCRIPT)).toEqual([]);
  });

  it("stays far below cmd.exe's 8,191 characters, though the collector alone would not fit", () => {
    expect(REMOTE_COMMAND.length).toBeLessThan(1000);
    expect(Buffer.from(COLLECTOR_SCRIPT, 'utf16le').toString('base64').length).toBeGreaterThan(CMD_EXE_LIMIT);
  });

  it('sends the collector on stdin as base64', () => {
    expect(Buffer.from(COLLECTOR_STDIN.trim(), 'base64').toString('utf8')).toBe(COLLECTOR_SCRIPT);
  });

  it("sends the nodes that leave the cluster's groups to another the same collector after one fixed line", () => {
    const script = Buffer.from(COLLECTOR_STDIN_WITHOUT_GROUPS.trim(), 'base64').toString('utf8');
    expect(script).toBe(`${SKIP_CLUSTER_GROUPS_LINE}\r\n${COLLECTOR_SCRIPT}`);
    expect(syntaxErrors(script)).toEqual([]);
    // The only probe the line turns off is the groups': every other probe still runs.
    const guarded = COLLECTOR_SCRIPT.slice(COLLECTOR_SCRIPT.indexOf('if ($AvmaSkipClusterGroups'));
    const probes = [...COLLECTOR_SCRIPT.matchAll(/^\s*\$probes\.(\w+) =/gm)].map((m) => m[1]);
    const insideGuard = [...guarded.slice(0, guarded.indexOf('\n}\n')).matchAll(/\$probes\.(\w+) =/g)].map(
      (m) => m[1],
    );
    expect(insideGuard).toEqual(['clusterGroups']);
    expect(probes).toContain('clusterNodes');
  });
});
