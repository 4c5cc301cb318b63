import type { Flowchart } from '../flowchart.js';

/**
 * The live-migration troubleshooting flowchart (events.md §3.3, guide.md "The written
 * troubleshooting checks" and requirements). Questions go from the most specific cause to the
 * most general, so the first `yes` is the diagnosis; `probe` questions are also asked off the
 * path and a `yes` there becomes a related finding. Data only: validated by
 * validate-flowchart.ts, walked by walk-flowchart.ts.
 */
export const liveMigrationFlowchart = {
  id: 'live-migration',
  title: 'Why did this live migration fail (or run slow)?',
  start: 'failed',
  nodes: {
    failed: {
      kind: 'question',
      check: 'migration-failed',
      question: 'Did the migration fail?',
      yes: 'node-lost',
      no: 'slow-csv-redirected',
      unknown: 'node-lost',
      source: 'DESIGN §5',
    },
    // Cluster health during the attempt (events.md §3.3 step 9).
    'node-lost': {
      kind: 'question',
      check: 'node-lost',
      question: 'Did the source or destination leave the cluster during the attempt (1135, 1177)?',
      yes: 'node-down',
      no: 'no-network-error',
      unknown: 'no-network-error',
      probe: true,
      source: 'S3',
    },
    // Is there a usable live-migration network? (events.md §3.3 step 5; guide.md check 4)
    'no-network-error': {
      kind: 'question',
      check: 'error-no-network',
      question: 'Did the source find no network to the destination (21126, 0x000013AB)?',
      yes: 'recent-restart',
      no: 'concurrent',
      unknown: 'concurrent',
      source: 'S4, S1',
    },
    'recent-restart': {
      kind: 'question',
      check: 'recent-restart',
      question:
        'Did the attempt start within 30 s of a cluster service start, or of the VM moving to a new RHS process?',
      yes: 'network-not-ready-after-restart',
      no: 'network-down',
      unknown: 'network-down',
      probe: true,
      source: 'guide.md written check 4',
    },
    'network-down': {
      kind: 'question',
      check: 'migration-network-down',
      question: 'Was a cluster network down at the attempt (1127, 1130)?',
      yes: 'no-migration-network',
      no: 'networks-left',
      unknown: 'networks-left',
      probe: true,
      source: 'S4, S3, S2',
    },
    'networks-left': {
      kind: 'question',
      check: 'migration-networks-left',
      question:
        'Does MigrationNetworkOrder, minus MigrationExcludeNetworks, leave a network that is up?',
      yes: 'no-network-subnet',
      no: 'no-migration-network-excluded',
      unknown: 'no-migration-network-likely',
      source: 'S14, S24, guide.md',
    },
    'no-network-subnet': {
      kind: 'question',
      check: 'migration-subnet-differs',
      question: 'Are the source and destination on different subnets of a migration network?',
      yes: 'subnet-mismatch',
      no: 'no-migration-network-likely',
      unknown: 'no-migration-network-likely',
      source: 'S11, S10',
    },
    // Concurrency and cleanup (events.md §3.3 step 7; guide.md written check 3).
    concurrent: {
      kind: 'question',
      check: 'concurrent-migration',
      question:
        'Was another migration using the source or destination at the same time (0x800700AA)?',
      yes: 'concurrent-migration',
      no: 'cleanup',
      unknown: 'cleanup',
      probe: true,
      source: 'S10, S14, guide.md',
    },
    cleanup: {
      kind: 'question',
      check: 'previous-migration-too-close',
      question:
        'Did the attempt start seconds after the previous migration of the VM, before its cleanup (21121)?',
      yes: 'cleanup-not-finished',
      no: 'authentication',
      unknown: 'authentication',
      probe: true,
      source: 'guide.md written check 3, S1',
    },
    // Error-code branches (events.md §2, §3.3 steps 3 and 8).
    authentication: {
      kind: 'question',
      check: 'error-authentication',
      question: 'Is the error an authentication failure (0x8009030E, 0x8009030D, 0x80090322, …)?',
      yes: 'authentication-failed',
      no: 'possible-owners-error',
      unknown: 'possible-owners-error',
      source: 'S4, S5, S6, S9; guide.md (NTLM)',
    },
    'possible-owners-error': {
      kind: 'question',
      check: 'error-possible-owners',
      question: 'Is the destination not a possible owner of the VM group (0x80071398)?',
      yes: 'possible-owners',
      no: 'resources-error',
      unknown: 'resources-error',
      source: 'S4',
    },
    'resources-error': {
      kind: 'question',
      check: 'error-destination-resources',
      question: 'Did the destination lack memory or resources (0x800705AA, 0x8007000E)?',
      yes: 'destination-resources',
      no: 'processor-error',
      unknown: 'processor-error',
      source: 'S4',
    },
    'processor-error': {
      kind: 'question',
      check: 'error-processor',
      question: 'Does the error say the destination hardware or processor cannot run the VM?',
      yes: 'architecture',
      no: 'switch-port',
      unknown: 'switch-port',
      source: 'S12, S10, S4',
    },
    architecture: {
      kind: 'question',
      check: 'architecture-differs',
      question: 'Do the two nodes have different processor architectures (x86 / x64)?',
      yes: 'architecture-mismatch',
      no: 'vendor',
      unknown: 'vendor',
      source: 'guide.md written check 2',
    },
    vendor: {
      kind: 'question',
      check: 'vendor-differs',
      question: 'Are the processors from different manufacturers?',
      yes: 'processor-vendor-mismatch',
      no: 'processor-model',
      unknown: 'processor-incompatible-likely',
      source: 'guide.md (processors), S12',
    },
    'processor-model': {
      kind: 'question',
      check: 'processor-models-differ',
      question: 'Are the processor models different?',
      yes: 'processor-incompatible',
      no: 'processor-incompatible-likely',
      unknown: 'processor-incompatible-likely',
      source: 'guide.md (processors), S10',
    },
    // Virtual switches and networks (events.md §3.3 step 4; guide.md written checks 1 and 5).
    'switch-port': {
      kind: 'question',
      check: 'error-switch-port-named-like-switch',
      question:
        'Did a switch port fail to be created whose name is its virtual switch\u2019s (21203)?',
      yes: 'switch-port-name-conflict',
      no: 'virtual-network-error',
      unknown: 'virtual-network-error',
      source: 'guide.md written check 5, S17',
    },
    'virtual-network-error': {
      kind: 'question',
      check: 'error-virtual-network',
      question:
        'Did the destination fail to set up the VM\u2019s virtual network (21125, 21145, 21158, 21159, 21201)?',
      yes: 'switch-names',
      no: 'registering',
      unknown: 'registering',
      source: 'S1, S4, S10',
    },
    'switch-names': {
      kind: 'question',
      check: 'switch-names-differ',
      question: 'Do the virtual switch names differ between the two nodes?',
      yes: 'virtual-network-name-mismatch',
      no: 'stale-vm-configuration',
      unknown: 'virtual-network-name-mismatch-likely',
      source: 'guide.md written check 1, S10',
    },
    // Late destination failures: the system drive (events.md §3.3 step 6).
    registering: {
      kind: 'question',
      check: 'failed-registering',
      question: 'Did the destination fail to register the VM (21102)?',
      yes: 'system-drive',
      no: 'csv-unavailable-during',
      unknown: 'csv-unavailable-during',
      source: 'S1',
    },
    'system-drive': {
      kind: 'question',
      check: 'system-drive-differs',
      question: 'Do the two nodes boot from different system drive letters?',
      yes: 'system-drive-mismatch',
      no: 'csv-unavailable-during',
      unknown: 'csv-unavailable-during',
      source: 'guide.md (system drive), S10, S4',
    },
    // Storage, backups, RHS (events.md §3.3 steps 6, 9, 10).
    'csv-unavailable-during': {
      kind: 'question',
      check: 'csv-unavailable',
      question: 'Was a CSV paused or unreachable on either node during the attempt (5120, 5142)?',
      yes: 'csv-unavailable',
      no: 'csv-redirected-during',
      unknown: 'csv-redirected-during',
      probe: true,
      source: 'S7, S8',
    },
    'csv-redirected-during': {
      kind: 'question',
      check: 'csv-redirected',
      question: 'Was a CSV in redirected I/O during the attempt (5121, 5136 without 5122)?',
      yes: 'csv-redirected-io-likely',
      no: 'backup',
      unknown: 'backup',
      probe: true,
      source: 'guide.md (backups), S10',
    },
    backup: {
      kind: 'question',
      check: 'backup-during',
      question: 'Was a backup running around the attempt (1584, 5217)?',
      yes: 'backup-interference',
      no: 'rhs',
      unknown: 'rhs',
      probe: true,
      source: 'guide.md (backups), S10, S3, S20',
    },
    rhs: {
      kind: 'question',
      check: 'rhs-failure',
      question: 'Did RHS crash or deadlock on the VM resource during the attempt (1146, 1230)?',
      yes: 'rhs-failure',
      no: 'connection-error',
      unknown: 'connection-error',
      probe: true,
      source: 'S3',
    },
    'connection-error': {
      kind: 'question',
      check: 'error-connection',
      question:
        'Did the migration connection fail or time out (0x8007274C, 0x8007274D, 0x80072746, …)?',
      yes: 'connection-subnet',
      no: 'destination-logs',
      unknown: 'destination-logs',
      source: 'S4, S22',
    },
    'connection-subnet': {
      kind: 'question',
      check: 'migration-subnet-differs',
      question: 'Are the source and destination on different subnets of a migration network?',
      yes: 'subnet-mismatch',
      no: 'migration-connection-failed',
      unknown: 'migration-connection-failed',
      source: 'S11, S10',
    },
    'destination-logs': {
      kind: 'question',
      check: 'destination-logs-present',
      question: 'Are the destination node\u2019s logs in the case?',
      yes: 'unexplained',
      no: 'destination-logs-missing',
      unknown: 'destination-logs-missing',
      source: 'S4, S6, S9',
    },
    // A migration that succeeded but was slow.
    'slow-csv-redirected': {
      kind: 'question',
      check: 'csv-redirected',
      question: 'Was a CSV in redirected I/O during the migration (5121, 5136 without 5122)?',
      yes: 'csv-redirected-io',
      no: 'slow-backup',
      unknown: 'slow-backup',
      source: 'guide.md (backups), S10',
    },
    'slow-backup': {
      kind: 'question',
      check: 'backup-during',
      question: 'Was a backup running around the migration?',
      yes: 'backup-interference',
      no: 'slow-csv-unavailable',
      unknown: 'slow-csv-unavailable',
      source: 'guide.md (backups)',
    },
    'slow-csv-unavailable': {
      kind: 'question',
      check: 'csv-unavailable',
      question: 'Was a CSV paused on either node during the migration (5120, 5142)?',
      yes: 'csv-unavailable',
      no: 'slow-unexplained',
      unknown: 'slow-unexplained',
      source: 'S7',
    },
    // Conclusions.
    'node-down': {
      kind: 'conclusion',
      cause: 'node-down',
      verdict: 'confirmed',
      remediation:
        'A node of the migration left the cluster: find why (cluster log around the 1135, network or power loss, bugcheck), bring it back, then migrate again. The VM stays on, or fails over from, the surviving node.',
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
        'Fix migration authentication: NTLM enabled on every node; for Kerberos, constrained delegation for "cifs" and "Microsoft Virtual System Migration Service" on both hosts and klist purge -li 0x3e7; for CredSSP, start the move from the source node.',
      source: 'S4, S5, S6',
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
    'csv-unavailable': {
      kind: 'conclusion',
      cause: 'csv-unavailable',
      verdict: 'confirmed',
      remediation:
        'Fix the storage or SMB path of the CSV on the affected node (classify the 5120/5142 status, check Client for Microsoft Networks and File and Printer Sharing on the cluster networks).',
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
      remediation:
        'The cluster resource host crashed or deadlocked: look at the 1146/1230 and the cluster log around them; consider running the VM resource in a separate monitor.',
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
      source: 'guide.md, events.md 20417',
    },
  },
} as const satisfies Flowchart;
