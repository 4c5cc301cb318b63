import type { SchemaMigration } from '../schema-migrations.js';

/**
 * A node name as `clock_offsets` keys it: upper case, without a domain suffix (the names
 * replay normalises).
 */
export function shortNodeSql(node: string): string {
  return `upper(CASE WHEN instr(${node}, '.') > 0 THEN substr(${node}, 1, instr(${node}, '.') - 1) ELSE ${node} END)`;
}

/**
 * A stored time text moved back by `offset` ms (the node's clock ran ahead by that much), to
 * the tick, in integer arithmetic: the time on the case's one clock.
 */
export function correctedTimeSql(time: string, offsetMs: string): string {
  const ticks = `(unixepoch(substr(${time}, 1, 19)) * 10000000 + CAST(substr(${time} || '0000000', 21, 7) AS INTEGER) - CAST(round(${offsetMs} * 10000) AS INTEGER))`;
  return `CASE WHEN ${offsetMs} IS NULL OR ${offsetMs} = 0 OR ${time} IS NULL THEN ${time}
    ELSE strftime('%Y-%m-%dT%H:%M:%S', ${ticks} / 10000000, 'unixepoch') || '.' || printf('%07d', ${ticks} % 10000000) || 'Z' END`;
}

/**
 * One clock per case and infrastructure state over time (DESIGN §3, §4):
 *
 * - `clock_offsets(node, offset_ms, uncertainty_ms, pairs, basis, reference)`: how far each
 *   node's clock ran ahead of the reference node's, how far the estimate may be off, and the
 *   pairings it rests on. Replaces the `clock_skew` table, which stays as a view with its old
 *   columns (`offset_s` in seconds).
 * - `events_corrected` and `cluster_log_corrected`: every column of `events` and `cluster_log`
 *   (whose `time` stays the time as the node logged it, in UTC) plus `corrected_time`, the
 *   same instant on the case's one clock.
 * - `state_intervals`: per thing and per node that logged it, the states replay derived
 *   (see README, "Infrastructure state over time").
 */
export const clockOffsetsStateIntervals: SchemaMigration = {
  version: 7,
  name: 'clock-offsets-state-intervals',
  sql: `
    CREATE TABLE clock_offsets (
      node TEXT PRIMARY KEY,
      offset_ms REAL NOT NULL,
      uncertainty_ms REAL NOT NULL,
      pairs INTEGER NOT NULL,
      basis TEXT NOT NULL,
      reference TEXT NOT NULL
    );
    INSERT INTO clock_offsets (node, offset_ms, uncertainty_ms, pairs, basis, reference)
      SELECT node, offset_s * 1000, 0, pairs, 'migration-start×' || pairs, reference FROM clock_skew;
    DROP TABLE clock_skew;
    CREATE VIEW clock_skew AS
      SELECT node, offset_ms / 1000.0 AS offset_s, pairs, reference FROM clock_offsets;

    CREATE VIEW events_corrected AS
      SELECT e.*, ${correctedTimeSql('e.time', 'o.offset_ms')} AS corrected_time
      FROM events AS e LEFT JOIN clock_offsets AS o ON o.node = ${shortNodeSql('e.node')};
    CREATE VIEW cluster_log_corrected AS
      SELECT c.*, ${correctedTimeSql('c.time', 'o.offset_ms')} AS corrected_time
      FROM cluster_log AS c LEFT JOIN clock_offsets AS o ON o.node = ${shortNodeSql('c.node')};

    CREATE TABLE state_intervals (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      subject TEXT NOT NULL,
      node TEXT NOT NULL,
      state TEXT NOT NULL,
      started_at TEXT,
      ended_at TEXT,
      start_open INTEGER NOT NULL,
      end_open INTEGER NOT NULL,
      start_table TEXT,
      start_id INTEGER,
      end_table TEXT,
      end_id INTEGER
    );
    CREATE INDEX state_intervals_started ON state_intervals (started_at);
  `,
};
