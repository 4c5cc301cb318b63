import type { NodeSpellingRank } from '../model/node-name.js';
import type { Store } from './open-database.js';

/** A stored file whose node is not final yet, with what attribution needs to decide it. */
export interface SourceToAttribute {
  id: number;
  path: string;
  kind: string;
  /** The node its content names (events' Computer, a cluster log header, its rows); null if none. */
  contentNode: string | null;
  /** The node decided before (by a path or a --node-map rule); null if none. */
  previousNode: string | null;
  previousBasis: string | null;
  /** It holds cluster log lines, or configuration rows that do not name their node. */
  needsNode: boolean;
}

/**
 * The distinct nodes of `events`, one index seek per node along (node, time) instead of a scan
 * of the whole index.
 */
const distinctEventNodesSql = `WITH RECURSIVE n(node) AS (
    SELECT MIN(node) FROM events
    UNION ALL SELECT (SELECT MIN(node) FROM events WHERE node > n.node) FROM n WHERE n.node IS NOT NULL)
  SELECT node FROM n WHERE node IS NOT NULL`;

/**
 * Configuration tables whose rows describe the machine the capture was taken on (processors,
 * switches, Win32_OperatingSystem), so a row that does not name its node takes the file's.
 * Interfaces and resources name the nodes they are about; their rows are left as written.
 */
const nodeTakingTables = ['cluster_nodes', 'virtual_switches', 'processors'];

/**
 * Files whose node is not settled by their content: never attributed (`node_basis` NULL,
 * their content node in `node`), or attributed from a path, a --node-map rule or not at all
 * (a later ingest may know more node names or bring a rule).
 */
export function selectSourcesToAttribute(db: Store): SourceToAttribute[] {
  const rows = db
    .prepare(
      `SELECT id, path, kind, node, node_basis AS basis, records FROM sources
       WHERE node_basis IS NULL OR node_basis <> 'content' ORDER BY id`,
    )
    .all() as {
    id: number;
    path: string;
    kind: string;
    node: string | null;
    basis: string | null;
    records: number;
  }[];
  const unnamedRows = db.prepare(
    `SELECT ${nodeTakingTables
      .map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE source_id = @id AND node IS NULL)`)
      .join(' OR ')} AS any_unnamed`,
  );
  return rows.map((row) => {
    const fresh = row.basis === null;
    const previousNode = fresh ? null : row.node;
    let needsNode = false;
    if (row.kind === 'cluster-log') needsNode = row.records > 0;
    else if (row.kind === 'config') {
      needsNode =
        (unnamedRows.get({ id: row.id }) as { any_unnamed: number }).any_unnamed === 1 ||
        (previousNode !== null && filledRows(db, row.id, previousNode) > 0);
    }
    return {
      id: row.id,
      path: row.path,
      kind: row.kind,
      contentNode: fresh ? row.node : null,
      previousNode,
      previousBasis: row.basis,
      needsNode,
    };
  });
}

function filledRows(db: Store, sourceId: number, node: string): number {
  let n = 0;
  for (const table of nodeTakingTables)
    n += (
      db
        .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE source_id = ? AND node = ?`)
        .get(sourceId, node) as { n: number }
    ).n;
  return n;
}

/**
 * Every spelling of a node name the store holds, with where it comes from: the cluster's node
 * lists, cluster log headers, events' `Computer`, files attributed by a path or a rule.
 */
export function selectStoredNodeNames(db: Store): { name: string; rank: NodeSpellingRank }[] {
  const rows = db
    .prepare(
      `SELECT name, 'node-list' AS rank FROM cluster_nodes WHERE name IS NOT NULL
       UNION ALL SELECT node, 'node-list' FROM cluster_nodes WHERE node IS NOT NULL
       UNION ALL SELECT node, 'node-list' FROM network_interfaces WHERE node IS NOT NULL
       UNION ALL SELECT node, 'node-list' FROM vm_resources WHERE node IS NOT NULL
       UNION ALL SELECT node, 'cluster-log' FROM sources
         WHERE kind = 'cluster-log' AND node IS NOT NULL AND COALESCE(node_basis, 'content') = 'content'
       UNION ALL SELECT node, 'events' FROM (${distinctEventNodesSql})
       UNION ALL SELECT node, 'events' FROM sources
         WHERE kind = 'config' AND node IS NOT NULL AND COALESCE(node_basis, 'content') = 'content'
       UNION ALL SELECT node, 'path' FROM processors WHERE node IS NOT NULL
       UNION ALL SELECT node, 'path' FROM virtual_switches WHERE node IS NOT NULL
       UNION ALL SELECT node, CASE node_basis WHEN 'node-map' THEN 'user' ELSE 'path' END FROM sources
         WHERE node IS NOT NULL AND node_basis IN ('node-map', 'file-name', 'folder')`,
    )
    .all() as { name: string; rank: NodeSpellingRank }[];
  return rows;
}

