import type {
  AdvisoryCause,
  CauseId,
  EvidenceRef,
  Finding,
  FailureCause,
} from '../model/diagnosis.js';

/** What to do about each cluster-wide advisory, in our words (guide.md requirements). */
export const remediations: Partial<Record<CauseId, string>> = {
  'no-dedicated-migration-network':
    'Give live migration a dedicated private network (ideally 1 Gb/s or faster), separate from the cluster heartbeat, CSV, storage and VM networks, and put it first in the live-migration network list.',
  'migration-and-csv-share-network':
    'Order the live-migration networks so that live migration does not start with the network CSV prefers (the lowest metric; see Get-ClusterNetwork | fl Name,Metric,AutoMetric).',
  'ipsec-on-migration-network':
    'Exempt the live-migration network from IPsec: it slows live migration a lot.',
  'subnet-mismatch':
    'Put every node on the same IP subnet on each cluster network (CSV needs it; use a VLAN for multi-site clusters).',
  'architecture-mismatch':
    'Do not mix x86 and x64 processors in a cluster that live-migrates: keep VMs on nodes of one architecture.',
  'processor-vendor-mismatch':
    'Live migration needs processors from one manufacturer: restrict possible owners or replace the odd nodes.',
  'system-drive-mismatch':
    'Use the same system drive letter on every node (Hyper-V with CSV requires it).',
  'virtual-network-name-mismatch':
    'Give each virtual network (switch) the same name on every node, then refresh the VM configurations in Failover Cluster Manager.',
  'slow-migration-network':
    'Check the live-migration network: its speed (1 Gb/s or more), that it is dedicated to live migration, not under IPsec, and the load on both nodes during the move.',
  'csv-redirected-io':
    'Turn redirected access off for the CSV (or move it to another node) and check the backup that left it redirected.',
};

/** A cluster-scope finding; `confirmed` only with a record to show. Pure. */
export function advisoryFinding(
  cause: AdvisoryCause | FailureCause,
  summary: string,
  evidence: EvidenceRef[],
): Finding {
  return {
    migrationId: null,
    scope: 'cluster',
    cause,
    // Never `confirmed` without a record to show.
    verdict: evidence.length > 0 ? 'confirmed' : 'likely',
    summary,
    remediation: remediations[cause] ?? '',
    evidence,
    path: [],
  };
}
