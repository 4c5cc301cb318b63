/**
 * What the collection script gathers and under which file names (guide.md "How the guide
 * collects the logs", DESIGN §2). The script and the test that checks lmdoctor reads every
 * collected file both use this list, so the two cannot drift apart. Pure data.
 */

export { collectedChannels, type CollectedChannel } from '../catalog/collection.js';
import { collectedChannels } from '../catalog/collection.js';

/** `HV01-Microsoft-Windows-FailoverClustering-Operational.evtx`. Pure. */
export function channelFileName(node: string, channel: string): string {
  return `${node}-${channel.replace(/\//g, '-')}.evtx`;
}

/** `HV01_cluster.log`, the name Get-ClusterLog gives each node's log. Pure. */
export function clusterLogFileName(node: string): string {
  return `${node}_cluster.log`;
}

/** A configuration capture: the file name (`{node}` for per-node ones) and what it runs. */
export interface CollectedCapture {
  file: string;
  perNode: boolean;
  /** What the capture holds, for the README and the script's comments. */
  what: string;
}

/** Configuration captures, named the way the configuration reader recognises them. */
export const collectedCaptures: readonly CollectedCapture[] = [
  { file: 'Get-ClusterNetwork.txt', perNode: false, what: 'Get-ClusterNetwork | fl *' },
  {
    file: 'Get-ClusterNetworkInterface.txt',
    perNode: false,
    what: 'Get-ClusterNetworkInterface | fl *',
  },
  { file: 'Get-ClusterNode.txt', perNode: false, what: 'Get-ClusterNode | fl *' },
  { file: 'Get-ClusterGroup.txt', perNode: false, what: 'Get-ClusterGroup | fl *' },
  {
    file: 'Get-ClusterResource.txt',
    perNode: false,
    what: 'Get-ClusterResource | ft Name,State,OwnerGroup,ResourceType',
  },
  {
    file: 'Get-ClusterParameter.txt',
    perNode: false,
    what: 'Get-ClusterParameter of the Virtual Machine resource type and of every VM resource (MigrationNetworkOrder, MigrationExcludeNetworks)',
  },
  {
    file: '{node}-Get-VMSwitch.txt',
    perNode: true,
    what: 'Get-VMSwitch | fl * (Msvm_VirtualSwitch on 2008 R2)',
  },
  {
    file: '{node}-Win32_Processor.txt',
    perNode: true,
    what: 'Win32_Processor: Name, Manufacturer, Architecture, AddressWidth, SystemName',
  },
  {
    file: '{node}-Win32_OperatingSystem.txt',
    perNode: true,
    what: 'Win32_OperatingSystem: CSName, Caption, Version, SystemDrive',
  },
];

/** Every file the script writes for these nodes (before zipping), sorted. Pure. */
export function collectedFileNames(nodes: readonly string[]): string[] {
  const names: string[] = [];
  for (const node of nodes) {
    for (const { channel } of collectedChannels) names.push(channelFileName(node, channel));
    names.push(clusterLogFileName(node));
  }
  for (const capture of collectedCaptures) {
    if (capture.perNode) for (const node of nodes) names.push(capture.file.replace('{node}', node));
    else names.push(capture.file);
  }
  return names.sort();
}
