import type { Store } from './open-database.js';

/** An `events` row as replay's classifier needs it. */
export interface EventRowForReplay {
  id: number;
  time: string;
  node: string;
  channel: string;
  provider: string;
  event_id: number;
  data: string;
  message: string | null;
}

/** A `cluster_log` row with a resolved time, as replay's classifier needs it. */
export interface ClusterLogRowForReplay {
  id: number;
  time: string;
  node: string | null;
  component: string | null;
  message: string;
}

/** Streams the events of the given providers (all when the list is empty), in time order. */
export function iterateEventsForReplay(
  db: Store,
  providers: readonly string[],
): IterableIterator<EventRowForReplay> {
  const filter =
    providers.length > 0 ? `WHERE provider IN (${providers.map(() => '?').join(', ')})` : '';
  return db
    .prepare(
      `SELECT id, time, node, channel, provider, event_id, data, message FROM events ${filter} ORDER BY time, id`,
    )
    .iterate(...providers) as IterableIterator<EventRowForReplay>;
}

/** Streams cluster log records whose time is resolved, in time order. */
export function iterateClusterLogForReplay(db: Store): IterableIterator<ClusterLogRowForReplay> {
  return db
    .prepare(
      'SELECT id, time, node, component, message FROM cluster_log WHERE time IS NOT NULL ORDER BY time, id',
    )
    .iterate() as IterableIterator<ClusterLogRowForReplay>;
}

/** Every node any stored log came from (events and cluster logs). */
export function selectNodesWithLogs(db: Store): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT node FROM events
       UNION SELECT node FROM cluster_log_files WHERE node IS NOT NULL
       UNION SELECT node FROM sources WHERE kind = 'cluster-log' AND node IS NOT NULL
       ORDER BY 1`,
    )
    .all() as { node: string }[];
  return rows.map((r) => r.node);
}

/**
 * Cluster node number → node name, from the configuration captures (Get-ClusterNode, the
 * 2016+ cluster log header) and the `Name(n)` mentions of cluster log lines.
 */
export function selectNodeNamesById(db: Store): Record<string, string> {
  const names: Record<string, string> = {};
  const rows = db
    .prepare(
      'SELECT DISTINCT node_number AS id, name FROM cluster_nodes WHERE node_number IS NOT NULL AND name IS NOT NULL',
    )
    .all() as { id: number; name: string }[];
  for (const row of rows) names[String(row.id)] ??= row.name;
  const known = new Set(selectNodesWithLogs(db).map((n) => n.toUpperCase()));
  const mentions = db
    .prepare(
      `SELECT message FROM cluster_log WHERE component = 'RCM' AND message LIKE '%(%)%' LIMIT 20000`,
    )
    .iterate() as IterableIterator<{ message: string }>;
  for (const { message } of mentions) {
    for (const match of message.matchAll(/\b([A-Za-z][\w-]*)\((\d{1,3})\)/g)) {
      const [, name, id] = match;
      if (name && id && known.has(name.toUpperCase())) names[id] ??= name;
    }
  }
  return names;
}
