// The collector as text, and the short command line that runs it. The command line carries only a fixed
// bootstrap; the collector itself travels on stdin as base64, so its length never meets cmd.exe's limit.
import { readFileSync } from 'node:fs';

export { BEGIN_MARKER, END_MARKER } from '../interpret/markers.js';

export const COLLECTOR_SCRIPT = readFileSync(new URL('./collector.ps1', import.meta.url), 'utf8');

/** cmd.exe, the default shell of Windows OpenSSH, cuts a command line at 8,191 characters. */
export const CMD_EXE_LIMIT = 8191;

/** Reads base64 from stdin until EOF, decodes it as UTF-8 and runs it. Fixed: nothing is spliced in. */
export const BOOTSTRAP_SCRIPT = [
  "$ProgressPreference = 'SilentlyContinue'",
  '$encoded = [Console]::In.ReadToEnd()',
  '$script = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($encoded))',
  '& ([scriptblock]::Create($script))',
].join('\n');

export function encodeCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export const REMOTE_COMMAND = `powershell.exe -NoProfile -NonInteractive -EncodedCommand ${encodeCommand(BOOTSTRAP_SCRIPT)}`;

const asStdin = (script: string) => `${Buffer.from(script, 'utf8').toString('base64')}\r\n`;

/** What is written to the command's stdin, then EOF. */
export const COLLECTOR_STDIN = asStdin(COLLECTOR_SCRIPT);

/** The line that tells the collector to leave the cluster's VM groups to another node. Fixed text. */
export const SKIP_CLUSTER_GROUPS_LINE = '$AvmaSkipClusterGroups = $true';

/** The collector without the cluster's VM groups, for every node of a cluster but the one that reads them. */
export const COLLECTOR_SCRIPT_WITHOUT_GROUPS = `${SKIP_CLUSTER_GROUPS_LINE}\r\n${COLLECTOR_SCRIPT}`;
export const COLLECTOR_STDIN_WITHOUT_GROUPS = asStdin(COLLECTOR_SCRIPT_WITHOUT_GROUPS);
