import type { CauseId } from '../model/diagnosis.js';
import type { DocumentedSourceKey } from './documented-sources.js';

/**
 * Commands Microsoft documents for a cause, as written there (`<...>` marks what to fill in).
 * lmdoctor shows them for the engineer to run; it never runs them.
 */
export interface DocumentedCommands {
  /** What the commands do, as a message key of the i18n catalogues (`remedy.*`). */
  purpose: RemedyPurpose;
  commands: readonly string[];
  sources: readonly DocumentedSourceKey[];
}

export type RemedyPurpose =
  | 'compare'
  | 'processor-compatibility'
  | 'rename-switch'
  | 'concurrent'
  | 'csv-state'
  | 'owners-check'
  | 'owners-set'
  | 'kerberos'
  | 'auth-type'
  | 'networks'
  | 'listener';

const compare: DocumentedCommands = {
  purpose: 'compare',
  commands: ['Compare-VM -Name <vm_name> -DestinationHost <host_name>'],
  sources: ['M1'],
};

const networks: DocumentedCommands = {
  purpose: 'networks',
  commands: ['Get-ClusterNetwork'],
  sources: ['M8'],
};

/** Per cause, the documented commands; a cause without an entry has none documented. */
export const documentedCommands: Partial<Record<CauseId, readonly DocumentedCommands[]>> = {
  'processor-incompatible': [
    compare,
    {
      purpose: 'processor-compatibility',
      commands: [
        'get-vm -name <name of VM> -ComputerName <target cluster or host> | Set-VMProcessor -CompatibilityForMigrationEnabled $true',
      ],
      sources: ['M6'],
    },
  ],
  'processor-vendor-mismatch': [compare],
  'architecture-mismatch': [compare],
  'virtual-network-name-mismatch': [
    {
      purpose: 'rename-switch',
      commands: ['Rename-VMSwitch "QoS Switch" -NewName "IIS Switch"'],
      sources: ['M8', 'M1'],
    },
  ],
  'concurrent-migration': [
    {
      purpose: 'concurrent',
      commands: ['Set-VMHost -MaximumVirtualMachineMigrations N'],
      sources: ['S6', 'M7'],
    },
  ],
  'csv-redirected-io': [
    { purpose: 'csv-state', commands: ['Get-ClusterSharedVolumeState'], sources: ['M8'] },
  ],
  'possible-owners': [
    {
      purpose: 'owners-check',
      commands: [
        'Get-clusterResource -name "Virtual Machine VM1" | Get-clusterOwnerNode',
        'Get-clusterResource -name "Virtual Machine Configuration VM1" | Get-clusterOwnerNode',
      ],
      sources: ['M1'],
    },
    {
      purpose: 'owners-set',
      commands: [
        'Get-ClusterResource -Name "Cluster Disk 3" | Set-ClusterOwnerNode -Owners node1,node2',
      ],
      sources: ['M8'],
    },
  ],
  'authentication-failed': [
    {
      purpose: 'kerberos',
      commands: [
        'setspn -L <HostName>',
        'setspn -s Microsoft Virtual System Migration Service/<FQDN> <ComputerName>',
        'KLIST PURGE -li 0x3e7',
      ],
      sources: ['S6', 'M1'],
    },
    {
      purpose: 'auth-type',
      commands: ['Set-VMHost -VirtualMachineMigrationAuthenticationType Kerberos'],
      sources: ['M4'],
    },
  ],
  'no-migration-network': [networks],
  'subnet-mismatch': [networks],
  'migration-connection-failed': [
    {
      purpose: 'listener',
      commands: ['gpupdate /force', 'netstat -ano | findstr /I /C:"6600"'],
      sources: ['M1'],
    },
  ],
};
