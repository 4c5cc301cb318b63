import { clusterProviderNames, isClusterProvider } from '../catalog/select.js';
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
  /** Any event of a cluster or Hyper-V host provider, cluster log or cluster configuration row. */
  found: boolean;
  /** Whether events of FailoverClustering or Hyper-V host providers (any spelling) are stored. */
  clusterEvents: boolean;
  /** Cluster log files read. */
  clusterLogs: number;
  /** Rows of the cluster configuration captures (nodes, networks, interfaces, resources). */
  clusterConfigRows: number;
  /** When nothing comes from a cluster node: the providers stored, most events first. */
  providers: ProviderCount[];
}

/** Configuration tables only a cluster node's captures fill. */
const clusterConfigTables = [
  'cluster_nodes',
  'cluster_networks',
  'network_interfaces',
  'vm_resources',
] as const;

/**
 * Reads whether the case holds anything from a cluster node. The providers are looked up
 * along the (provider, event_id) index in the spellings Windows writes; only when none is
 * there are all providers counted (any letter case, and for the summary's note).
 */
export function readClusterPresence(db: Store): ClusterPresence {
  const names = clusterProviderNames();
  const exact = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM events WHERE provider IN (${names.map(() => '?').join(', ')})) AS found`,
    )
    .get(...names) as { found: number };
  const providers =
    exact.found === 1
      ? []
      : (db
          .prepare(
            'SELECT provider, COUNT(*) AS events FROM events GROUP BY provider ORDER BY events DESC, provider',
          )
          .all() as ProviderCount[]);
  const clusterEvents = exact.found === 1 || providers.some((p) => isClusterProvider(p.provider));
  const { n: clusterLogs } = db
    .prepare("SELECT COUNT(*) AS n FROM sources WHERE kind = 'cluster-log'")
    .get() as { n: number };
  const clusterConfigRows = clusterConfigTables.reduce(
    (n, table) => n + (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    0,
  );
  const found = clusterEvents || clusterLogs > 0 || clusterConfigRows > 0;
  return {
    found,
    clusterEvents,
    clusterLogs,
    clusterConfigRows,
    providers: found ? [] : providers,
  };
}