/** What attribution decided for one file. */
export interface SourceNodeUpdate {
  id: number;
  kind: string;
  node: string | null;
  basis: string;
  evidence: string;
  /** The node its rows took before (replaced by `node`), if any. */
  previousNode: string | null;
}

/**
 * Records a file's node and how it was decided, and gives it to the records that take the
 * file's node: the file's cluster log lines (one row per file) and the configuration rows
 * that do not name their own.
 */
export function saveSourceNode(db: Store, update: SourceNodeUpdate): void {
  db.prepare('UPDATE sources SET node = ?, node_basis = ?, node_evidence = ? WHERE id = ?').run(
    update.node,
    update.basis,
    update.evidence,
    update.id,
  );
  if (update.kind === 'cluster-log') {
    db.prepare('UPDATE cluster_log_sources SET node = ? WHERE source_id = ?').run(
      update.node,
      update.id,
    );
    db.prepare('UPDATE cluster_log_files SET node = ? WHERE source_id = ?').run(
      update.node,
      update.id,
    );
  }
  if (update.kind === 'config') {
    for (const table of nodeTakingTables) {
      db.prepare(
        `UPDATE ${table} SET node = ? WHERE source_id = ? AND (node IS NULL OR node = ?)`,
      ).run(update.node, update.id, update.previousNode);
    }
  }
}

/** Records (once) the problem that a file's node could not be decided. */
export function recordNodeProblem(db: Store, sourceId: number, message: string): void {
  db.prepare(
    "DELETE FROM ingest_errors WHERE source_id = ? AND location = 'node' AND message <> ?",
  ).run(sourceId, message);
  db.prepare(
    `INSERT INTO ingest_errors (source_id, location, message)
     SELECT ?, 'node', ? WHERE NOT EXISTS (
       SELECT 1 FROM ingest_errors WHERE source_id = ? AND location = 'node' AND message = ?)`,
  ).run(sourceId, message, sourceId, message);
}

/** Forgets a file's node problem (its node is now known). */
export function clearNodeProblem(db: Store, sourceId: number): void {
  db.prepare("DELETE FROM ingest_errors WHERE source_id = ? AND location = 'node'").run(sourceId);
}

/** Columns that hold node names, by table. */
const nodeColumns: [table: string, column: string][] = [
  ['sources', 'node'],
  ['cluster_log_sources', 'node'],
  ['cluster_log_files', 'node'],
  ['cluster_nodes', 'node'],
  ['cluster_nodes', 'name'],
  ['network_interfaces', 'node'],
  ['vm_resources', 'node'],
  ['virtual_switches', 'node'],
  ['processors', 'node'],
];

/**
 * Writes every stored node name the way the case shows that node (`canonical`): a node the
 * events call `prdhv11` and the cluster's node list `PRDHV11` becomes `PRDHV11` in every
 * table. Only spellings that differ are touched; events of a node are rewritten through the
 * (node, time) index, and an event that then equals one already stored (the same record read
 * under both spellings) is dropped as the duplicate it is. Returns the events rewritten.
 */
export function canonicalizeStoredNodes(db: Store, canonical: (name: string) => string): number {
  let events = 0;
  db.transaction(() => {
    for (const [table, column] of nodeColumns) {
      const spellings = db
        .prepare(`SELECT DISTINCT ${column} AS name FROM ${table} WHERE ${column} IS NOT NULL`)
        .pluck()
        .all() as string[];
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`);
      for (const name of spellings) {
        const shown = canonical(name);
        if (shown !== name) update.run(shown, name);
      }
    }
    const spellings = db.prepare(distinctEventNodesSql).pluck().all() as string[];
    for (const name of spellings) {
      const shown = canonical(name);
      if (shown === name) continue;
      events += db
        .prepare('UPDATE OR IGNORE events SET node = ? WHERE node = ?')
        .run(shown, name).changes;
      db.prepare('DELETE FROM events WHERE node = ?').run(name);
    }
  })();
  return events;
}
