/** What a simulated node can do wrong, each the way a real node or network does it. */
export const SIM_FAULTS = [
  'silent', // accepts TCP, never speaks SSH
  'refuse', // nothing listens: connection refused
  'endless-banner', // accepts TCP, prints banner lines without end, never an SSH identification
  'kex-stall', // sends its SSH identification, then never starts the key exchange
  'close-after-kex', // completes the key exchange, then closes the connection
  'password-only', // refuses public keys: accepts only a password
  'keyboard-interactive', // refuses public keys and passwords: asks keyboard-interactive questions, forever
  'drop-clean', // closes the connection (FIN) halfway through its answer
  'drop-reset', // resets the connection (RST) halfway through its answer
  'slow', // answers after delayMs
  'flood', // streams output without end
  'flood-stderr', // streams error output without end
  'stall', // prints half its answer, then nothing more
  'echo-secret', // prints garbage holding the password it was sent, on stdout and stderr; exit code 1
  'malformed', // prints markers around broken JSON
  'command-fails', // PowerShell fails: an error on stderr, exit code 1
  'host-key', // presents another host key than the one recorded
  'auth-reject', // refuses every login
] as const;
export type SimFault = (typeof SIM_FAULTS)[number];

/** PowerShell 5.1's progress noise on stderr when it is a pipe, as Windows OpenSSH delivers it. */
export const CLIXML_PROGRESS =
  '#< CLIXML\r\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><Obj S="progress" RefId="0">' +
  '<TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS><I64 N="SourceId">1</I64>' +
  '<PR N="Record"><AV>Preparing modules for first use.</AV><AI>0</AI><Nil /><PI>-1</PI><PC>-1</PC><T>Completed</T>' +
  '<SR>-1</SR><SD> </SD></PR></MS></Obj></Objs>';

export const CLIXML_ACCESS_DENIED =
  '#< CLIXML\r\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">' +
  '<S S="Error">Get-CimInstance : Access denied _x000D__x000A_</S>' +
  '<S S="Error">At line:1 char:1_x000D__x000A_</S></Objs>';
