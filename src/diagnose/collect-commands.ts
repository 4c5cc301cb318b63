import { collectNodeCommand, nodeChannelNames } from '../catalog/collection.js';
import type { MissingInput } from '../model/diagnosis.js';

/**
 * The inputs a check may miss and the command that collects each, as guide.md ("How the guide
 * collects the logs") and DESIGN §2 give them. `lmdoctor collect-script` gathers all of them.
 */
export const missingInputs = {
  clusterNetworks: {
    input: 'cluster network configuration (Get-ClusterNetwork)',
    collect: 'Get-ClusterNetwork | fl * > Get-ClusterNetwork.txt',
  },
  networkInterfaces: {
    input: 'cluster network interfaces (Get-ClusterNetworkInterface)',
    collect: 'Get-ClusterNetworkInterface | fl * > Get-ClusterNetworkInterface.txt',
  },
  migrationNetworks: {
    input: 'the VM resources\u2019 MigrationNetworkOrder / MigrationExcludeNetworks',
    collect:
      'Get-ClusterResource | Where-Object ResourceType -eq "Virtual Machine" | Get-ClusterParameter > Get-ClusterParameter.txt',
  },
  processors: {
    input: 'processor listing of each node (Win32_Processor)',
    collect:
      'Get-CimInstance Win32_Processor | fl Name,Manufacturer,Architecture > <node>-Win32_Processor.txt (on every node)',
  },
  systemDrives: {
    input: 'system drive of each node (Win32_OperatingSystem)',
    collect:
      'Get-CimInstance Win32_OperatingSystem | fl Caption,Version,SystemDrive > <node>-Win32_OperatingSystem.txt (on every node)',
  },
  virtualSwitches: {
    input: 'virtual switch listing of each node',
    collect:
      'Get-VMSwitch | fl * > <node>-Get-VMSwitch.txt (2012 and later; Msvm_VirtualSwitch on 2008 R2), on every node',
  },
  clusterLog: {
    input: 'cluster logs of every node',
    collect: 'Get-ClusterLog -Destination <logdir>  (2008 R2: cluster.exe log /g /copy:<logdir>)',
  },
  eventLogs: {
    input: 'event logs of the node',
    collect:
      'wevtutil epl query.txt /sq:true <node>-<log name>.evtx (the QueryList of guide.md: System Hyper-V-Hypervisor, Hyper-V-*-Admin and High-Availability channels), on the node',
  },
  analyticChannel: {
    input: 'the Hyper-V High-Availability analytic channel',
    collect:
      'wevtutil sl "Microsoft-Windows-Hyper-V-High-Availability-Analytic" /e:true /q, reproduce, then export it with wevtutil epl',
  },
} as const satisfies Record<string, MissingInput>;

/**
 * The logs of one node, as a missing input: the channels the collection script exports and
 * the cluster log, and the exact commands that collect them (collect-plan.ts). Pure.
 */
export function missingNodeLogs(node: string): MissingInput {
  return {
    input: `the event logs of ${node} (${nodeChannelNames().join(', ')}) and its cluster log`,
    collect: collectNodeCommand(node),
  };
}
