import { configColumns } from '../model/config-columns.js';
import type { ConfigTable } from '../model/config-row.js';
import type { Store } from './open-database.js';

/** An event as the diagnosis checks read it (data parsed). */
export interface DiagnosisEventRow {
  id: number;
  node: string;
  time: string;
  channel: string;
  provider: string;
  eventId: number;
  data: Record<string, string>;
  message: string | null;
}

/** A configuration row with its id (for evidence). */
export interface ConfigRecordRow {
  table: ConfigTable;
  id: number;
  node: string | null;
  values: Record<string, string | number | null>;
}

/** Every row of every configuration table, by table. */
export function selectConfigRecords(db: Store): Record<ConfigTable, ConfigRecordRow[]> {
  const result = {} as Record<ConfigTable, ConfigRecordRow[]>;
  for (const table of Object.keys(configColumns) as ConfigTable[]) {
    const columns = Object.keys(configColumns[table]);
    const rows = db
      .prepare(`SELECT id, node, ${columns.join(', ')} FROM ${table} ORDER BY id`)
      .all() as ({ id: number; node: string | null } & Record<string, string | number | null>)[];
    result[table] = rows.map(({ id, node, ...values }) => ({ table, id, node, values }));
  }
  return result;
}

/**
 * Events with one of `eventIds` (7036 only for the cluster service) plus every event a
 * migration step cites, in time order.
 */
export function selectDiagnosisEvents(db: Store, eventIds: readonly number[]): DiagnosisEventRow[] {
  const rows = db
    .prepare(
      `SELECT id, node, time, channel, provider, event_id AS eventId, data, message FROM events
       WHERE (event_id IN (SELECT value FROM json_each(?))
              AND (event_id <> 7036 OR data LIKE '%Cluster%' OR message LIKE '%Cluster%'))
          OR id IN (SELECT evidence_id FROM migration_steps WHERE evidence_table = 'events')
       ORDER BY time, id`,
    )
    .all(JSON.stringify(eventIds)) as (Omit<DiagnosisEventRow, 'data'> & { data: string })[];
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, string> }));
}

/** The channels each node's events came from. */
export function selectChannelsByNode(db: Store): Record<string, string[]> {
  const rows = db
    .prepare('SELECT DISTINCT node, channel FROM events ORDER BY node, channel')
    .all() as {
    node: string;
    channel: string;
  }[];
  const result: Record<string, string[]> = {};
  for (const r of rows) (result[r.node] ??= []).push(r.channel);
  return result;
}

/** The file and line of cluster log records, by record id (for showing evidence). */
export function selectClusterLogLocations(
  db: Store,
  ids: readonly number[],
): Map<number, { path: string; line: number }> {
  const rows = db
    .prepare(
      `SELECT c.id, s.path, c.line FROM cluster_log c JOIN sources s ON s.id = c.source_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { id: number; path: string; line: number }[];
  return new Map(rows.map((r) => [r.id, { path: r.path, line: r.line }]));
}
