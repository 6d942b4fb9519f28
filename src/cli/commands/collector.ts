import type { Argv } from 'yargs';
import type { CommandDef } from './types.js';

type Options = { output?: string };

export const collectorCommand: CommandDef<Options> = {
  command: 'collector',
  describe: 'Print the collector script, to gather facts without SSH (PowerShell remoting)',
  builder: (yargs: Argv) =>
    yargs
      .option('output', {
        alias: 'o',
        type: 'string',
        requiresArg: true,
        describe: 'write the script to this file instead of stdout',
      })
      .example('$0 collector -o collector.ps1', 'the script to run on every node')
      .epilog(
        'On an admin workstation with the FailoverClusters module, for each cluster:\n' +
          '  Invoke-Command -ComputerName (Get-ClusterNode -Cluster hv-prod).Name -FilePath .\\collector.ps1 | Out-File collected.txt\n' +
          'then: avma-check check --collected collected.txt [--config clusters.yaml]. The script only reads: ' +
          'registry, CIM, cluster and Hyper-V cmdlets; it writes nothing on the nodes.',
      ) as Argv<Options>,
  run: async (args, context) =>
    (await import('../run-collector-command.js')).runCollectorCommand(args, context),
};
