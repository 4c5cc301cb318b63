/**
 * The published sources lmdoctor's advice and commands come from, shipped with it so that every
 * key an output cites can be looked up (`lmdoctor sources KEY`). Keys follow the reference notes
 * the catalogue was built from (S = events, M = modern releases). Web addresses of Microsoft's
 * documentation repositories are the pages learn.microsoft.com publishes them at.
 */
export interface DocumentedSource {
  key: string;
  title: string;
  publisher: string;
  urls: readonly string[];
}

export const documentedSources = [
  {
    key: 'M1',
    title: 'Troubleshoot live migration issues (KB 4558514, revision of 2023-08-16)',
    publisher: 'Microsoft',
    urls: [
      'https://learn.microsoft.com/troubleshoot/windows-server/virtualization/troubleshoot-live-migration-issues',
    ],
  },
  {
    key: 'M4',
    title: 'Set up hosts for live migration without Failover Clustering',
    publisher: 'Microsoft',
    urls: [
      'https://learn.microsoft.com/windows-server/virtualization/hyper-v/deploy/set-up-hosts-for-live-migration-without-failover-clustering',
    ],
  },
  {
    key: 'M6',
    title: 'Processor compatibility mode in Hyper-V',
    publisher: 'Microsoft',
    urls: [
      'https://learn.microsoft.com/windows-server/virtualization/hyper-v/manage/processor-compatibility-mode-hyper-v',
    ],
  },
  {
    key: 'M7',
    title: 'Use live migration with workgroup clusters',
    publisher: 'Microsoft',
    urls: [
      'https://learn.microsoft.com/windows-server/virtualization/hyper-v/manage/live-migration-workgroup-cluster',
    ],
  },
  {
    key: 'M8',
    title:
      'PowerShell reference: Get-ClusterNetwork, Get-ClusterSharedVolumeState, Set-ClusterOwnerNode, Rename-VMSwitch',
    publisher: 'Microsoft',
    urls: [
      'https://learn.microsoft.com/powershell/module/failoverclusters/get-clusternetwork',
      'https://learn.microsoft.com/powershell/module/failoverclusters/get-clustersharedvolumestate',
      'https://learn.microsoft.com/powershell/module/failoverclusters/set-clusterownernode',
      'https://learn.microsoft.com/powershell/module/hyper-v/rename-vmswitch',
    ],
  },
  {
    key: 'S6',
    title: 'Troubleshooting guide: Hyper-V virtual machine live migration',
    publisher: 'Microsoft',
    urls: [
      'https://learn.microsoft.com/troubleshoot/windows-server/virtualization/hyper-v-virtual-machine-live-migration',
    ],
  },
] as const satisfies readonly DocumentedSource[];

export type DocumentedSourceKey = (typeof documentedSources)[number]['key'];

/** The source with this key (any case), or undefined. */
export function findDocumentedSource(key: string): DocumentedSource | undefined {
  return documentedSources.find((s) => s.key.toLowerCase() === key.toLowerCase());
}
