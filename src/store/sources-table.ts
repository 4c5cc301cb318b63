import type { Store } from './open-database.js';

export interface SourceRow {
  id: number;
  path: string;
  kind: string;
  node: string | null;
  sha256: string;
  bytes: number;
  records: number;
  warnings: number;
  ingested_at: string;
}

/** The source already stored with this content, if any. */
export function findSourceBySha256(db: Store, sha256: string): SourceRow | undefined {
  return db.prepare('SELECT * FROM sources WHERE sha256 = ?').get(sha256) as SourceRow | undefined;
}

/** Records a problem that belongs to no stored source (a skipped path), once. */
export function recordUnattachedError(db: Store, location: string, message: string): void {
  db.prepare(
    `INSERT INTO ingest_errors (source_id, location, message)
     SELECT NULL, ?, ? WHERE NOT EXISTS (
       SELECT 1 FROM ingest_errors WHERE source_id IS NULL AND location = ? AND message = ?)`,
  ).run(location, message, location, message);
}
