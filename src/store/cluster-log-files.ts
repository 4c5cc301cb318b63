import type { Store } from './open-database.js';

/** How one cluster log's times were read (a row of `cluster_log_files`). */
export interface ClusterLogFileRow {
  source_id: number;
  node: string | null;
  time_basis: string;
  offset_minutes: number | null;
  /** `header`, `option`, `inferred`, `assumed` (UTC by default, unconfirmed) or `unresolved`. */
  basis_origin: string;
  confidence: string | null;
  evidence: string | null;
}

/** A cluster log source whose basis is not settled yet, with what its first record says. */
export interface PendingClusterLog {
  sourceId: number;
  node: string | null;
  timeBasis: string;
  /** Offset implied by a resolved record (local minus UTC, minutes); null when none is. */
  offsetMinutes: number | null;
  previousOrigin: string | null;
}

/**
 * Cluster log sources without a `cluster_log_files` row, and those whose basis was only
 * assumed or could not be resolved (a later ingest may have brought the events that settle it).
 */
export function selectPendingClusterLogs(db: Store): PendingClusterLog[] {
  const rows = db
    .prepare(
      `SELECT s.id AS sourceId, s.node AS node, f.basis_origin AS previousOrigin,
         (SELECT time_basis FROM cluster_log WHERE source_id = s.id ORDER BY id LIMIT 1) AS timeBasis,
         (SELECT CAST(ROUND((julianday(replace(substr(raw_time, 1, 10), '/', '-') || ' ' ||
            substr(raw_time, 12)) - julianday(substr(time, 1, 23))) * 1440) AS INTEGER)
          FROM cluster_log WHERE source_id = s.id AND time IS NOT NULL ORDER BY id LIMIT 1)
          AS offsetMinutes
       FROM sources AS s LEFT JOIN cluster_log_files AS f ON f.source_id = s.id
       WHERE s.kind = 'cluster-log'
         AND (f.source_id IS NULL OR f.basis_origin IN ('assumed', 'unresolved'))
       ORDER BY s.id`,
    )
    .all() as (PendingClusterLog & { timeBasis: string | null })[];
  return rows.map((r) => ({ ...r, timeBasis: r.timeBasis ?? 'unknown' }));
}

/** Group-move and service-stop lines of one cluster log, for pairing with events. */
export function selectLineAnchorRows(
  db: Store,
  sourceId: number,
): { component: string | null; message: string; raw_time: string }[] {
  return db
    .prepare(
      `SELECT component, message, raw_time FROM cluster_log
       WHERE source_id = ? AND (
         (component = 'RCM' AND (message LIKE 'move of group %' OR message LIKE '%MoveGroup: (%'))
         OR (component = 'CS' AND message LIKE 'Service Stopp%'))
       ORDER BY id LIMIT 20000`,
    )
    .all(sourceId) as { component: string | null; message: string; raw_time: string }[];
}

/** Events of one node that can pair with cluster log lines. */
export function selectEventAnchorRows(
  db: Store,
  node: string,
): { time: string; provider: string; event_id: number; data: string }[] {
  return db
    .prepare(
      `SELECT time, provider, event_id, data FROM events
       WHERE node = ? COLLATE NOCASE AND (
         (provider LIKE '%FailoverClustering%' AND event_id IN (1641, 1201, 1204, 1205, 1155, 1069))
         OR provider LIKE '%Hyper-V-High-Availability%'
         OR (provider = 'Service Control Manager' AND event_id = 7036))
       ORDER BY time LIMIT 50000`,
    )
    .all(node) as { time: string; provider: string; event_id: number; data: string }[];
}

/**
 * Resolves every record of a cluster log at `offsetMinutes` (local minus UTC): `time` becomes
 * `raw_time` shifted to UTC, with 7 fractional digits.
 */
export function applyClusterLogOffset(
  db: Store,
  sourceId: number,
  offsetMinutes: number,
  timeBasis: string,
): void {
  db.prepare(
    `UPDATE cluster_log SET time_basis = ?, time = strftime('%Y-%m-%dT%H:%M:%f',
       replace(substr(raw_time, 1, 10), '/', '-') || ' ' || substr(raw_time, 12), ?) || '0000Z'
     WHERE source_id = ?`,
  ).run(timeBasis, `${-offsetMinutes} minutes`, sourceId);
}

/** Records (or replaces) how one cluster log's times were read. */
export function saveClusterLogFile(db: Store, row: ClusterLogFileRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO cluster_log_files
       (source_id, node, time_basis, offset_minutes, basis_origin, confidence, evidence)
     VALUES (@source_id, @node, @time_basis, @offset_minutes, @basis_origin, @confidence, @evidence)`,
  ).run(row);
}
