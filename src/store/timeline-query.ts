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
 * Events and cluster log records of all nodes merged on the UTC clock, filtered; at most
 * `limit + 1` rows so the caller can tell the list was cut.
 */
export function selectTimeline(db: Store, filter: TimelineFilter): TimelineRow[] {
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  const eventWhere: string[] = [];
  const logWhere: string[] = ['time IS NOT NULL'];
  if (filter.node !== undefined) {
    params.node = filter.node;
    eventWhere.push('node = @node COLLATE NOCASE');
    logWhere.push('node = @node COLLATE NOCASE');
  }
  if (filter.from !== undefined) {
    params.from = filter.from;
    eventWhere.push('time >= @from');
    logWhere.push('time >= @from');
  }
  if (filter.to !== undefined) {
    // A bound like 2011-04-15T10:15 includes the whole minute.
    params.to = `${filter.to}\uffff`;
    eventWhere.push('time <= @to');
    logWhere.push('time <= @to');
  }
  if (filter.vm && filter.vm.length > 0) {
    const eventTerms: string[] = [];
    const logTerms: string[] = [];
    filter.vm.forEach((name, i) => {
      params[`vm${i}`] = `%${name}%`;
      eventTerms.push(`data LIKE @vm${i} OR message LIKE @vm${i}`);
      logTerms.push(`message LIKE @vm${i}`);
    });
    const ids = (list: number[] | undefined) => (list ?? []).filter(Number.isInteger).join(', ');
    const eventIds = ids(filter.evidence?.events);
    const logIds = ids(filter.evidence?.clusterLog);
    if (eventIds) eventTerms.push(`id IN (${eventIds})`);
    if (logIds) logTerms.push(`id IN (${logIds})`);
    eventWhere.push(`(${eventTerms.join(' OR ')})`);
    logWhere.push(`(${logTerms.join(' OR ')})`);
  }
  const where = (terms: string[]) => (terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '');
  return db
    .prepare(
      `SELECT time, node, 'event' AS origin, provider || ' ' || event_id AS what,
              CASE level WHEN 1 THEN 'critical' WHEN 2 THEN 'error' WHEN 3 THEN 'warning' WHEN 4 THEN 'info' WHEN 5 THEN 'verbose' END AS level,
              COALESCE(message, data) AS text, 'events:' || id AS ref
       FROM events ${where(eventWhere)}
       UNION ALL
       SELECT time, node, 'cluster-log' AS origin, COALESCE(component, '') AS what, level, message AS text,
              'cluster_log:' || id AS ref
       FROM cluster_log ${where(logWhere)}
       ORDER BY time, node, ref
       LIMIT @limit`,
    )
    .all(params) as TimelineRow[];
}
