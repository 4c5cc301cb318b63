import type { Store } from './open-database.js';

export interface SourceRow {
  id: number;
  path: string;
  kind: string;
  node: string | null;
  node_basis: string | null;
  sha256: string;
  bytes: number;
  records: number;
  warnings: number;
  ingested_at: string;
}

/**
 * The source already stored with this content and file name, if any. The name counts because
 * the node may come from it: HV01-Get-VMSwitch.txt and HV02-Get-VMSwitch.txt may hold the
 * same bytes and still say different things. So does the folder for a file whose content does
 * not name its node: HV01/Get-VMSwitch.txt and HV02/Get-VMSwitch.txt are two files.
 */
export function findStoredSource(db: Store, sha256: string, path: string): SourceRow | undefined {
  const rows = db
    .prepare('SELECT * FROM sources WHERE sha256 = ? ORDER BY id')
    .all(sha256) as SourceRow[];
  const [name, folder] = lastPieces(path);
  return rows.find((row) => {
    const [rowName, rowFolder] = lastPieces(row.path);
    if (rowName !== name) return false;
    const nodeFromContentOrName =
      row.node_basis === 'content' ||
      row.node_basis === 'file-name' ||
      (row.node_basis === null && row.node !== null);
    return nodeFromContentOrName || rowFolder === folder;
  });
}

/** File name and the folder (or zip file) holding it, lower case. */
function lastPieces(path: string): [string, string] {
  const pieces = path.toLowerCase().split(/[\\/!]+/);
  return [pieces[pieces.length - 1] ?? '', pieces[pieces.length - 2] ?? ''];
}

/**
 * Records problems not tied to a stored file (skipped paths), each once however many runs
 * meet it, in one transaction; an index finds earlier entries (linear in their number).
 */
export function recordUnattachedErrors(
  db: Store,
  entries: readonly { location: string; message: string }[],
): void {
  if (entries.length === 0) return;
  const insert = db.prepare(
    `INSERT INTO ingest_errors (source_id, location, message)
     SELECT NULL, ?, ? WHERE NOT EXISTS (
       SELECT 1 FROM ingest_errors WHERE source_id IS NULL AND location = ? AND message = ?)`,
  );
  db.transaction(() => {
    for (const { location, message } of entries) insert.run(location, message, location, message);
  })();
}
