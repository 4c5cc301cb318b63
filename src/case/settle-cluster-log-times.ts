import {
  eventAnchorKeys,
  formatOffset,
  inferTimeOffset,
  lineAnchorKeys,
  type EventAnchor,
  type LineAnchor,
} from '../readers/cluster-log/infer-time-offset.js';
import type { ClusterLogTimeOption } from '../readers/cluster-log/time-basis.js';
import {
  applyClusterLogOffset,
  saveClusterLogFile,
  selectEventAnchorRows,
  selectLineAnchorRows,
  selectPendingClusterLogs,
  type ClusterLogFileRow,
  type PendingClusterLog,
} from '../store/cluster-log-files.js';
import type { Store } from '../store/open-database.js';

/**
 * Settles the time basis of every newly stored cluster log (and of those only assumed UTC
 * before): what the header or `--cluster-log-time` said is recorded as is; otherwise the
 * offset is inferred from the same node's events; failing that, UTC is assumed (the
 * documented default of Get-ClusterLog) and the summary says it is unconfirmed. Returns the
 * rows written to `cluster_log_files`.
 */
export function resolveClusterLogTimes(
  db: Store,
  option: ClusterLogTimeOption | undefined,
): ClusterLogFileRow[] {
  const written: ClusterLogFileRow[] = [];
  for (const pending of selectPendingClusterLogs(db)) {
    const row = db.transaction(() => settle(db, pending, option))();
    if (row !== null) written.push(row);
  }
  return written;
}

function settle(
  db: Store,
  pending: PendingClusterLog,
  option: ClusterLogTimeOption | undefined,
): ClusterLogFileRow | null {
  const base = { source_id: pending.sourceId, node: pending.node };
  if (option !== undefined && option.basis !== 'local' && pending.previousOrigin === 'assumed') {
    const offset = option.basis === 'utc' ? 0 : option.offsetMinutes;
    const basis = option.basis === 'utc' ? 'utc' : 'local';
    applyClusterLogOffset(db, pending.sourceId, offset, basis);
    const row: ClusterLogFileRow = {
      ...base,
      time_basis: basis,
      offset_minutes: offset,
      basis_origin: 'option',
      confidence: null,
      evidence: '--cluster-log-time',
    };
    saveClusterLogFile(db, row);
    return row;
  }
  if (pending.offsetMinutes !== null && pending.previousOrigin === null) {
    const row: ClusterLogFileRow = {
      ...base,
      time_basis: pending.timeBasis,
      offset_minutes: pending.offsetMinutes,
      basis_origin: option !== undefined ? 'option' : 'header',
      confidence: null,
      evidence:
        option !== undefined
          ? '--cluster-log-time'
          : pending.timeBasis === 'local'
            ? `the log header says local time, ${formatOffset(pending.offsetMinutes)}`
            : 'the log header does not say local time (Get-ClusterLog writes UTC by default)',
    };
    saveClusterLogFile(db, row);
    return row;
  }
  const inference = pending.node === null ? null : inferFor(db, pending.sourceId, pending.node);
  if (inference !== null) {
    const basis = inference.offsetMinutes === 0 && pending.timeBasis !== 'local' ? 'utc' : 'local';
    applyClusterLogOffset(db, pending.sourceId, inference.offsetMinutes, basis);
    const row: ClusterLogFileRow = {
      ...base,
      time_basis: basis,
      offset_minutes: inference.offsetMinutes,
      basis_origin: 'inferred',
      confidence: inference.confidence,
      evidence: `${inference.votes} of ${inference.pairs} paired events of ${pending.node} (group moves, service stops) put the log at ${formatOffset(inference.offsetMinutes)}`,
    };
    saveClusterLogFile(db, row);
    return row;
  }
  if (pending.previousOrigin !== null) return null;
  if (pending.timeBasis === 'local') {
    const row: ClusterLogFileRow = {
      ...base,
      time_basis: 'local',
      offset_minutes: null,
      basis_origin: 'unresolved',
      confidence: null,
      evidence:
        'local time, offset unknown and no events of the same node to infer it from; give --cluster-log-time +HH:MM',
    };
    saveClusterLogFile(db, row);
    return row;
  }
  applyClusterLogOffset(db, pending.sourceId, 0, 'unknown');
  const row: ClusterLogFileRow = {
    ...base,
    time_basis: 'unknown',
    offset_minutes: 0,
    basis_origin: 'assumed',
    confidence: 'none',
    evidence:
      'read as UTC (the Get-ClusterLog default) but unconfirmed: the file does not say and no events of the same node pair with it',
  };
  saveClusterLogFile(db, row);
  return row;
}

function inferFor(db: Store, sourceId: number, node: string) {
  const lines: LineAnchor[] = [];
  for (const row of selectLineAnchorRows(db, sourceId)) {
    for (const key of lineAnchorKeys(row.component, row.message))
      lines.push({ key, naiveMs: row.writtenMs });
  }
  if (lines.length === 0) return null;
  const events: EventAnchor[] = [];
  for (const row of selectEventAnchorRows(db, node)) {
    const utcMs = Date.parse(row.time.slice(0, 23) + 'Z');
    if (Number.isNaN(utcMs)) continue;
    let data: Record<string, string>;
    try {
      data = JSON.parse(row.data) as Record<string, string>;
    } catch {
      continue;
    }
    for (const key of eventAnchorKeys(row.provider, row.event_id, data))
      events.push({ key, utcMs });
  }
  return inferTimeOffset(lines, events);
}
