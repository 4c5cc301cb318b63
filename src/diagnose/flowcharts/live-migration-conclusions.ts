import {
  csvDownEvents,
  longBlackoutEvents,
  nodeDownEvents,
  rhsEvents,
} from '../../catalog/event-groups.js';
import { slashedIds } from '../../catalog/select.js';
import type { ConclusionNode } from '../flowchart.js';

/**
 * The conclusions of the live-migration flowchart: cause, verdict, what to do (in our words)
 * and the document the advice comes from. Data only.
 */
export const liveMigrationConclusions = {
  'node-down': {
    kind: 'conclusion',
    cause: 'node-down',
    verdict: 'confirmed',
    remediation: `A node of the migration left the cluster: find why (cluster log around the ${slashedIds(nodeDownEvents)}, network or power loss, bugcheck), bring it back, then migrate again. The VM stays on, or fails over from, the surviving node.`,
    source: 'S3',
  },
  'network-not-ready-after-restart': {
    kind: 'conclusion',
    cause: 'network-not-ready-after-restart',
    verdict: 'confirmed',
    remediation:
      'After a cluster service restart or a move of the VM to a new RHS process, wait about 30 seconds before live-migrating; retry the migration now.',
    source: 'guide.md written check 4',
  },
  'no-migration-network': {
    kind: 'conclusion',
    cause: 'no-migration-network',
    verdict: 'confirmed',
    remediation:
      'Bring the live-migration network back (Get-ClusterNetwork, the adapters and switch ports of every node), or allow another network for live migration in the VM\u2019s "Network for live migration" list, then retry.',
    source: 'S4, guide.md',
  },
  'no-migration-network-excluded': {
    kind: 'conclusion',
    cause: 'no-migration-network',
    verdict: 'confirmed',
    remediation:
      'Every network is excluded from live migration or down: leave at least one reachable network in MigrationNetworkOrder (Failover Cluster Manager, "Network for live migration"), then retry.',
    source: 'S14, S24',
  },
  'no-migration-network-likely': {
    kind: 'conclusion',
    cause: 'no-migration-network',
    verdict: 'likely',
    remediation:
      'Check that the networks allowed for live migration are Up on both nodes (Get-ClusterNetwork, Get-ClusterNetworkInterface) and enabled for cluster use, then retry.',
    source: 'S4',
  },
  'subnet-mismatch': {
    kind: 'conclusion',
    cause: 'subnet-mismatch',
    verdict: 'likely',
    remediation:
      'Put both nodes on the same IP subnet on every live-migration and CSV network (use a VLAN for multi-site clusters).',
    source: 'S11, guide.md',
  },
  'concurrent-migration': {
    kind: 'conclusion',
    cause: 'concurrent-migration',
    verdict: 'confirmed',
    remediation:
      'A node takes part in one live migration at a time (2008 R2): wait for the running migration to finish, then retry; on 2012 and later raise "Simultaneous live migrations" if needed.',
    source: 'S10, S14',
  },
  'cleanup-not-finished': {
    kind: 'conclusion',
    cause: 'cleanup-not-finished',
    verdict: 'confirmed',
    remediation:
      'Wait a few seconds after a live migration ends before moving the same VM again; retry now.',
    source: 'guide.md written check 3',
  },
  'authentication-failed': {
    kind: 'conclusion',
    cause: 'authentication-failed',
    verdict: 'confirmed',
    remediation:
      'Fix migration authentication: NTLM enabled on every node; for Kerberos, constrained delegation for "cifs" and "Microsoft Virtual System Migration Service" on both hosts and klist purge -li 0x3e7; for CredSSP, start the move from the source node. On Windows Server 2025 Credential Guard is on by default and CredSSP live migration fails: use Kerberos constrained delegation instead. Across clusters (0x80090322), change the live-migration network order for the move and back afterwards.',
    source: 'S4, S5, S6, M1, M4, M5',
  },
  'possible-owners': {
    kind: 'conclusion',
    cause: 'possible-owners',
    verdict: 'confirmed',
    remediation:
      'Add every node as a possible owner of both the "Virtual Machine" and the "Virtual Machine Configuration" resources of the VM.',
    source: 'S4',
  },
  'destination-resources': {
    kind: 'conclusion',
    cause: 'destination-resources',
    verdict: 'confirmed',
    remediation: 'Free memory on the destination (or give the VM less), then retry.',
    source: 'S4',
  },
  'architecture-mismatch': {
    kind: 'conclusion',
    cause: 'architecture-mismatch',
    verdict: 'confirmed',
    remediation:
      'Live migration cannot cross x86 and x64 processors: keep the VM on nodes of one architecture (possible owners) or replace the odd node.',
    source: 'guide.md written check 2',
  },
  'processor-vendor-mismatch': {
    kind: 'conclusion',
    cause: 'processor-vendor-mismatch',
    verdict: 'confirmed',
    remediation:
      'There is no live migration between processor manufacturers: restrict the VM\u2019s possible owners to nodes of one manufacturer, or use quick migration.',
    source: 'guide.md, S12',
  },
  'processor-incompatible': {
    kind: 'conclusion',
    cause: 'processor-incompatible',
    verdict: 'confirmed',
    remediation:
      'Shut the VM down, enable "Migrate to a physical computer with a different processor version" (processor compatibility), start it again, then migrate.',
    source: 'S12, S10, S4',
  },
  'processor-incompatible-likely': {
    kind: 'conclusion',
    cause: 'processor-incompatible',
    verdict: 'likely',
    remediation:
      'Enable processor compatibility on the VM (shut down first); on 2016 and later also compare BIOS settings and Spectre/Meltdown mitigations across the nodes.',
    source: 'S4, S10',
  },
  'switch-port-name-conflict': {
    kind: 'conclusion',
    cause: 'switch-port-name-conflict',
    verdict: 'confirmed',
    remediation:
      'Rename the VM\u2019s switch port so that it differs from the virtual switch name, refresh the VM configuration in Failover Cluster Manager, then retry.',
    source: 'guide.md written check 5',
  },
  'virtual-network-name-mismatch': {
    kind: 'conclusion',
    cause: 'virtual-network-name-mismatch',
    verdict: 'confirmed',
    remediation:
      'Give the virtual network (switch) the same name on every node, refresh the VM configuration in Failover Cluster Manager, then retry.',
    source: 'guide.md written check 1, S10',
  },
  'virtual-network-name-mismatch-likely': {
    kind: 'conclusion',
    cause: 'virtual-network-name-mismatch',
    verdict: 'likely',
    remediation:
      'Compare the virtual switch names on every node (they must match), refresh the VM configuration in Failover Cluster Manager, then retry.',
    source: 'S10, S1',
  },
  'stale-vm-configuration': {
    kind: 'conclusion',
    cause: 'stale-vm-configuration',
    verdict: 'likely',
    remediation:
      'The switch names match: run "Refresh virtual machine configuration" on the VM in Failover Cluster Manager (changes made in Hyper-V Manager are not pushed to the cluster), then retry.',
    source: 'S13 step 2, S10',
  },
  'system-drive-mismatch': {
    kind: 'conclusion',
    cause: 'system-drive-mismatch',
    verdict: 'confirmed',
    remediation:
      'Every node must boot from the same system drive letter for Hyper-V with CSV; keep the VM off the odd node until it is reinstalled.',
    source: 'guide.md (system drive), S10',
  },
  'system-drive-mismatch-likely': {
    kind: 'conclusion',
    cause: 'system-drive-mismatch',
    verdict: 'likely',
    remediation:
      'Compare the system drive letter of every node (Get-CimInstance Win32_OperatingSystem | fl CSName,SystemDrive): Hyper-V with CSV needs the same letter on all of them; keep the VM off a node that differs.',
    source: 'M1, guide.md (system drive)',
  },
  'csv-unavailable': {
    kind: 'conclusion',
    cause: 'csv-unavailable',
    verdict: 'confirmed',
    remediation: `Fix the storage or SMB path of the CSV on the affected node (classify the ${slashedIds(csvDownEvents)} status, check Client for Microsoft Networks and File and Printer Sharing on the cluster networks).`,
    source: 'S7, S8',
  },
  'csv-redirected-io': {
    kind: 'conclusion',
    cause: 'csv-redirected-io',
    verdict: 'confirmed',
    remediation:
      'A CSV stayed in redirected I/O (typically after a failed or cancelled backup): turn redirected access off for the volume, or move the CSV, then check the backup job.',
    source: 'guide.md (backups), S10',
  },
  'csv-redirected-io-likely': {
    kind: 'conclusion',
    cause: 'csv-redirected-io',
    verdict: 'likely',
    remediation:
      'A CSV was in redirected I/O during the attempt, which slows every node: end redirected access (check the backup that left it), then retry.',
    source: 'guide.md (backups), S10',
  },
  'backup-interference': {
    kind: 'conclusion',
    cause: 'backup-interference',
    verdict: 'likely',
    remediation:
      'Do not live-migrate while a Hyper-V VSS backup runs on the cluster; schedule migrations outside backup windows.',
    source: 'guide.md (backups), S10',
  },
  'rhs-failure': {
    kind: 'conclusion',
    cause: 'rhs-failure',
    verdict: 'confirmed',
    remediation: `The cluster resource host crashed or deadlocked: look at the ${slashedIds(rhsEvents)} and the cluster log around them; consider running the VM resource in a separate monitor.`,
    source: 'S3',
  },
  'migration-connection-failed': {
    kind: 'conclusion',
    cause: 'migration-connection-failed',
    verdict: 'confirmed',
    remediation:
      'Let the nodes reach each other on TCP 6600 (live migration) and 3343 (cluster): firewall and antivirus exclusions, the listener (gpupdate /force, Registry.pol), the network path.',
    source: 'S4, S5, S11',
  },
  unexplained: {
    kind: 'conclusion',
    cause: 'unknown',
    verdict: 'unknown',
    remediation:
      'No documented cause matched: collect VMMS-Admin/Operational, High-Availability-Admin and Worker-Admin from both nodes, the cluster log, and a VML trace, then look at the error code.',
    source: 'S4, S6, S9',
  },
  'destination-logs-missing': {
    kind: 'conclusion',
    cause: 'unknown',
    verdict: 'unknown',
    remediation:
      'No documented cause matched and the destination node\u2019s logs are missing: collect them (the command is listed with this diagnosis) and analyse again.',
    source: 'S4, S6',
  },
  'slow-unexplained': {
    kind: 'conclusion',
    cause: 'unknown',
    verdict: 'unknown',
    remediation:
      'The migration was slow with no CSV or backup explanation: check the live-migration network (bandwidth, IPsec, a dedicated network) and the load of both nodes.',
    source: `guide.md, events.md ${slashedIds(longBlackoutEvents)}`,
  },
} as const satisfies Record<string, ConclusionNode>;
