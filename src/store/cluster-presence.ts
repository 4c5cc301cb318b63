import { isClusterProvider } from '../catalog/select.js';
import type { Store } from './open-database.js';

/** Events stored per provider. */
export interface ProviderCount {
  provider: string;
  events: number;
}

/**
 * Whether what was collected comes from failover cluster nodes, and what was found instead
 * when it does not (a workstation's or a domain controller's logs). Plain data.
 */
export interface ClusterPresence {
  /** Any event of a cluster or Hyper-V provider, cluster log or cluster configuration row. */
  found: boolean;
  /** Events of FailoverClustering or Hyper-V providers (any export spelling). */
  clusterEvents: number;
  /** Cluster log files read. */
  clusterLogs: number;
  /** Rows of the cluster configuration captures (nodes, networks, interfaces, resources). */
  clusterConfigRows: number;
  /** The providers whose events were stored, most events first. */
  providers: ProviderCount[];
}

/** Configuration tables only a cluster node's captures fill. */
const clusterConfigTables = [
  'cluster_nodes',
  'cluster_networks',
  'network_interfaces',
  'vm_resources',
] as const;

/** Reads whether the case holds anything from a cluster node (providers along their index). */
export function readClusterPresence(db: Store): ClusterPresence {
  const providers = db
    .prepare(
      'SELECT provider, COUNT(*) AS events FROM events GROUP BY provider ORDER BY events DESC, provider',
    )
    .all() as ProviderCount[];
  const clusterEvents = providers
    .filter((p) => isClusterProvider(p.provider))
    .reduce((n, p) => n + p.events, 0);
  const { n: clusterLogs } = db
    .prepare("SELECT COUNT(*) AS n FROM sources WHERE kind = 'cluster-log'")
    .get() as { n: number };
  const clusterConfigRows = clusterConfigTables.reduce(
    (n, table) => n + (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    0,
  );
  return {
    found: clusterEvents > 0 || clusterLogs > 0 || clusterConfigRows > 0,
    clusterEvents,
    clusterLogs,
    clusterConfigRows,
    providers,
  };
}
