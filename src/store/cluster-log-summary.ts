import { configColumns } from '../model/config-columns.js';
import type { ConfigTable } from '../model/config-row.js';
import type { Store } from './open-database.js';

/** One stored cluster log, with how its times were read. */
export interface ClusterLogSourceSummary {
  path: string;
  node: string | null;
  lines: number;
  first: string | null;
  last: string | null;
  timeBasis: string;
  offsetMinutes: number | null;
  origin: string;
  confidence: string | null;
  evidence: string | null;
}

/** Rows of one configuration table. */
export interface ConfigTableSummary {
  table: ConfigTable;
  rows: number;
  sources: number;
  nodes: string[];
}

/** Every stored cluster log with its line count, UTC span and time basis. */
export function readClusterLogSummary(db: Store): ClusterLogSourceSummary[] {
  return db
    .prepare(
      `SELECT s.path AS path, COALESCE(f.node, s.node) AS node,
         (SELECT COUNT(*) FROM cluster_log WHERE source_id = s.id) AS lines,
         (SELECT MIN(time) FROM cluster_log WHERE source_id = s.id) AS first,
         (SELECT MAX(time) FROM cluster_log WHERE source_id = s.id) AS last,
         COALESCE(f.time_basis, 'unknown') AS timeBasis, f.offset_minutes AS offsetMinutes,
         COALESCE(f.basis_origin, 'unresolved') AS origin, f.confidence AS confidence,
         f.evidence AS evidence
       FROM sources AS s LEFT JOIN cluster_log_files AS f ON f.source_id = s.id
       WHERE s.kind = 'cluster-log' ORDER BY node, s.path`,
    )
    .all() as ClusterLogSourceSummary[];
}

/** Row, source and node counts of each configuration table that holds rows. */
export function readConfigSummary(db: Store): ConfigTableSummary[] {
  const summaries: ConfigTableSummary[] = [];
  for (const table of Object.keys(configColumns) as ConfigTable[]) {
    const counts = db
      .prepare(`SELECT COUNT(*) AS rows, COUNT(DISTINCT source_id) AS sources FROM ${table}`)
      .get() as { rows: number; sources: number };
    if (counts.rows === 0) continue;
    const nodes = (
      db
        .prepare(`SELECT DISTINCT node FROM ${table} WHERE node IS NOT NULL ORDER BY node`)
        .all() as { node: string }[]
    ).map((r) => r.node);
    summaries.push({ table, ...counts, nodes });
  }
  return summaries;
}
