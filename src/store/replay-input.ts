import { utcTimeTextSql } from './migrations/006-cluster-log-lines.js';
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

/** A stored record for replay: an event or a cluster log record. */
export type ReplayRow =
  | { table: 'events'; row: EventRowForReplay }
  | { table: 'cluster_log'; row: ClusterLogRowForReplay };

/** Rows read per query: each cursor holds one page at a time. */
const pageSize = 250;

/**
 * Streams the events of the given providers (all when the list is empty) and the cluster log
 * records whose time is resolved, merged in stored-time order. Reads page by page (one cursor
 * per event node along the (node, time) index, one along the cluster log's time index), so no
 * statement stays open between rows and the caller may write to the database meanwhile.
 */
export function* iterateRecordsForReplay(
  db: Store,
  providers: readonly string[],
): Generator<ReplayRow> {
  const filter =
    providers.length > 0 ? `AND +provider IN (${providers.map(() => '?').join(', ')})` : '';
  const events = db.prepare(
    `SELECT id, time, node, channel, provider, event_id, data, message FROM events
     WHERE node = ? ${filter} AND (time, id) > (?, ?) ORDER BY time, id LIMIT ${pageSize}`,
  );
  // The lines table in its time index's order (schema step 006), files whose offset is known.
  const clusterLog = db.prepare(
    `SELECT l.id AS id, ${utcTimeTextSql('l.time')} AS time, l.time AS ms, f.node AS node,
       t.component AS component, l.message AS message
     FROM cluster_log_lines AS l JOIN cluster_log_sources AS f ON f.source_id = l.source_id
       JOIN cluster_log_tags AS t ON t.id = l.tag
     WHERE f.offset_minutes IS NOT NULL AND l.time IS NOT NULL AND (l.time, l.id) > (?, ?)
     ORDER BY l.time, l.id LIMIT ${pageSize}`,
  );
  const nodes = (db.prepare('SELECT DISTINCT node FROM events').all() as { node: string }[]).map(
    (r) => r.node,
  );
  const cursors: Cursor<ReplayRow>[] = [
    ...nodes.map((node) =>
      cursor<EventRowForReplay, ReplayRow>(
        (last) =>
          events.all(node, ...providers, last?.time ?? '', last?.id ?? -1) as EventRowForReplay[],
        (row) => ({ table: 'events', row }),
      ),
    ),
    cursor<ClusterLogRowForReplay & { ms: number }, ReplayRow>(
      (last) =>
        clusterLog.all(last?.ms ?? -Infinity, last?.id ?? -1) as (ClusterLogRowForReplay & {
          ms: number;
        })[],
      ({ ms: _ms, ...row }) => ({ table: 'cluster_log', row }),
    ),
  ];
  for (;;) {
    let next: Cursor<ReplayRow> | null = null;
    for (const c of cursors) {
      const head = c.peek();
      if (head && (next === null || head.row.time < next.peek()!.row.time)) next = c;
    }
    if (next === null) return;
    yield next.take();
  }
}

interface Cursor<T> {
  peek(): T | undefined;
  take(): T;
}

/** Rows read page after page, each page after the last row of the one before. */
function cursor<Row, T>(read: (last: Row | undefined) => Row[], wrap: (row: Row) => T): Cursor<T> {
  let page = read(undefined);
  let at = 0;
  let head: T | undefined;
  const peek = () => {
    if (head !== undefined) return head;
    if (at === page.length && page.length === pageSize) {
      page = read(page[page.length - 1]);
      at = 0;
    }
    const row = page[at];
    head = row === undefined ? undefined : wrap(row);
    return head;
  };
  return {
    peek,
    take: () => {
      const row = peek();
      if (row === undefined) throw new Error('replay cursor read past its end');
      at++;
      head = undefined;
      return row;
    },
  };
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
      `SELECT message FROM cluster_log_lines
       WHERE tag IN (SELECT id FROM cluster_log_tags WHERE component = 'RCM')
         AND message LIKE '%(%)%' LIMIT 20000`,
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

/** What a configuration dump says about one VM resource: its group and VmId (see VmHint). */
export interface VmResourceHint {
  resource: string;
  group: string | null;
  vmId: string | null;
}

/**
 * The VM resources of the configuration dumps (Get-ClusterResource, Get-ClusterParameter, the
 * cluster log's Resources table): those of a "Virtual Machine…" resource type or with a VmId.
 * A group is given only when it holds a single VM (a group with several says nothing about
 * which one a resource is).
 */
export function selectVmHints(db: Store): VmResourceHint[] {
  const rows = db
    .prepare(
      `SELECT name, MAX(owner_group) AS owner_group, MAX(vm_id) AS vm_id,
         MAX(resource_type LIKE 'Virtual Machine%' AND resource_type NOT LIKE '%Configuration%') AS is_vm
       FROM vm_resources
       WHERE name IS NOT NULL AND (resource_type LIKE 'Virtual Machine%' OR vm_id IS NOT NULL)
       GROUP BY name ORDER BY name`,
    )
    .all() as { name: string; owner_group: string | null; vm_id: string | null; is_vm: number }[];
  const vmsPerGroup = new Map<string, number>();
  for (const row of rows)
    if (row.owner_group && (row.is_vm || row.vm_id))
      vmsPerGroup.set(row.owner_group, (vmsPerGroup.get(row.owner_group) ?? 0) + 1);
  return rows.map((row) => ({
    resource: row.name,
    group: row.owner_group && vmsPerGroup.get(row.owner_group) === 1 ? row.owner_group : null,
    vmId: row.vm_id,
  }));
}
