import { millisToIso } from '../model/time.js';
import { CaseClock } from './clock-offsets-table.js';
import { utcTimeTextSql } from './migrations/006-cluster-log-lines.js';
import { correctedTimeSql, shortNodeSql } from './migrations/007-clock-offsets-state-intervals.js';
import type { Store } from './open-database.js';

export interface TimelineFilter {
  /** VM name or id: records mentioning it (in fields, message or cluster log text). */
  vm?: string[];
  /** Rows that belong to the VM whatever their text says (its migrations' evidence). */
  evidence?: { events: number[]; clusterLog: number[] };
  node?: string;
  /** Inclusive UTC bounds (any prefix of a stored time works: `2011-04-15T10:15`). */
  from?: string;
  to?: string;
  limit: number;
}

export interface TimelineRow {
  time: string;
  node: string | null;
  origin: 'event' | 'cluster-log';
  what: string;
  level: string | null;
  text: string;
  ref: string;
}

/**
 * Events and cluster log records of all nodes merged on the case's corrected clock (each
 * node's clock offset taken out), filtered by corrected time; at most `limit + 1` rows so the
 * caller can tell the list was cut.
 */
export function selectTimeline(db: Store, filter: TimelineFilter): TimelineRow[] {
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  const eventWhere: string[] = [];
  // Stored times may sit this far from corrected ones: the index bounds are widened by it.
  const spreadMs = CaseClock.of(db).spreadMs();
  const eventTime = correctedTimeSql('e.time', 'o.offset_ms');
  // Cluster log lines are read from their table (schema step 006): the time index holds
  // milliseconds, so a text bound also gets a millisecond bound that the index can use.
  const logTime = utcTimeTextSql('l.time - COALESCE(o.offset_ms, 0)');
  const logWhere: string[] = ['f.offset_minutes IS NOT NULL', 'l.time IS NOT NULL'];
  if (filter.node !== undefined) {
    params.node = filter.node;
    eventWhere.push('e.node = @node COLLATE NOCASE');
    logWhere.push('f.node = @node COLLATE NOCASE');
  }
  if (filter.from !== undefined) {
    params.from = filter.from;
    eventWhere.push(`${eventTime} >= @from`);
    const bounds = prefixBoundsMs(filter.from);
    if (bounds !== null) {
      params.fromMs = bounds.first - spreadMs;
      params.fromRaw = millisToIso(bounds.first - spreadMs);
      eventWhere.push('e.time >= @fromRaw');
      logWhere.push('l.time >= @fromMs');
    }
    logWhere.push(`${logTime} >= @from`);
  }
  if (filter.to !== undefined) {
    // A bound like 2011-04-15T10:15 includes the whole minute.
    params.to = `${filter.to}\uffff`;
    eventWhere.push(`${eventTime} <= @to`);
    const bounds = prefixBoundsMs(filter.to);
    if (bounds !== null) {
      params.toMs = bounds.last + spreadMs;
      params.toRaw = millisToIso(bounds.last + spreadMs + 1);
      eventWhere.push('e.time <= @toRaw');
      logWhere.push('l.time <= @toMs');
    }
    logWhere.push(`${logTime} <= @to`);
  }
  if (filter.vm && filter.vm.length > 0) {
    const eventTerms: string[] = [];
    const logTerms: string[] = [];
    filter.vm.forEach((name, i) => {
      params[`vm${i}`] = `%${name}%`;
      eventTerms.push(`e.data LIKE @vm${i} OR e.message LIKE @vm${i}`);
      logTerms.push(`l.message LIKE @vm${i}`);
    });
    const ids = (list: number[] | undefined) => (list ?? []).filter(Number.isInteger).join(', ');
    const eventIds = ids(filter.evidence?.events);
    const logIds = ids(filter.evidence?.clusterLog);
    if (eventIds) eventTerms.push(`e.id IN (${eventIds})`);
    if (logIds) logTerms.push(`l.id IN (${logIds})`);
    eventWhere.push(`(${eventTerms.join(' OR ')})`);
    logWhere.push(`(${logTerms.join(' OR ')})`);
  }
  const where = (terms: string[]) => (terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '');
  return db
    .prepare(
      `SELECT ${eventTime} AS time, e.node AS node, 'event' AS origin,
              e.provider || ' ' || e.event_id AS what,
              CASE e.level WHEN 1 THEN 'critical' WHEN 2 THEN 'error' WHEN 3 THEN 'warning' WHEN 4 THEN 'info' WHEN 5 THEN 'verbose' END AS level,
              COALESCE(e.message, e.data) AS text, 'events:' || e.id AS ref
       FROM events AS e LEFT JOIN clock_offsets AS o ON o.node = ${shortNodeSql('e.node')}
       ${where(eventWhere)}
       UNION ALL
       SELECT ${logTime} AS time, f.node AS node, 'cluster-log' AS origin,
              COALESCE(t.component, '') AS what, t.level AS level, l.message AS text,
              'cluster_log:' || l.id AS ref
       FROM cluster_log_lines AS l JOIN cluster_log_sources AS f ON f.source_id = l.source_id
         JOIN cluster_log_tags AS t ON t.id = l.tag
         LEFT JOIN clock_offsets AS o ON o.node = ${shortNodeSql('f.node')}
       ${where(logWhere)}
       ORDER BY time, node, ref
       LIMIT @limit`,
    )
    .all(params) as TimelineRow[];
}

/** Lengths of the stored time text's fields: year, month, day, hour, minute, second, ms. */
const fieldEnds = [4, 7, 10, 13, 16, 19, 23];
/** The smallest time each field's prefix can start: the rest of this text. */
const earliest = '0000-01-01T00:00:00.000';
const wholeFields = /^\d{4}(-\d\d(-\d\d(T\d\d(:\d\d(:\d\d(\.\d{3})?)?)?)?)?)?$/;
/** Longer than any span a prefix ending at that field covers (366 days for a year…). */
const fieldSpanMs = [366 * 86_400_000, 31 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

/**
 * Milliseconds that every stored time text at or after `prefix` is at or after (`first`), and
 * that every one at or before `prefix` + U+FFFF is at or before (`last`); null when the prefix
 * does not start with a whole year. Loose on purpose (the longest whole-field prefix decides):
 * the text comparison stays, this only lets the time index skip. Pure.
 */
export function prefixBoundsMs(prefix: string): { first: number; last: number } | null {
  let field = -1;
  for (let i = 0; i < fieldEnds.length; i++) {
    if (prefix.length >= (fieldEnds[i] ?? Infinity)) field = i;
  }
  if (field < 0) return null;
  const whole = prefix.slice(0, fieldEnds[field]);
  const first = Date.parse(`${whole}${earliest.slice(whole.length)}Z`);
  // Only a prefix of the stored layout that names a real instant bounds the text order.
  if (!wholeFields.test(whole) || Number.isNaN(first)) return null;
  if (!new Date(first).toISOString().startsWith(whole)) return null;
  return { first, last: first + (fieldSpanMs[field] ?? 0) - 1 };
}
