import type { CaseIdentity } from './case-identity.js';
import type { EcsDataset } from './ecs-document.js';
import type { EventMeanings } from './event-role.js';
import {
  eventLevel,
  clusterLogLevel,
  migrationMessage,
  num,
  placedTime,
  str,
  type StoredRow,
} from './record-views.js';

/** What each dataset's rows say their time is, for Timesketch's `timestamp_desc`. */
const timestampDescriptions: Record<EcsDataset, string> = {
  events: 'Event Recorded',
  cluster_log: 'Cluster Log Recorded',
  migrations: 'Migration Started',
  findings: 'Diagnosis Time',
};

const dataTypes: Record<EcsDataset, string> = {
  events: 'windows:evtx:record',
  cluster_log: 'windows:cluster_log:line',
  migrations: 'lmdoctor:migration',
  findings: 'lmdoctor:finding',
};

/** `2016-09-14T06:10:11.413471+00:00`: ISO-8601 with an explicit offset, as Timesketch reads it. */
function timesketchDatetime(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const rest = String(micros - millis * 1000).padStart(3, '0');
  return `${new Date(millis).toISOString().slice(0, 23)}${rest}+00:00`;
}

/**
 * One Timesketch timeline row (flat fields) for a stored record, or null when it has no UTC
 * time. Migrations and findings are rows of their own, placed at the migration's start and at
 * the time of what the finding is about. Pure apart from the memo in `meanings`.
 */
export function timesketchRow(
  dataset: EcsDataset,
  row: StoredRow,
  identity: CaseIdentity,
  meanings: EventMeanings,
  caseStart: number | null,
): Record<string, unknown> | null {
  const placed = placedTime(dataset, row, caseStart);
  if (placed === null) return null;
  const { own, micros } = placed;
  const common = {
    datetime: timesketchDatetime(micros),
    timestamp: micros,
    timestamp_desc:
      own === null
        ? 'Case Start'
        : dataset === 'migrations' && row.started_at === null
          ? row.requested_at !== null
            ? 'Migration Requested'
            : 'Migration Ended'
          : timestampDescriptions[dataset],
    data_type: dataTypes[dataset],
    case_id: identity.caseId,
    cluster: identity.cluster,
    lmdoctor_ref: `${dataset}:${String(row.id)}`,
  };
  const fields = ((): Record<string, unknown> => {
    switch (dataset) {
      case 'events': {
        const meaning = meanings.of(
          str(row.provider) ?? '',
          num(row.event_id) ?? -1,
          str(row.message),
          str(row.data) ?? '{}',
        );
        return {
          message: str(row.message) ?? str(row.data) ?? '',
          hostname: str(row.node),
          source_name: str(row.provider),
          event_identifier: num(row.event_id),
          channel: str(row.channel),
          record_number: num(row.record_id),
          level: eventLevel(row.level),
          role: meaning.role,
          category: meaning.category,
          event_data: str(row.data),
        };
      }
      case 'cluster_log':
        return {
          message: str(row.message) ?? '',
          hostname: str(row.node),
          component: str(row.component),
          level: clusterLogLevel(row.level),
          pid: num(row.pid),
          tid: num(row.tid),
          line: num(row.line),
        };
      case 'migrations':
        return {
          message: migrationMessage(row),
          hostname: str(row.source_node),
          vm: str(row.vm),
          vm_id: str(row.vm_id),
          migration_id: num(row.id),
          migration_kind: str(row.kind),
          source_node: str(row.source_node),
          destination_node: str(row.destination_node),
          outcome: str(row.outcome),
          failure_side: str(row.failure_side),
          error_code: str(row.error_code),
          error_text: str(row.error_text),
          duration_s: num(row.duration_s),
          blackout_s: num(row.blackout_s),
          ended_at: str(row.ended_at),
        };
      case 'findings':
        return {
          message: str(row.summary) ?? '',
          migration_id: num(row.migration_id),
          scope: str(row.scope),
          cause: str(row.cause),
          verdict: str(row.verdict),
          remediation: str(row.remediation),
        };
    }
  })();
  const out: Record<string, unknown> = { ...common, ...fields };
  for (const key of Object.keys(out)) if (out[key] === null) delete out[key];
  return out;
}
