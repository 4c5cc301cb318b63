import {
  entriesMatching,
  eventMatches,
  storeKeysOf,
  type EventSelector,
} from '../catalog/select.js';
import { configColumns } from '../model/config-columns.js';
import type { ConfigTable } from '../model/config-row.js';
import { CaseClock } from './clock-offsets-table.js';
import type { Store } from './open-database.js';
import { millisToIso, isoToMillis } from '../model/time.js';

/** An event as the diagnosis checks read it (data parsed; time on the case's one clock). */
export interface DiagnosisEventRow {
  id: number;
  node: string;
  /** The corrected time (the node's clock offset taken out). */
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
 * The SQL condition and parameters that keep the events of these catalogue entries: the id,
 * then the provider in any of its stored spellings (ids are unique only within a provider).
 * The roles decided by fields or text are checked afterwards (keepMatching).
 */
function catalogFilter(selectors: readonly EventSelector[]): { sql: string; params: string[] } {
  const { ids, keys } = storeKeysOf(entriesMatching(...selectors));
  return {
    sql: `(event_id IN (SELECT value FROM json_each(?))
           AND lower(provider) || '|' || event_id IN (SELECT value FROM json_each(?)))`,
    params: [JSON.stringify(ids), JSON.stringify(keys)],
  };
}

/** The rows any selector matches, plus those marked `cited`, parsed. */
function keepMatching(
  rows: readonly (EventRow & { cited?: number })[],
  selectors: readonly EventSelector[],
): DiagnosisEventRow[] {
  const out: DiagnosisEventRow[] = [];
  for (const { cited, ...row } of rows) {
    const event = parsed(row);
    if (cited === 1 || selectors.some((s) => eventMatches(event, s))) out.push(event);
  }
  return out;
}

const columns = 'id, node, time, channel, provider, event_id AS eventId, data, message';

/**
 * The events the selectors match (catalogue provider and id, then role) plus every event a
 * migration step cites, in time order.
 */
export function selectDiagnosisEvents(
  db: Store,
  selectors: readonly EventSelector[],
): DiagnosisEventRow[] {
  const filter = catalogFilter(selectors);
  const rows = db
    .prepare(
      `SELECT ${columns}, id IN (SELECT evidence_id FROM migration_steps
                                 WHERE evidence_table = 'events') AS cited
       FROM events
       WHERE ${filter.sql}
          OR id IN (SELECT evidence_id FROM migration_steps WHERE evidence_table = 'events')
       ORDER BY time, id`,
    )
    .all(...filter.params) as (EventRow & { cited: number })[];
  return onCaseClock(keepMatching(rows, selectors), CaseClock.of(db));
}

/** The events the selectors match (catalogue provider and id, then role), in time order. */
export function selectEventsMatching(
  db: Store,
  selectors: readonly EventSelector[],
): DiagnosisEventRow[] {
  const filter = catalogFilter(selectors);
  const rows = db
    .prepare(`SELECT ${columns} FROM events WHERE ${filter.sql} ORDER BY time, id`)
    .all(...filter.params) as EventRow[];
  return onCaseClock(keepMatching(rows, selectors), CaseClock.of(db));
}

/**
 * The events the selectors match between two corrected times (inclusive) on the given nodes
 * (the `node` of `events`), plus the events with the given row ids, in corrected time order.
 * The range is read along the (node, time) index, widened by the largest clock offset, and
 * narrowed again on the corrected times.
 */
export function selectEventsAround(
  db: Store,
  nodes: readonly string[],
  selectors: readonly EventSelector[],
  from: string,
  to: string,
  rowIds: readonly number[],
): DiagnosisEventRow[] {
  const filter = catalogFilter(selectors);
  const clock = CaseClock.of(db);
  const spreadMs = clock.spreadMs();
  const rows = db
    .prepare(
      `SELECT ${columns}, 0 AS cited FROM events
       WHERE node IN (SELECT value FROM json_each(?)) AND time >= ? AND time <= ?
         AND ${filter.sql}
       UNION
       SELECT ${columns}, 1 AS cited FROM events WHERE id IN (SELECT value FROM json_each(?))
       ORDER BY time, id`,
    )
    .all(
      JSON.stringify(nodes),
      widen(from, -spreadMs),
      widen(to, spreadMs),
      ...filter.params,
      JSON.stringify(rowIds),
    ) as (EventRow & {
    cited: number;
  })[];
  const cited = new Set(rows.filter((r) => r.cited === 1).map((r) => r.id));
  // An event both in range and cited comes twice (UNION keeps rows that differ in `cited`).
  const seen = new Set<number>();
  return onCaseClock(
    keepMatching(rows, selectors).filter((e) => !seen.has(e.id) && seen.add(e.id)),
    clock,
  ).filter((e) => cited.has(e.id) || (e.time >= from && e.time <= to));
}

/** A stored time text moved by `ms` ('' stays ''). */
function widen(time: string, ms: number): string {
  return time === '' || ms === 0 ? time : millisToIso(isoToMillis(time) + ms);
}

type EventRow = Omit<DiagnosisEventRow, 'data'> & { data: string };

function parsed(row: EventRow): DiagnosisEventRow {
  return { ...row, data: JSON.parse(row.data) as Record<string, string> };
}

/** Parsed rows with their times corrected, in corrected (time, id) order. */
function onCaseClock(rows: readonly DiagnosisEventRow[], clock: CaseClock): DiagnosisEventRow[] {
  return rows
    .map((row) => ({ ...row, time: clock.correct(row.node, row.time) }))
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id - b.id));
}

/** The nodes events were logged by (as stored). */
export function selectEventNodes(db: Store): string[] {
  return db.prepare('SELECT DISTINCT node FROM events ORDER BY node').pluck().all() as string[];
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
