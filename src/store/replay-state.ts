import type { Store } from './open-database.js';

/**
 * A fingerprint of what replay reads: the schema version, the stored files, the time basis
 * each cluster log was read with and the node of files not named by their content. It changes whenever an ingest adds, replaces or re-times
 * anything, and when a newer lmdoctor has a schema step to apply (a database opened for
 * reading then gets opened for writing, which applies it: schema step 6 moved `cluster_log`
 * into tables that `timeline` and `report` read).
 */
export function sourcesFingerprint(db: Store): string {
  const schema = db
    .prepare('SELECT COALESCE(MAX(version), 0) FROM schema_migrations')
    .pluck()
    .get() as number;
  const sources = db
    .prepare(
      'SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS last, COALESCE(SUM(records), 0) AS records FROM sources',
    )
    .get() as { n: number; last: number; records: number };
  const times = db
    .prepare(
      `SELECT COALESCE(GROUP_CONCAT(source_id || ':' || time_basis || ':' || COALESCE(offset_minutes, ''), ','), '') AS basis
       FROM (SELECT * FROM cluster_log_files ORDER BY source_id)`,
    )
    .get() as { basis: string };
  // Files whose node came from a path or --node-map may be given another node by a later run.
  const nodes = db
    .prepare(
      `SELECT COALESCE(GROUP_CONCAT(id || ':' || COALESCE(node, ''), ','), '') AS nodes
       FROM (SELECT id, node FROM sources WHERE COALESCE(node_basis, 'content') <> 'content' ORDER BY id)`,
    )
    .get() as { nodes: string };
  return `v${schema}/${sources.n}/${sources.last}/${sources.records}/${times.basis}/${nodes.nodes}`;
}

/** The fingerprint the stored migrations were rebuilt from, or null (never, or an older database). */
export function replayedFingerprint(db: Store): string | null {
  try {
    const row = db.prepare('SELECT fingerprint FROM replay_state WHERE id = 1').get() as
      { fingerprint: string } | undefined;
    return row?.fingerprint ?? null;
  } catch {
    return null;
  }
}

/** Records that the stored migrations now match `fingerprint`. */
export function recordReplay(db: Store, fingerprint: string): void {
  db.prepare(
    `INSERT INTO replay_state (id, fingerprint, replayed_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, replayed_at = excluded.replayed_at`,
  ).run(fingerprint, new Date().toISOString());
}
