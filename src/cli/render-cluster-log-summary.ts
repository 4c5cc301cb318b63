import { formatOffset } from '../readers/cluster-log/infer-time-offset.js';
import type { ClusterLogSourceSummary, ConfigTableSummary } from '../store/cluster-log-summary.js';

/** How a cluster log's times were read, in a few words (`local UTC+02:00 (header)`). Pure. */
export function describeTimeBasis(log: ClusterLogSourceSummary): string {
  const offset = log.offsetMinutes === null ? 'offset unknown' : formatOffset(log.offsetMinutes);
  switch (log.origin) {
    case 'header':
      return log.timeBasis === 'local' ? `local ${offset} (header)` : 'UTC (header)';
    case 'option':
      return log.timeBasis === 'local'
        ? `local ${offset} (--cluster-log-time)`
        : 'UTC (--cluster-log-time)';
    case 'inferred':
      return `${log.timeBasis === 'utc' ? 'UTC' : `local ${offset}`} (inferred, ${log.confidence ?? 'low'} confidence)`;
    case 'assumed':
      return 'UTC assumed (unconfirmed)';
    default:
      return `local, ${offset} (unresolved)`;
  }
}

/** Table rows for the cluster log section of the analyze summary. Pure. */
export function clusterLogRows(
  logs: ClusterLogSourceSummary[],
): Record<string, string | number | null>[] {
  return logs.map((log) => ({
    node: log.node,
    file: log.path,
    lines: log.lines,
    'time basis': describeTimeBasis(log),
    first: log.first,
    last: log.last,
  }));
}

/** Table rows for the configuration section of the analyze summary. Pure. */
export function configRows(tables: ConfigTableSummary[]): Record<string, string | number | null>[] {
  return tables.map((t) => ({
    table: t.table,
    rows: t.rows,
    files: t.sources,
    nodes: t.nodes.join(', '),
  }));
}

/** Notes under the cluster log table: how each inferred or assumed basis was decided. Pure. */
export function clusterLogNotes(logs: ClusterLogSourceSummary[]): string[] {
  return logs
    .filter(
      (log) => log.origin === 'inferred' || log.origin === 'assumed' || log.origin === 'unresolved',
    )
    .map((log) => `  ${log.path}: ${log.evidence ?? ''}`);
}
