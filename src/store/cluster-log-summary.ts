import { configColumns } from '../model/config-columns.js';
import type { ConfigTable } from '../model/config-row.js';
import { utcTimeTextSql } from './migrations/006-cluster-log-lines.js';
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
  // A file's lines are the range first_id..last_id of cluster_log_lines (schema step 006).
  const ofFile = (what: string) =>
    `(SELECT ${what} FROM cluster_log_lines
      WHERE id BETWEEN l.first_id AND l.last_id AND source_id = s.id)`;
  const resolved = (ms: string) =>
    `CASE WHEN l.offset_minutes IS NOT NULL THEN ${utcTimeTextSql(ms)} END`;
  return db
    .prepare(
      `SELECT s.path AS path, COALESCE(f.node, s.node) AS node,
         ${ofFile('COUNT(*)')} AS lines,
         ${resolved(ofFile('MIN(time)'))} AS first,
         ${resolved(ofFile('MAX(time)'))} AS last,
         COALESCE(f.time_basis, 'unknown') AS timeBasis, f.offset_minutes AS offsetMinutes,
         COALESCE(f.basis_origin, 'unresolved') AS origin, f.confidence AS confidence,
         f.evidence AS evidence
       FROM sources AS s LEFT JOIN cluster_log_files AS f ON f.source_id = s.id
         LEFT JOIN cluster_log_sources AS l ON l.source_id = s.id
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
