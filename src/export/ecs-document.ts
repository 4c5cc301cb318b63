import type { CaseIdentity } from './case-identity.js';
import type { EventMeanings } from './event-role.js';
import {
  clusterLogLevel,
  eventLevel,
  microsToIso,
  migrationMessage,
  num,
  parseJson,
  placedTime,
  rowMicros,
  str,
  type StoredRow,
} from './record-views.js';

/** ECS version the documents and the index template follow. */
export const ecsVersion = '8.11.0';

/** The datasets written as ECS documents, in order. */
export const ecsDatasets = ['events', 'cluster_log', 'migrations', 'findings'] as const;
export type EcsDataset = (typeof ecsDatasets)[number];

/** Drops null and undefined members (recursively into plain objects) so documents hold only what is known. */
function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.getPrototypeOf(v) === Object.prototype
    ) {
      const inner = compact(v as Record<string, unknown>);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = v;
  }
  return out as T;
}

/** `@timestamp` of a document: microseconds as ISO text (date_nanos keeps them). */
function timestamp(micros: number): string {
  return microsToIso(micros);
}

const ecsOutcome: Record<string, string> = { succeeded: 'success', failed: 'failure' };

/**
 * An ECS document for one stored record, or null when it has no UTC time (a cluster log line
 * whose time basis is unknown). Pure apart from the memo in `meanings`.
 */
export function ecsDocument(
  dataset: EcsDataset,
  row: StoredRow,
  identity: CaseIdentity,
  meanings: EventMeanings,
  caseStart: number | null,
): Record<string, unknown> | null {
  const placed = placedTime(dataset, row, caseStart);
  if (placed === null) return null;
  const { own, micros } = placed;
  const base = {
    '@timestamp': timestamp(micros),
    ecs: { version: ecsVersion },
  };
  const lmdoctor = {
    case_id: identity.caseId,
    cluster: identity.cluster,
    table: dataset,
    id: num(row.id),
  };
  switch (dataset) {
    case 'events': {
      const eventId = num(row.event_id);
      const meaning = meanings.of(
        str(row.provider) ?? '',
        eventId ?? -1,
        str(row.message),
        str(row.data) ?? '{}',
      );
      return compact({
        ...base,
        event: {
          kind: 'event',
          module: 'lmdoctor',
          dataset: 'lmdoctor.events',
          code: eventId === null ? null : String(eventId),
          provider: str(row.provider),
        },
        host: { name: str(row.node) },
        log: { level: eventLevel(row.level) },
        message: str(row.message) ?? str(row.data),
        winlog: {
          channel: str(row.channel),
          provider_name: str(row.provider),
          event_id: eventId === null ? null : String(eventId),
          record_id: num(row.record_id),
          task: num(row.task),
          opcode: num(row.opcode),
          keywords: str(row.keywords),
          activity_id: str(row.activity_id),
          user: { identifier: str(row.user_sid) },
          process: { pid: num(row.process_id), thread: { id: num(row.thread_id) } },
          event_data: parseJson(row.data),
        },
        lmdoctor: {
          ...lmdoctor,
          source_id: num(row.source_id),
          role: meaning.role,
          category: meaning.category,
        },
      });
    }
    case 'cluster_log':
      return compact({
        ...base,
        event: {
          kind: 'event',
          module: 'lmdoctor',
          dataset: 'lmdoctor.cluster_log',
          provider: 'cluster.log',
        },
        host: { name: str(row.node) },
        log: { level: clusterLogLevel(row.level), logger: str(row.component) },
        message: str(row.message),
        process: { pid: num(row.pid), thread: { id: num(row.tid) } },
        lmdoctor: {
          ...lmdoctor,
          source_id: num(row.source_id),
          cluster_log: {
            channel: str(row.channel),
            line: num(row.line),
            time_basis: str(row.time_basis),
            offset_minutes: num(row.offset_minutes),
          },
        },
      });
    case 'migrations': {
      const start = rowMicros(row.started_at ?? null);
      const end = rowMicros(row.ended_at ?? null);
      return compact({
        ...base,
        event: {
          kind: 'event',
          module: 'lmdoctor',
          dataset: 'lmdoctor.migrations',
          action: `${str(row.kind) ?? 'unknown'}-migration`,
          outcome: ecsOutcome[str(row.outcome) ?? ''] ?? 'unknown',
          start: start === null ? null : microsToIso(start),
          end: end === null ? null : microsToIso(end),
          duration: num(row.duration_s) === null ? null : Math.round(num(row.duration_s)! * 1e9),
        },
        host: { name: str(row.source_node) },
        message: migrationMessage(row),
        lmdoctor: {
          ...lmdoctor,
          migration: {
            id: num(row.id),
            vm: str(row.vm),
            vm_id: str(row.vm_id),
            kind: str(row.kind),
            source_node: str(row.source_node),
            destination_node: str(row.destination_node),
            requested_at: str(row.requested_at),
            started_at: str(row.started_at),
            ended_at: str(row.ended_at),
            duration_s: num(row.duration_s),
            blackout_s: num(row.blackout_s),
            outcome: str(row.outcome),
            failure_side: str(row.failure_side),
            error_code: str(row.error_code),
            error_text: str(row.error_text),
            seconds_since_previous_migration: num(row.seconds_since_previous_migration),
            seconds_since_service_start_source: num(row.seconds_since_service_start_source),
            seconds_since_service_start_destination: num(
              row.seconds_since_service_start_destination,
            ),
            seconds_since_rhs_restart_source: num(row.seconds_since_rhs_restart_source),
            seconds_since_rhs_restart_destination: num(row.seconds_since_rhs_restart_destination),
            overlapping: num(row.overlapping),
          },
        },
      });
    }
    case 'findings':
      return compact({
        ...base,
        event: { kind: 'event', module: 'lmdoctor', dataset: 'lmdoctor.findings' },
        message: str(row.summary),
        lmdoctor: {
          ...lmdoctor,
          finding: {
            id: num(row.id),
            migration_id: num(row.migration_id),
            scope: str(row.scope),
            cause: str(row.cause),
            verdict: str(row.verdict),
            summary: str(row.summary),
            remediation: str(row.remediation),
            evidence: parseJson(row.evidence),
            path: parseJson(row.path),
            placed_at_case_start: own === null ? true : null,
          },
        },
      });
  }
}

/** The bulk action line before a document: create with an id, so sending twice adds nothing. */
export function ecsAction(dataset: EcsDataset, row: StoredRow, identity: CaseIdentity): string {
  return JSON.stringify({ create: { _id: `${identity.caseId}:${dataset}:${String(row.id)}` } });
}
