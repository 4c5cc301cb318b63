import { anchorCategories, clusterLogAnchorLines } from '../catalog/clock-anchors.js';
import { catalogEvents } from '../catalog/events/index.js';
import { storeKeysOf } from '../catalog/select.js';
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
         l.time_basis AS timeBasis, l.offset_minutes AS offsetMinutes
       FROM sources AS s LEFT JOIN cluster_log_files AS f ON f.source_id = s.id
         LEFT JOIN cluster_log_sources AS l ON l.source_id = s.id
       WHERE s.kind = 'cluster-log'
         AND (f.source_id IS NULL OR f.basis_origin IN ('assumed', 'unresolved'))
       ORDER BY s.id`,
    )
    .all() as (PendingClusterLog & { timeBasis: string | null })[];
  return rows.map((r) => ({ ...r, timeBasis: r.timeBasis ?? 'unknown' }));
}

/**
 * Group-move and service-stop lines of one cluster log (catalog/clock-anchors.ts), for pairing
 * with events, with their timestamp as written read as UTC (`writtenMs`).
 */
export function selectLineAnchorRows(
  db: Store,
  sourceId: number,
): { component: string | null; message: string; writtenMs: number }[] {
  const terms = clusterLogAnchorLines.map(() => '(t.component = ? AND l.message LIKE ?)');
  return db
    .prepare(
      `SELECT t.component, l.message, l.time + COALESCE(f.offset_minutes, 0) * 60000 AS writtenMs
       FROM cluster_log_sources AS f JOIN cluster_log_lines AS l
         ON l.id BETWEEN f.first_id AND f.last_id AND l.source_id = f.source_id
         JOIN cluster_log_tags AS t ON t.id = l.tag
       WHERE f.source_id = ? AND l.time IS NOT NULL AND (${terms.join(' OR ')})
       ORDER BY l.id LIMIT 20000`,
    )
    .all(sourceId, ...clusterLogAnchorLines.flatMap((a) => [a.component, a.like])) as {
    component: string | null;
    message: string;
    writtenMs: number;
  }[];
}

/**
 * Events of one node that can pair with cluster log lines: those of the catalogue entries of
 * the anchor categories (by provider and id; eventAnchorKeys decides on each).
 */
export function selectEventAnchorRows(
  db: Store,
  node: string,
): { time: string; provider: string; event_id: number; data: string }[] {
  const { ids, keys } = storeKeysOf(
    catalogEvents.filter((e) => anchorCategories.includes(e.category)),
  );
  return db
    .prepare(
      `SELECT time, provider, event_id, data FROM events
       WHERE node = ? COLLATE NOCASE AND event_id IN (SELECT value FROM json_each(?))
         AND lower(provider) || '|' || event_id IN (SELECT value FROM json_each(?))
       ORDER BY time LIMIT 50000`,
    )
    .all(node, JSON.stringify(ids), JSON.stringify(keys)) as {
    time: string;
    provider: string;
    event_id: number;
    data: string;
  }[];
}

/**
 * Resolves every record of a cluster log at `offsetMinutes` (local minus UTC): the stored
 * times move from the offset they were read at (as written, while it was unknown) to this one.
 */
export function applyClusterLogOffset(
  db: Store,
  sourceId: number,
  offsetMinutes: number,
  timeBasis: string,
): void {
  const file = db
    .prepare('SELECT offset_minutes AS offset FROM cluster_log_sources WHERE source_id = ?')
    .get(sourceId) as { offset: number | null } | undefined;
  if (file === undefined) return;
  const shiftMinutes = offsetMinutes - (file.offset ?? 0);
  if (shiftMinutes !== 0) {
    db.prepare(
      `UPDATE cluster_log_lines SET time = time - ?
       WHERE id BETWEEN (SELECT first_id FROM cluster_log_sources WHERE source_id = @source)
         AND (SELECT last_id FROM cluster_log_sources WHERE source_id = @source)
         AND source_id = @source`,
    ).run(shiftMinutes * 60_000, { source: sourceId });
  }
  db.prepare(
    'UPDATE cluster_log_sources SET offset_minutes = ?, time_basis = ? WHERE source_id = ?',
  ).run(offsetMinutes, timeBasis, sourceId);
}

/** Records (or replaces) how one cluster log's times were read. */
export function saveClusterLogFile(db: Store, row: ClusterLogFileRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO cluster_log_files
       (source_id, node, time_basis, offset_minutes, basis_origin, confidence, evidence)
     VALUES (@source_id, @node, @time_basis, @offset_minutes, @basis_origin, @confidence, @evidence)`,
  ).run(row);
}
